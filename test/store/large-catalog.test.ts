import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { openCatalog } from '../../src/store/catalog.js';
import { writeCatalog } from '../../src/store/write-catalog.js';
import { temporaryFolder } from './fixtures/catalog-file.js';
import { syntheticRules } from './synthetic-rules.js';

const folder = temporaryFolder();
after(() => fs.rmSync(folder, { recursive: true, force: true }));

// How fast it is written is measured by `npm run bench`; this checks the size is handled whole.
test('a catalog the size of the real one (8,000 rules) is written whole', () => {
  const rules = syntheticRules(8000);
  const file = path.join(folder, 'large.db');

  writeCatalog(file, {
    rules,
    failures: [],
    summary: { sources: {}, rules: rules.length, seconds: 0 },
    sources: [],
  });

  const catalog = openCatalog(file);
  assert.equal(catalog.list({ page: 1, pageSize: 1 }).total, 8000);
  // Every seventh rule, starting with the second, is about the registry.
  assert.equal(catalog.search('registry', { page: 1, pageSize: 1 }).total, 1143);
  catalog.close();
});
