// Patterns written to make a backtracking matcher take exponential time: wildcards, like
// patterns and regexes from rule text all finish in time linear in the text (or text ×
// pattern), whatever they hold. The runner's timeout is the hang guard.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusOf } from './spl-match-fixture.js';

const GUARD = { timeout: 20_000 };
const LONG = 'a'.repeat(50_000);

describe('hostile patterns', () => {
  it('a value with many wildcards against a long value that almost matches', GUARD, () => {
    const pattern = `${'*a'.repeat(200)}*b`;
    assert.equal(statusOf(`f=${pattern}`, { f: LONG }), 'not-matched');
    assert.equal(statusOf(`f=${pattern}`, { f: `${LONG}b` }), 'matched');
  });

  it('a raw term with many wildcards against a long raw text', GUARD, () => {
    const term = `a${'*a'.repeat(200)}*b`;
    assert.equal(statusOf(term, {}, LONG), 'not-matched');
  });

  it('a like pattern of many % and _ against a long value', GUARD, () => {
    const pattern = `${'%a_'.repeat(100)}%b`;
    assert.equal(statusOf(`a=* | where like(f, "${pattern}")`, { a: 1, f: LONG }), 'not-matched');
  });

  it('a nested-quantifier regex runs through RE2', GUARD, () => {
    const search = `a=* | where match(f, "^(a+)+$") | regex f="(a|aa)*c"`;
    assert.equal(statusOf(search, { a: 1, f: `${LONG}!` }), 'not-matched');
  });
});
