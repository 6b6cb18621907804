import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import type { AnalyzedRule, Expr, Indicator } from '../../src/ir/index.js';
import { openCatalog } from '../../src/store/catalog.js';
import { writeCatalog } from '../../src/store/write-catalog.js';
import { createApp } from '../../src/web/app.js';
import { rulePage } from '../../src/web/rule-page/rule-page.js';
import { temporaryFolder } from '../store/fixtures/catalog-file.js';
import { fixtureSummary, rule } from '../store/fixtures/rules.js';

// One stage ORing 5,000 hashes, and indicators holding 1,000 values, then 50 more of one each.
const HASHES = Array.from({ length: 5000 }, (_, i) => `hash${String(i).padStart(5, '0')}`);
const anyHash: Expr = {
  kind: 'or',
  args: HASHES.map((value) => ({
    kind: 'predicate',
    predicate: {
      field: 'Hashes',
      op: 'eq',
      values: [value],
      caseSensitive: false,
      // As written in the query: a condition whose text does not name its field reads as derived.
      text: `Hashes=${value}`,
    },
  })),
};
const noCorpus = { total: 0, bySource: {} };
function indicator(field: string, values: string[]): Indicator {
  const listed = values.map((value) => ({ value, corpus: noCorpus }));
  return {
    field,
    canonicalField: field,
    op: 'eq',
    negated: false,
    caseSensitive: false,
    values: listed,
  };
}
const large: AnalyzedRule = {
  ...rule({ source: 'splunk', upstreamId: 'many-hashes', title: 'Known bad hashes' }),
  pipeline: [
    { index: 1, command: 'search', text: 'search', effect: 'filter', args: {}, predicate: anyHash },
  ],
  indicators: [
    indicator('Hashes', HASHES.slice(0, 1000)),
    ...HASHES.slice(1000, 1050).map((h, i) => indicator(`Field${i}`, [h])),
  ],
};

const folder = temporaryFolder();
const file = path.join(folder, 'large.db');
writeCatalog(file, { rules: [large], failures: [], summary: fixtureSummary(), sources: [] });
const catalog = openCatalog(file);
const app = createApp(catalog);
after(() => {
  catalog.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const json = '<a href="/api/rules/splunk%3Amany-hashes">see the JSON</a>';

async function page(): Promise<string> {
  const response = await app.request('/rules/splunk%3Amany-hashes');
  assert.equal(response.status, 200);
  return response.text();
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

test('a predicate tree over 2,000 nodes is cut, counting the conditions left out', async () => {
  const body = await page();
  const stages = body.slice(body.indexOf('id="stages"'), body.indexOf('id="indicators"'));
  // The ANY OF node and 1,999 of its conditions.
  assert.equal(count(stages, '<span class="predicate">'), 1999);
  assert.ok(stages.includes(`<li class="more">… 3,001 more conditions (${json})</li>`));
});

test('indicator values past 300 on a page are cut, per indicator and for whole rows', async () => {
  const body = await page();
  const indicators = body.slice(body.indexOf('id="indicators"'), body.indexOf('id="neighbors"'));
  assert.equal(count(indicators, '<code>&quot;hash'), 300);
  assert.ok(indicators.includes(`<li class="more">… 700 more values (${json})</li>`));
  assert.ok(indicators.includes(`<p class="more">… 50 more indicators (${json})</p>`));
  assert.ok(body.length < 400_000, `${body.length} characters`);
});

test('the JSON of the rule stays complete', async () => {
  const response = await app.request('/api/rules/splunk%3Amany-hashes');
  const body = (await response.json()) as {
    stages: { predicate: { args: unknown[] } }[];
    indicators: { values: unknown[] }[];
  };
  assert.equal(body.stages[0].predicate.args.length, 5000);
  assert.equal(body.indicators.length, 51);
  assert.equal(body.indicators[0].values.length, 1000);
});

test('an indicator without values (a field that must exist) is a row, not counted as cut', () => {
  const exists = { ...indicator('CommandLine', []), op: 'exists' as const };
  const markup = rulePage({ ...rule({ source: 'sigma', upstreamId: 'e' }), indicators: [exists] })
    .markup;
  assert.ok(markup.includes('<td><code>CommandLine</code>'));
  assert.ok(!markup.includes('class="more"'));
});

test('a stage text over 10,000 characters is cut, pointing to the original query', () => {
  const text = `search ${'x OR '.repeat(10_000)}y`;
  const stage = { index: 1, command: 'search', text, effect: 'filter' as const, args: {} };
  const long = { ...rule({ source: 'splunk', upstreamId: 'l' }), query: text, pipeline: [stage] };
  const markup = rulePage(long).markup;
  const stages = markup.slice(markup.indexOf('id="stages"'), markup.indexOf('id="indicators"'));
  assert.ok(stages.includes(`<pre>${text.slice(0, 10_000)}</pre>`));
  assert.ok(stages.includes(
    '<p class="more">… 40,008 more characters (the whole query is under ' +
      '<a href="#query">Original query</a>)</p>',
  ));
  assert.ok(markup.includes(`<pre>${text}</pre>`));
});
