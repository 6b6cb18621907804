// One hostile rule must not crash or stall a build: huge value lists, huge conditions.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { withCorpusCounts } from '../../src/analysis/corpus-index.js';
import { eventCoverage } from '../../src/analysis/event-coverage.js';
import { indicatorsOf } from '../../src/analysis/indicators.js';
import { disjunctsOf } from '../../src/analysis/implication/disjuncts.js';
import { formulaOf } from '../../src/analysis/implication/formula.js';
import { searchNeighbors } from '../../src/analysis/neighbors/find-neighbors.js';
import type { Expr, Predicate, Rule } from '../../src/ir/index.js';
import { lowerRule } from '../sigma/rule-text.js';
import { and, or, p, rule, search, stats } from './rule-fixture.js';

/** More values than a call accepts as spread arguments. */
const HUGE_LIST = 130_000;
/**
 * Hang guard only: these inputs must not stall the process. How fast the code is belongs to the
 * benchmark (`npm run bench`), not to a test on a shared machine.
 */
const HANG_GUARD_MS = 120_000;

/** `part0-`, `part1-`, …: fragments sharing their first characters. */
const numbered = (i: number) => `part${i}-`;

/** `aaaa-part`, `aaab-part`, …: fragments whose first characters differ. */
const lettered = (i: number) => {
  const letters = [3, 2, 1, 0].map((place) => Math.floor(i / 26 ** place) % 26);
  return `${letters.map((letter) => String.fromCharCode(97 + letter)).join('')}-part`;
};

/** A process-creation rule whose one selection lists `count` command-line fragments. */
function ruleWithFragments(
  count: number,
  id: string,
  { suffix = '', key = 'CommandLine|contains', fragment = numbered } = {},
): string {
  const values = Array.from({ length: count }, (_, i) => `            - '${fragment(i)}${suffix}'`);
  return [
    'title: Many fragments',
    `id: 00000000-0000-4000-8000-${id}`,
    'logsource:',
    '    product: windows',
    '    category: process_creation',
    'detection:',
    '    selection:',
    `        ${key}:`,
    ...values,
    '    condition: selection',
    'level: low',
    '',
  ].join('\n');
}

describe('a rule with 130,000 values in one list', { timeout: HANG_GUARD_MS }, () => {
  let rule: Rule;
  let twin: Rule;

  before(() => {
    rule = lowerRule(ruleWithFragments(HUGE_LIST, '000000000001'));
    twin = { ...rule, id: 'sigma:twin', upstreamId: 'twin' };
  });

  test('lists every value once as one indicator', () => {
    const indicators = indicatorsOf(rule);
    const commandLine = indicators.find((indicator) => indicator.field === 'CommandLine');
    assert.equal(commandLine?.values.length, HUGE_LIST);
  });

  test('counts every value in the corpus', () => {
    const indicators = new Map([
      [rule.id, indicatorsOf(rule)],
      [twin.id, indicatorsOf(twin)],
    ]);
    const counted = withCorpusCounts([rule, twin], indicators);
    const values = counted.get(rule.id)?.find((i) => i.field === 'CommandLine')?.values ?? [];
    assert.equal(values.length, HUGE_LIST);
    assert.ok(values.every((value) => value.corpus.total === 1));
  });

  test('reads the process creation events of its log source', () => {
    const events = eventCoverage(rule);
    assert.ok(events.some((e) => e.provider === 'Microsoft-Windows-Sysmon' && e.eventId === 1));
  });

  test('is equivalent to its twin, with a reason of a few values', () => {
    const search = searchNeighbors([rule, twin]);
    assert.equal(search.claims.length, 2);
    const [equivalent] = search.neighbors.get(rule.id)?.equivalent ?? [];
    assert.equal(equivalent?.id, twin.id);
    assert.ok(equivalent.reason.includes('(+129997 more)'), equivalent.reason);
    assert.ok(equivalent.reason.length < 500, equivalent.reason);
  });
});

describe('rules with 10,000 or 20,000 values in one list', { timeout: HANG_GUARD_MS }, () => {
  test('one extending each of 10,000 values of the other is found narrower', () => {
    const broader = lowerRule(ruleWithFragments(10_000, '000000000003', { fragment: lettered }));
    const narrower = lowerRule(
      ruleWithFragments(10_000, '000000000004', { fragment: lettered, suffix: '.exe' }),
    );
    const search = searchNeighbors([broader, narrower]);
    assert.deepEqual(
      search.claims.map((claim) => [claim.broader.id, claim.narrower.id]),
      [[broader.id, narrower.id]],
    );
  });

  test('sharing their first characters are compared up to a budget: nothing is claimed', () => {
    const broader = lowerRule(ruleWithFragments(20_000, '000000000003'));
    const narrower = lowerRule(ruleWithFragments(20_000, '000000000004', { suffix: '.exe' }));
    const search = searchNeighbors([broader, narrower]);
    assert.equal(search.claims.length, 0);
  });

  test('compared as whole values are compared up to a budget: nothing is claimed', () => {
    const key = 'CommandLine';
    const broader = lowerRule(ruleWithFragments(20_000, '000000000003', { key }));
    const narrower = lowerRule(ruleWithFragments(20_000, '000000000004', { key, suffix: '.exe' }));
    const search = searchNeighbors([broader, narrower]);
    assert.equal(search.claims.length, 0);
  });
});

/** A rule requiring `x: 1` in each of `count` selections, and the `extra` selection if given. */
function ruleWithRepeats(count: number, id: string, extra?: string): string {
  const selections = Array.from({ length: count }, (_, i) => `    s${i}:\n        x: 1`);
  return [
    'title: Repeated selections',
    `id: 00000000-0000-4000-8000-${id}`,
    'logsource:',
    '    product: windows',
    'detection:',
    ...selections,
    ...(extra ? ['    extra:', `        ${extra}`] : []),
    `    condition: all of s*${extra ? ' and extra' : ''}`,
    'level: low',
    '',
  ].join('\n');
}

describe('a condition repeated in 15,000 selections', { timeout: HANG_GUARD_MS }, () => {
  test('is named once in the reasons of both rules', () => {
    const broader = lowerRule(ruleWithRepeats(15_000, '000000000005'));
    const narrower = lowerRule(ruleWithRepeats(15_000, '000000000006', 'y: 2'));
    const search = searchNeighbors([broader, narrower]);
    assert.equal(
      search.neighbors.get(narrower.id)?.broader[0]?.reason,
      "requires only x = 1 AND logsource.product = 'windows', which every event of this rule " +
        'satisfies; it adds no aggregation or threshold',
    );
    assert.equal(
      search.neighbors.get(broader.id)?.narrower[0]?.reason,
      "every event it matches satisfies this rule's x = 1 AND logsource.product = 'windows'; " +
        'it adds y = 2; this rule adds no aggregation or threshold',
    );
  });
});

describe('normal forms of huge conditions', { timeout: HANG_GUARD_MS }, () => {
  const context = {
    dialect: 'sigma:detection',
    comparisonOf: ({ field, op, values, caseSensitive }: Predicate) =>
      ({ field, op, values, caseSensitive, mapping: 'table' as const }),
    isVerbatim: () => false,
    shared: true,
    missingIsUnknown: false,
  };
  const casesOf = (expr: Expr) => disjunctsOf(formulaOf(expr, context), 64);
  const conditions = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => p(`${prefix}${i}`, 'eq', i));

  test('an AND of 100,000 conditions is one case of 100,000 literals', () => {
    const cases = casesOf(and(conditions(100_000, 'F')));
    assert.equal(cases?.length, 1);
    assert.equal(cases?.[0].length, 100_000);
  });

  test('an AND of 40 two-way ORs has too many cases: none are built', () => {
    const pairs = Array.from({ length: 40 }, (_, i) =>
      or([p(`A${i}`, 'eq', 1), p(`B${i}`, 'eq', 1)]),
    );
    const cases = casesOf(and(pairs));
    assert.equal(cases, null);
  });

  test('an OR of 100,000 ANDs has too many cases: none are built', () => {
    const branches = Array.from({ length: 100_000 }, (_, i) =>
      and([p(`A${i}`, 'eq', 1), p(`B${i}`, 'eq', 1)]),
    );
    const cases = casesOf(or(branches));
    assert.equal(cases, null);
  });
});

describe('a rule of 64 cases over an OR of 100,000 values', { timeout: HANG_GUARD_MS }, () => {
  test('is checked against 50 rules grouping by its field', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => p('X', 'eq', `v${i}`));
    const branches = Array.from({ length: 6 }, (_, i) =>
      or([p(`A${i}`, 'eq', 1), p(`B${i}`, 'eq', 1)]),
    );
    const narrower = rule('narrower', [search(and([or(values), ...branches]))]);
    const broader = Array.from({ length: 50 }, (_, i) =>
      rule(`broader${i}`, [search(p('X', 'eq', 'v0')), stats(['X'])]),
    );
    const found = searchNeighbors([narrower, ...broader]);
    assert.equal(found.claims.filter((claim) => claim.narrower === narrower).length, 0);
  });
});
