import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { indicatorsOf } from '../../src/analysis/indicators.js';
import { predicate } from '../../src/ir/index.js';
import {
  and,
  cs,
  not,
  opaque,
  or,
  p,
  rule,
  search,
  searchRule,
  stage,
  stats,
} from './rule-fixture.js';

/** Indicators reduced to what the table on the page shows. */
function rows(indicators: ReturnType<typeof indicatorsOf>) {
  return indicators.map((i) => [i.field, i.op, i.negated, i.values.map((v) => v.value)]);
}

describe('indicators', () => {
  it('groups values by field, operator and negation in first-appearance order', () => {
    const r = rule('r', [
      search(
        and([
          or([p('ScriptBlockText', 'contains', '-CN'), p('ScriptBlockText', 'contains', '-Cn')]),
          p('EventCode', 'eq', 4104),
          p('ScriptBlockText', 'contains', 'Invoke-WmiMethod'),
          not(p('ScriptBlockText', 'contains', 'Get-Help')),
        ]),
      ),
    ]);
    assert.deepEqual(rows(indicatorsOf(r)), [
      ['ScriptBlockText', 'contains', false, ['-CN', 'Invoke-WmiMethod']],
      ['EventCode', 'eq', false, [4104]],
      ['ScriptBlockText', 'contains', true, ['Get-Help']],
    ]);
  });

  it('keeps values differing in case apart when the predicate is case-sensitive', () => {
    const r = rule('r', [search(or([cs('Name', 'eq', 'A'), cs('Name', 'eq', 'a')]))]);
    assert.deepEqual(rows(indicatorsOf(r)), [['Name', 'eq', false, ['A', 'a']]]);
  });

  it('merges a number with its numeric string', () => {
    const r = rule('r', [search(or([p('EventID', 'eq', 1), p('EventID', 'eq', '1')]))]);
    assert.deepEqual(rows(indicatorsOf(r)), [['EventID', 'eq', false, [1]]]);
  });

  it('lists log-source constraints after the rule’s own conditions', () => {
    const r = rule('r', [
      search(and([p('sourcetype', 'eq', 'xmlwineventlog'), p('EventCode', 'eq', 1)])),
    ]);
    assert.deepEqual(rows(indicatorsOf(r)), [
      ['EventCode', 'eq', false, [1]],
      ['sourcetype', 'eq', false, ['xmlwineventlog']],
    ]);
  });

  it('includes event conditions, not row conditions, enrichments or computations', () => {
    const r = rule('r', [
      search(p('EventCode', 'eq', 4625)),
      stage('where', 'filter', { predicate: p('len(CommandLine)', 'gt', 100) }),
      stats(['user']),
      stage('where', 'filter-aggregated', { predicate: p('count', 'gt', 5) }),
      stage('eval', 'enrich', { predicate: p('computed', 'eq', 1) }),
    ]);
    assert.deepEqual(rows(indicatorsOf(r)), [['EventCode', 'eq', false, [4625]]]);
  });

  it('gives exists no values, counts zero, canonical field the field', () => {
    const [indicator] = indicatorsOf(rule('r', [search(p('ParentImage', 'eq', 'x.exe'))]));
    assert.deepEqual(indicator, {
      field: 'ParentImage',
      canonicalField: 'ParentImage',
      op: 'eq',
      negated: false,
      caseSensitive: false,
      values: [{ value: 'x.exe', corpus: { total: 0, bySource: {} } }],
    });
    const [exists] = indicatorsOf(rule('r', [search(p('ParentImage', 'exists'))]));
    assert.deepEqual(exists.values, []);
  });

  it('uses the canonical field when the lowering gives one', () => {
    const expr = p('Image', 'contains', '\\x.exe', { canonicalField: 'process.executable' });
    const [indicator] = indicatorsOf(rule('r', [search(expr)]));
    assert.equal(indicator.canonicalField, 'process.executable');
  });

  it('shows the canonical operator and values beside the written ones where they differ', () => {
    const path = { canonicalField: 'process.executable' };
    const r = rule('r', [search(or([
      p('Image', 'endswith', '\\x.exe', path),
      p('Image', 'endswith', '\\y.exe', path),
    ]))]);
    assert.deepEqual(indicatorsOf(r), [
      {
        field: 'Image',
        canonicalField: 'process.name',
        op: 'endswith',
        canonicalOp: 'eq',
        negated: false,
        caseSensitive: false,
        values: [
          { value: '\\x.exe', canonical: 'x.exe', corpus: { total: 0, bySource: {} } },
          { value: '\\y.exe', canonical: 'y.exe', corpus: { total: 0, bySource: {} } },
        ],
      },
    ]);
  });

  it('keeps a path suffix and a file name apart when the suffix is part of a name', () => {
    const path = { canonicalField: 'process.executable' };
    const r = rule('r', [search(or([
      p('Image', 'endswith', 'x.exe', path),
      p('Image', 'endswith', '\\x.exe', path),
    ]))]);
    assert.deepEqual(
      indicatorsOf(r).map((i) => [i.canonicalField, i.canonicalOp ?? i.op]),
      [['process.executable', 'endswith'], ['process.name', 'eq']],
    );
  });

  it('lists nothing for opaque parts', () => {
    const r = rule('r', [search(and([p('A', 'eq', 1), opaque('weird(')]))]);
    assert.deepEqual(rows(indicatorsOf(r)), [['A', 'eq', false, [1]]]);
  });
});

describe('indicators of derived log-source conditions', () => {
  const derived = (field: string, value: string) => predicate({
    field,
    op: 'eq',
    values: [value],
    caseSensitive: false,
    text: 'source=XmlWinEventLog:Security',
    canonicalField: field,
    derivedFrom: 'source=XmlWinEventLog:Security',
  });

  it('a value the rule states itself is listed once, as the rule writes it', () => {
    const written = p('Channel', 'eq', 'security', { canonicalField: 'winlog.channel' });
    const both = and([written, derived('winlog.channel', 'Security')]);
    const indicators = indicatorsOf(searchRule('r', both));
    assert.deepEqual(indicators.map((i) => `${i.field} ${i.values.map((v) => v.value)}`),
      ['Channel security']);
  });

  it('a derived value the rule does not state is listed', () => {
    const written = p('Channel', 'eq', 'System', { canonicalField: 'winlog.channel' });
    const both = and([written, derived('winlog.channel', 'Security')]);
    const indicators = indicatorsOf(searchRule('r', both));
    assert.deepEqual(indicators.map((i) => `${i.field} ${i.values.map((v) => v.value)}`),
      ['Channel System', 'winlog.channel Security']);
  });
});
