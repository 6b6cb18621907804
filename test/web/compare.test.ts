import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, test } from 'node:test';
import { compareRules } from '../../src/cli/compare.js';
import { showRule } from '../../src/cli/show.js';
import { openCatalog } from '../../src/store/catalog.js';
import { createApp } from '../../src/web/app.js';
import { compareJson } from '../../src/web/compare/compare-json.js';
import { temporaryFolder } from '../store/fixtures/catalog-file.js';
import {
  BROAD_ID,
  ELSEWHERE_ID,
  HOSTILE_TITLE,
  NARROW_ID,
  neighborRules,
  OTHER_ID,
  SAME_ID,
  writeNeighborCatalog,
} from '../store/fixtures/neighbor-catalog.js';
import { schemaErrors } from './json-schemas.js';

const folder = temporaryFolder();
const db = writeNeighborCatalog(folder);
const catalog = openCatalog(db);
const app = createApp(catalog);
after(() => {
  catalog.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const query = (a: string, b: string) => `a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;

async function json(path: string, status: number): Promise<Record<string, unknown>> {
  const response = await app.request(path);
  assert.equal(response.status, status, path);
  return (await response.json()) as Record<string, unknown>;
}

async function page(path: string, status: number): Promise<string> {
  const response = await app.request(path);
  assert.equal(response.status, status, path);
  return response.text();
}

test('/api/compare gives both rules, their relation and the condition mapping', async () => {
  const body = await json(`/api/compare?${query(BROAD_ID, NARROW_ID)}`, 200);
  assert.deepEqual(schemaErrors('compare', body), []);
  assert.equal(body.relation, 'broader');
  assert.equal(body.bBroader, null);
  assert.equal(body.overlap, null);
  const proof = body.aBroader as { id: string; mapping: unknown[]; closeness: unknown };
  assert.equal(proof.id, NARROW_ID);
  assert.deepEqual(proof.closeness, { measure: 'added-conditions', value: 1 });
  assert.deepEqual(proof.mapping, [
    {
      a: { written: 'process_name eq x.exe', canonical: 'process.name eq "x.exe" (any case)' },
      b: { written: 'process_name eq x.exe', canonical: 'process.name eq "x.exe" (any case)' },
    },
  ]);
  const a = body.a as { stages: { predicates: unknown[] }[] };
  assert.deepEqual(a.stages[0].predicates, [
    {
      negated: false,
      written: 'process_name eq "x.exe" (any case)',
      canonical: 'process.name eq "x.exe"',
    },
  ]);
});

test('/api/compare reads the pair both ways: narrower, equivalent, overlapping', async () => {
  const relation = async (a: string, b: string) =>
    (await json(`/api/compare?${query(a, b)}`, 200)).relation;
  assert.equal(await relation(NARROW_ID, BROAD_ID), 'narrower');
  assert.equal(await relation(NARROW_ID, SAME_ID), 'equivalent');
  assert.equal(await relation(NARROW_ID, OTHER_ID), 'overlapping');
  // The pair page looks for a common event even without a shared required atom.
  assert.equal(await relation(BROAD_ID, OTHER_ID), 'overlapping');
  assert.equal(await relation(BROAD_ID, ELSEWHERE_ID), 'none');
});

test('/compare shows both rules side by side, the relation and the mapping, escaped', async () => {
  const markup = await page(`/compare?${query(OTHER_ID, NARROW_ID)}`, 200);
  assert.match(markup, /A and B overlap: at least one event matches both/);
  assert.match(markup, /<div class="compare">/);
  assert.match(markup, /<th>Common value<\/th>/);
  assert.ok(markup.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co'));
  assert.ok(!markup.includes(HOSTILE_TITLE));
});

test('compare answers 404 for an unknown rule and 400 without both rules', async () => {
  assert.match(await page(`/compare?${query(BROAD_ID, 'splunk:missing')}`, 404), /No such rule/);
  const missing = await json(`/api/compare?${query('splunk:missing', BROAD_ID)}`, 404);
  assert.deepEqual(schemaErrors('error', missing), []);
  await page(`/compare?a=${encodeURIComponent(BROAD_ID)}`, 400);
  await json('/api/compare', 400);
  await json(`/api/compare?${query(BROAD_ID, 'x'.repeat(301))}`, 400);
});

test('the rule page lists each relation with reason, mapping and compare link', async () => {
  const markup = await page(`/rules/${encodeURIComponent(NARROW_ID)}`, 200);
  for (const heading of ['Equivalent rules', 'Broader alternatives', 'Narrower variants']) {
    assert.ok(markup.includes(`<h3>${heading}</h3>`), heading);
  }
  assert.ok(markup.includes('<h3>Overlapping rules</h3>'));
  const link = (b: string) => `href="/compare?${query(NARROW_ID, b).replace('&', '&amp;')}"`;
  assert.ok(markup.includes(link(SAME_ID)));
  assert.ok(markup.includes(link(OTHER_ID)));
  assert.match(markup, /<summary>Condition mapping \(1\)<\/summary>/);
  assert.ok(markup.includes('&lt;script&gt;'));
  assert.ok(!markup.includes(HOSTILE_TITLE));
});

test('/api/rules/:id lists the four relations in the schema', async () => {
  const body = await json(`/api/rules/${encodeURIComponent(NARROW_ID)}`, 200);
  assert.deepEqual(schemaErrors('rule', body), []);
  const neighbors = body.neighbors as Record<string, { id: string }[]>;
  assert.deepEqual(
    Object.fromEntries(Object.entries(neighbors).map(([k, list]) => [k, list.map((n) => n.id)])),
    { broader: [BROAD_ID], narrower: [], equivalent: [SAME_ID], overlapping: [OTHER_ID] },
  );
});

test('ruledex compare --json prints the /api/compare JSON; an unknown rule exits 1', () => {
  const outcome = compareRules(BROAD_ID, NARROW_ID, { db, json: true });
  assert.equal(outcome.status, 0);
  const [broad, narrow] = neighborRules();
  const expected: unknown = JSON.parse(JSON.stringify(compareJson(broad, narrow)));
  assert.deepEqual(JSON.parse(outcome.stdout), expected);
  const text = compareRules(BROAD_ID, NARROW_ID, { db });
  assert.match(text.stdout, /^A is broader than B: it matches every event B matches, and more\.$/m);
  assert.match(text.stdout, /^ {2}process_name eq x\.exe {2}<= {2}process_name eq x\.exe$/m);
  const unknown = compareRules(BROAD_ID, 'splunk:missing', { db });
  assert.equal(unknown.status, 1);
  assert.equal(unknown.stderr, `ruledex compare: no rule splunk:missing in ${db}\n`);
});

test('ruledex show lists the four relations with each neighbor\'s condition mapping', () => {
  const text = showRule(NARROW_ID, { db }).stdout;
  for (const heading of [
    'Equivalent rules (match exactly the same events):',
    'Broader alternatives (match everything this rule does, and more):',
    'Narrower variants (match part of what this rule does):',
    'Overlapping rules (share a required condition and some events):',
  ]) {
    assert.ok(text.includes(`  ${heading}\n`), heading);
  }
  assert.match(text, /^ {8}process_name eq x\.exe {2}<= {2}process_name eq x\.exe$/m);
  const overlap = / {8}CommandLine contains -enc {2}and {2}CommandLine contains -enc {2}both hold/;
  assert.match(text, overlap);
});
