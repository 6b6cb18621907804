// A catalog path that names a folder is refused by name, not with SQLite's "disk I/O error".

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { EXIT_BAD_CATALOG, showRule } from '../../src/cli/show.js';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ruledex-catalog-folder-'));
after(() => fs.rmSync(folder, { recursive: true, force: true }));

test('show --db with a folder says the path is a folder', () => {
  const outcome = showRule('sigma:x', { db: folder });
  assert.equal(outcome.status, EXIT_BAD_CATALOG);
  assert.equal(outcome.stderr, `ruledex show: ${folder} is a folder, not a catalog file `
    + '(give the file written by `ruledex build`)\n');
});
