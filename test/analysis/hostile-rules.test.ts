// One hostile rule must not crash or stall a build: huge value lists, huge conditions.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { withCorpusCounts } from '../../src/analysis/corpus-index.js';
import { eventCoverage } from '../../src/analysis/event-coverage.js';
import { indicatorsOf } from '../../src/analysis/indicators.js';
import { searchNeighbors } from '../../src/analysis/neighbors/find-neighbors.js';
import type { Rule } from '../../src/ir/index.js';
import { lowerRule } from '../sigma/rule-text.js';

/** More values than a call accepts as spread arguments. */
const HUGE_LIST = 130_000;

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** The result of `run` and the CPU seconds it took. */
function timed<T>(run: () => T): [T, number] {
  const started = cpuSeconds();
  const result = run();
  return [result, cpuSeconds() - started];
}

/** A process-creation rule whose one selection lists `count` command-line fragments. */
function ruleWithFragments(count: number, id: string, suffix = ''): string {
  const values = Array.from({ length: count }, (_, i) => `            - 'part${i}${suffix}'`);
  return [
    'title: Many fragments',
    `id: 00000000-0000-4000-8000-${id}`,
    'logsource:',
    '    product: windows',
    '    category: process_creation',
    'detection:',
    '    selection:',
    '        CommandLine|contains:',
    ...values,
    '    condition: selection',
    'level: low',
    '',
  ].join('\n');
}

describe('a rule with 130,000 values in one list', () => {
  let rule: Rule;
  let twin: Rule;

  before(() => {
    rule = lowerRule(ruleWithFragments(HUGE_LIST, '000000000001'));
    twin = { ...rule, id: 'sigma:twin', upstreamId: 'twin' };
  });

  test('lists every value once as one indicator, within seconds', () => {
    const [indicators, seconds] = timed(() => indicatorsOf(rule));
    const commandLine = indicators.find((indicator) => indicator.field === 'CommandLine');
    assert.equal(commandLine?.values.length, HUGE_LIST);
    assert.ok(seconds < 5, `indicators took ${seconds.toFixed(2)} s`);
  });

  test('counts every value in the corpus, within seconds', () => {
    const indicators = new Map([
      [rule.id, indicatorsOf(rule)],
      [twin.id, indicatorsOf(twin)],
    ]);
    const [counted, seconds] = timed(() => withCorpusCounts([rule, twin], indicators));
    const values = counted.get(rule.id)?.find((i) => i.field === 'CommandLine')?.values ?? [];
    assert.equal(values.length, HUGE_LIST);
    assert.ok(values.every((value) => value.corpus.total === 1));
    assert.ok(seconds < 5, `corpus counts took ${seconds.toFixed(2)} s`);
  });

  test('reads the process creation events of its log source', () => {
    const [events, seconds] = timed(() => eventCoverage(rule));
    assert.ok(events.some((e) => e.provider === 'Microsoft-Windows-Sysmon' && e.eventId === 1));
    assert.ok(seconds < 5, `event coverage took ${seconds.toFixed(2)} s`);
  });

  test('is equivalent to its twin, with a reason of a few values', () => {
    const [search, seconds] = timed(() => searchNeighbors([rule, twin]));
    assert.equal(search.claims.length, 2);
    const [broader] = search.neighbors.get(rule.id)?.broader ?? [];
    assert.equal(broader?.id, twin.id);
    assert.ok(broader.reason.includes("(+129997 more)"), broader.reason);
    assert.ok(broader.reason.length < 400, `${broader.reason.length} characters`);
    assert.ok(seconds < 10, `neighbors took ${seconds.toFixed(2)} s`);
  });
});
