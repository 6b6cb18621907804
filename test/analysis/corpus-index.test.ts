import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { withCorpusCounts } from '../../src/analysis/corpus-index.js';
import { indicatorsOf } from '../../src/analysis/indicators.js';
import type { Expr, Rule, SourceName } from '../../src/ir/index.js';
import { cs, not, or, p, rule, search } from './rule-fixture.js';

function ruleFrom(id: string, source: SourceName, expr: Expr): Rule {
  return rule(id, [search(expr)], { source });
}

/** Corpus counts of every value of `id`, as `value: total (by source)`. */
function countsOf(rules: Rule[], id: string): Record<string, unknown> {
  const indicators = new Map(rules.map((r) => [r.id, indicatorsOf(r)]));
  const counted = withCorpusCounts(rules, indicators).get(`splunk:${id}`) ?? [];
  const counts: Record<string, unknown> = {};
  for (const indicator of counted) {
    for (const { value, corpus } of indicator.values) {
      counts[`${indicator.negated ? 'NOT ' : ''}${indicator.field} ${value}`] = corpus;
    }
  }
  return counts;
}

describe('corpus counts', () => {
  it('count other rules looking for the same value, per source, not the rule itself', () => {
    const rules = [
      ruleFrom('a', 'splunk', p('EventCode', 'eq', 4104)),
      ruleFrom('b', 'splunk', p('EventCode', 'eq', '4104')),
      ruleFrom('c', 'sigma', p('EventCode', 'eq', 4104)),
      ruleFrom('d', 'sigma', p('EventCode', 'eq', 4103)),
    ];
    assert.deepEqual(countsOf(rules, 'a'), {
      'EventCode 4104': { total: 2, bySource: { splunk: 1, sigma: 1 } },
    });
  });

  it('count a rule once however often it repeats the value', () => {
    const rules = [
      ruleFrom('a', 'splunk', p('Image', 'endswith', '\\x.exe')),
      ruleFrom('b', 'splunk', or([
        p('Image', 'endswith', '\\x.exe'),
        cs('Image', 'endswith', '\\x.exe'),
      ])),
      ruleFrom('c', 'splunk', not(p('Image', 'endswith', '\\X.EXE'))),
    ];
    const counts = countsOf(rules, 'a');
    assert.deepEqual(counts['Image \\x.exe'], { total: 1, bySource: { splunk: 1 } });
  });

  it('count values differing only in case as one, whatever the case rules', () => {
    const rules = [
      ruleFrom('a', 'splunk', p('Name', 'eq', 'CMD.exe')),
      ruleFrom('b', 'splunk', p('Name', 'eq', 'cmd.EXE')),
      ruleFrom('c', 'splunk', cs('Name', 'eq', 'CMD.exe')),
      ruleFrom('d', 'splunk', cs('Name', 'eq', 'cmd.exe')),
      ruleFrom('e', 'splunk', cs('Name', 'eq', 'cmd.ex')),
    ];
    assert.deepEqual(countsOf(rules, 'a')['Name CMD.exe'], { total: 3, bySource: { splunk: 3 } });
    assert.deepEqual(countsOf(rules, 'c')['Name CMD.exe'], { total: 3, bySource: { splunk: 3 } });
  });

  it('keep regular expressions as written: their letters’ case can change their meaning', () => {
    const rules = [
      ruleFrom('a', 'splunk', p('Name', 'regex', '\\s+')),
      ruleFrom('b', 'splunk', p('Name', 'regex', '\\S+')),
    ];
    assert.deepEqual(countsOf(rules, 'a')['Name \\s+'], { total: 0, bySource: {} });
  });

  it('count on the canonical comparison: a path suffix meets the file name', () => {
    const path = { canonicalField: 'process.executable' };
    const name = { canonicalField: 'process.name' };
    const rules = [
      ruleFrom('a', 'splunk', p('Image', 'endswith', '\\X.exe', path)),
      ruleFrom('b', 'sigma', p('process_name', 'eq', 'x.exe', name)),
      ruleFrom('c', 'elastic', p('process.name', 'eq', 'x.exe', { ...name, caseSensitive: true })),
      ruleFrom('d', 'sigma', p('Image', 'endswith', 'x.exe', path)),
    ];
    assert.deepEqual(countsOf(rules, 'a')['Image \\X.exe'], {
      total: 2,
      bySource: { sigma: 1, elastic: 1 },
    });
  });

  it('count an in-list value with equal values, and exclusions apart from matches', () => {
    const rules = [
      ruleFrom('a', 'splunk', p('User', 'in', ['root', 'admin'])),
      ruleFrom('b', 'splunk', p('User', 'eq', 'admin')),
      ruleFrom('c', 'splunk', not(p('User', 'eq', 'admin'))),
    ];
    assert.deepEqual(countsOf(rules, 'a')['User admin'], { total: 1, bySource: { splunk: 1 } });
    assert.deepEqual(countsOf(rules, 'c')['NOT User admin'], { total: 0, bySource: {} });
  });

  it('keep the input indicators unchanged', () => {
    const rules = ['a', 'b'].map((id) => ruleFrom(id, 'splunk', p('X', 'eq', 1)));
    const indicators = new Map(rules.map((r) => [r.id, indicatorsOf(r)]));
    withCorpusCounts(rules, indicators);
    assert.equal(indicators.get('splunk:a')?.[0].values[0].corpus.total, 0);
  });

  it('count 8,000 rules without stalling', { timeout: 30_000 }, () => {
    const rules = Array.from({ length: 8000 }, (_, i) =>
      ruleFrom(`r${i}`, 'splunk', or([p('EventCode', 'eq', i % 50), p('Cmd', 'eq', `v${i}`)])),
    );
    const indicators = new Map(rules.map((r) => [r.id, indicatorsOf(r)]));
    const counted = withCorpusCounts(rules, indicators);
    assert.equal(counted.size, 8000);
  });
});
