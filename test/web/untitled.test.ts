import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { openCatalog } from '../../src/store/catalog.js';
import { writeCatalog } from '../../src/store/write-catalog.js';
import { createApp } from '../../src/web/app.js';
import { temporaryFolder } from '../store/fixtures/catalog-file.js';
import { fixtureSummary, rule } from '../store/fixtures/rules.js';

// Two rules without a title; the first lists the second as a narrower variant.
const blank = rule({ source: 'sigma', upstreamId: 'blank-b', title: '' });
const withNeighbor = {
  ...rule({ source: 'sigma', upstreamId: 'blank-a', title: ' ', description: 'wordy' }),
  neighbors: {
    broader: [],
    narrower: [{ ...blank, reason: 'It also requires a parent process.' }],
  },
};
const folder = temporaryFolder();
const file = path.join(folder, 'untitled.db');
writeCatalog(file, {
  rules: [withNeighbor, blank],
  failures: [],
  summary: fixtureSummary(),
  sources: [],
});
const catalog = openCatalog(file);
const app = createApp(catalog);
after(() => {
  catalog.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const untitled = (id: string) =>
  `<span class="untitled">${id} <span class="badge">untitled</span></span></a>`;

async function body(page: string): Promise<string> {
  const response = await app.request(page);
  assert.equal(response.status, 200, page);
  return response.text();
}

test('a listing names an untitled rule by its catalog id, marked untitled', async () => {
  const listing = await body('/sources/sigma');
  assert.ok(listing.includes(`<a href="/rules/sigma%3Ablank-a">${untitled('sigma:blank-a')}`));
  assert.ok(listing.includes(`<a href="/rules/sigma%3Ablank-b">${untitled('sigma:blank-b')}`));
  assert.ok(!listing.includes('"></a>'));
});

test('search results name an untitled rule by its catalog id', async () => {
  const results = await body('/search?q=wordy');
  assert.ok(results.includes(`<a href="/rules/sigma%3Ablank-a">${untitled('sigma:blank-a')}`));
});

test('a neighbor list and the rule heading name an untitled rule by its catalog id', async () => {
  const page = await body('/rules/sigma%3Ablank-a');
  assert.ok(page.includes(`<a href="/rules/sigma%3Ablank-b">${untitled('sigma:blank-b')}`));
  assert.ok(page.includes('<title>sigma:blank-a (untitled) · ruledex</title>'));
  assert.ok(page.includes(`<h1>${untitled('sigma:blank-a').slice(0, -4)}</h1>`));
});
