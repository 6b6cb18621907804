import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, test } from 'node:test';
import { openCatalog } from '../../src/store/catalog.js';
import { createApp } from '../../src/web/app.js';
import { temporaryFolder, writeFixtureCatalog } from '../store/fixtures/catalog-file.js';
import { damageRulesTable } from '../store/fixtures/damaged-catalog.js';
import { REFERENCE_SHAPED_ID } from '../store/fixtures/rules.js';

// Opened without the check at open, as a file damaged while the server runs would be.
const folder = temporaryFolder();
const file = writeFixtureCatalog(folder);
damageRulesTable(file);
const catalog = openCatalog(file);
const app = createApp(catalog);
after(() => {
  catalog.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const rulePath = `/rules/${encodeURIComponent(REFERENCE_SHAPED_ID)}`;

test('an API route over a damaged catalog answers the generic 500 and logs one line', async (t) => {
  const logged = t.mock.method(console, 'error', () => undefined);
  const response = await app.request(`/api${rulePath}`);
  assert.equal(response.status, 500);
  assert.deepEqual(await response.json(), {
    error: { code: 'internal', message: 'The server could not answer this request.' },
  });
  assert.deepEqual(
    logged.mock.calls.map((call) => call.arguments),
    [
      [
        `ruledex serve: GET /api${rulePath} failed: cannot read catalog ${file}: ` +
          'database disk image is malformed (the file is damaged: rebuild it with `ruledex build`)',
      ],
    ],
  );
});

test('a page over a damaged catalog is the server error page without internals', async (t) => {
  const logged = t.mock.method(console, 'error', () => undefined);
  for (const page of [rulePath, '/search?q=wmi', '/sources/sigma']) {
    const response = await app.request(page);
    assert.equal(response.status, 500, page);
    const body = await response.text();
    assert.ok(body.includes('The server could not answer this request.'), page);
    assert.ok(!body.includes('malformed') && !body.includes('Sqlite'), page);
  }
  assert.equal(logged.mock.callCount(), 3);
  for (const call of logged.mock.calls) {
    assert.equal(call.arguments.length, 1);
    assert.ok(!String(call.arguments[0]).includes('\n'));
  }
});
