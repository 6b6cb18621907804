// A catalog write the file system refuses is reported in one line naming the catalog, as an
// error for the user (no stack), and leaves no temporary file.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { CatalogError } from '../../src/store/catalog-error.js';
import { writeCatalog } from '../../src/store/write-catalog.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'ruledex-write-errors-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const EMPTY = {
  rules: [],
  failures: [],
  summary: { sources: {}, rules: 0, seconds: 0 },
  sources: [],
};

describe('writeCatalog errors', () => {
  test('a file SQLite cannot create is a CatalogError naming the catalog', () => {
    // Its "folder" is a regular file: SQLite cannot open a file inside it.
    writeFileSync(path.join(scratch, 'not-a-folder'), '');
    const target = path.join(scratch, 'not-a-folder', 'catalog.sqlite');
    assert.throws(
      () => writeCatalog(target, EMPTY),
      (error: unknown) => {
        assert.ok(error instanceof CatalogError);
        assert.equal(error.userFacing, true);
        assert.match(error.message, /^cannot write the catalog .*catalog\.sqlite: /);
        return true;
      },
    );
    assert.deepEqual(readdirSync(scratch), ['not-a-folder']);
  });

  test('a catalog it can write is written', () => {
    const target = path.join(scratch, 'catalog.sqlite');
    writeCatalog(target, EMPTY);
    assert.deepEqual(readdirSync(scratch).sort(), ['catalog.sqlite', 'not-a-folder']);
  });
});
