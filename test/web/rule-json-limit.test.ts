// A rule whose JSON is too large to write is answered with a clear error, by `show --json` (exit
// 2) and by the API (413), instead of a crash or a 500.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, test } from 'node:test';
import { EXIT_TOO_LARGE, showRule } from '../../src/cli/show.js';
import { openCatalog } from '../../src/store/catalog.js';
import { apiRoutes } from '../../src/web/api/api-routes.js';
import { RULE_JSON_TOO_LARGE, ruleJsonText } from '../../src/web/api/rule-json-text.js';
import { temporaryFolder, writeFixtureCatalog } from '../store/fixtures/catalog-file.js';
import { REFERENCE_SHAPED_ID } from '../store/fixtures/rules.js';

const folder = temporaryFolder();
const db = writeFixtureCatalog(folder);
after(() => fs.rmSync(folder, { recursive: true, force: true }));

/** A value whose JSON text V8 cannot build, as for a rule with a million values. */
const unwritable = { toJSON: () => { throw new RangeError('Invalid string length'); } };

test('the JSON text is given when within the limit, pretty-printed when asked', () => {
  assert.equal(ruleJsonText({ a: 1 }, undefined, 7), '{"a":1}');
  assert.equal(ruleJsonText({ a: 1 }, 2, 100), '{\n  "a": 1\n}');
});

test('JSON text longer than the limit, or too long to build, is refused', () => {
  assert.equal(ruleJsonText({ a: 1 }, undefined, 6), null);
  assert.equal(ruleJsonText(unwritable, 2), null);
});

test('other failures while writing JSON are not taken for size', () => {
  const broken = { toJSON: () => { throw new TypeError('broken'); } };
  assert.throws(() => ruleJsonText(broken, 2), TypeError);
});

test('the limit is 64 MiB and the message says the rule is too large', () => {
  assert.match(RULE_JSON_TOO_LARGE, /^the rule's JSON is too large to print \(over 64 MiB\)$/);
});

test('show --json on a rule over the limit exits 2 with the error, not a crash', () => {
  assert.equal(EXIT_TOO_LARGE, 2);
  assert.equal(showRule(REFERENCE_SHAPED_ID, { db, json: true }, 1_000_000).status, 0);
  const outcome = showRule(REFERENCE_SHAPED_ID, { db, json: true }, 100);
  assert.equal(outcome.status, 2);
  assert.equal(outcome.stderr, `ruledex show: ${RULE_JSON_TOO_LARGE}\n`);
  assert.deepEqual(JSON.parse(outcome.stdout),
    { error: { code: 'too-large', message: RULE_JSON_TOO_LARGE } });
});

test('show without --json still prints the rule as text', () => {
  assert.equal(showRule(REFERENCE_SHAPED_ID, { db }, 100).status, 0);
});

test('the API answers 413 with the error shape for a rule over the limit', async () => {
  const catalog = openCatalog(db);
  try {
    const url = `/rules/${encodeURIComponent(REFERENCE_SHAPED_ID)}`;
    const fits = await apiRoutes(catalog, 1_000_000).request(url);
    assert.equal(fits.status, 200);
    assert.equal(fits.headers.get('content-type'), 'application/json');
    assert.equal((await fits.json() as { id: string }).id, REFERENCE_SHAPED_ID);

    const tooLarge = await apiRoutes(catalog, 100).request(url);
    assert.equal(tooLarge.status, 413);
    assert.deepEqual(await tooLarge.json(),
      { error: { code: 'too-large', message: RULE_JSON_TOO_LARGE } });
  } finally {
    catalog.close();
  }
});
