// Rule fields holding the wrong type of value: each is named in a warning, and where what the rule
// matches depends on it, its stage is opaque — a rule is never counted fully parsed without it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expr, RuleDocument } from '../../src/ir/index.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { lowerElastic } from '../../src/lower/elastic/lower-elastic.js';
import { readRuleText } from '../../src/sources/elastic/read-elastic.js';
import { notation } from '../sigma/expr-notation.js';
import { lowerRule, stageLines } from './elastic-fixture.js';

const KQL = { type: 'query', language: 'kuery', query: 'event.action : "logon"' };

function warnings(rule: Record<string, unknown>): string[] {
  return lowerRule(rule).diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`);
}

describe('the query field', () => {
  it('a number is named in a warning and the query stage is opaque', () => {
    const lowered = lowerRule({ ...KQL, query: 42 });
    assert.deepEqual(warnings({ ...KQL, query: 42 }), [
      'warning elastic.field-type query = 42: a string expected, found a number',
    ]);
    assert.deepEqual(stageLines(lowered.pipeline), ['1 query filter {}']);
    assert.equal(lowered.pipeline[0].opaque, true);
    assert.equal(lowered.pipeline[0].text, 'query = 42');
  });

  it('a list of strings is not a query either', () => {
    assert.deepEqual(warnings({ ...KQL, query: ['a:1'] }), [
      'warning elastic.field-type query = ["a:1"]: a string expected, found a list',
    ]);
  });

  it('a rule type that runs a query warns when there is none', () => {
    const { query: _query, ...withoutQuery } = KQL;
    const lowered = lowerRule({ ...withoutQuery, type: 'threshold', threshold: { value: 5 } });
    assert.deepEqual(
      lowered.diagnostics.map((d) => `${d.code} ${d.message} ${d.stage}`),
      ["elastic.missing-query a rule of type 'threshold' needs a query and this one has none 1"],
    );
    assert.equal(lowered.pipeline[0].opaque, true);
  });

  it('read from a file, a numeric query leaves the rule not fully parsed', () => {
    const text = [
      '[rule]',
      'rule_id = "r-1"',
      'name = "Numeric query"',
      'type = "query"',
      'language = "kuery"',
      'query = 42',
      '',
    ].join('\n');
    const doc = readRuleText(text, 'rules/numeric.toml', null) as RuleDocument;
    const rule = finishRule(doc, lowerElastic(doc, { commit: null }));
    assert.equal(rule.fullyParsed, false);
    assert.equal(rule.eventFilter, null);
    assert.deepEqual(rule.diagnostics.map((d) => [d.code, d.file, d.line, d.stage]), [
      ['elastic.field-type', 'rules/numeric.toml', 1, 1],
    ]);
  });
});

describe('threshold settings', () => {
  it('a non-string field and a non-number value are named, and the stage is opaque', () => {
    const threshold = { field: ['<b>x</b>', 5], value: 'lots' };
    const rule = { ...KQL, type: 'threshold', threshold };
    assert.deepEqual(warnings(rule), [
      'warning elastic.field-type threshold.field[1] = 5: a string expected, found a number',
      'warning elastic.field-type threshold.value = "lots": ' +
        'a whole number of at least 1 expected, found a string',
    ]);
    const stage = lowerRule(rule).pipeline[1];
    assert.equal(stage.command, 'threshold');
    assert.equal(stage.opaque, true);
  });

  it('a threshold rule without its threshold table says so', () => {
    assert.deepEqual(warnings({ ...KQL, type: 'threshold' }), [
      'warning elastic.field-type threshold is missing',
    ]);
  });

  it('well-typed settings give no warning', () => {
    const threshold = { field: ['host.id'], value: 3, cardinality: [{ field: 'a', value: 2 }] };
    assert.deepEqual(warnings({ ...KQL, type: 'threshold', threshold }), []);
  });
});

describe('query DSL filters', () => {
  function filterPredicate(filters: unknown): string {
    const { pipeline } = lowerRule({ ...KQL, filters });
    assert.equal(pipeline[0].command, 'filters');
    return pipeline[0].predicate ? notation(pipeline[0].predicate as Expr) : 'opaque stage';
  }

  it('a bool that is not a table stays an opaque condition, not an always-true one', () => {
    assert.equal(filterPredicate([{ query: { bool: 'x' } }]), 'opaque("{\\"bool\\":\\"x\\"}")');
    assert.deepEqual(warnings({ ...KQL, filters: [{ query: { bool: 'x' } }] }), [
      "warning elastic.query-dsl filter: 'bool' whose body is not a table is not lowered",
    ]);
  });

  it('a bool key Elasticsearch does not know is opaque', () => {
    const filters = [{ query: { bool: { mustt: [{ exists: { field: 'a' } }] } } }];
    assert.match(filterPredicate(filters), /^opaque/);
  });

  it('clauses that are not tables are opaque', () => {
    const filters = [{ query: { bool: { must: ['a: 1', { exists: { field: 'b' } }] } } }];
    assert.equal(filterPredicate(filters), 'and(opaque("\\"a: 1\\""), b exists cased)');
  });

  it('negate written as a string is opaque rather than ignored', () => {
    const filters = [{ meta: { negate: 'true' }, query: { exists: { field: 'a' } } }];
    assert.match(filterPredicate(filters), /^opaque/);
  });

  it('filters that are not a list make an opaque stage', () => {
    assert.equal(filterPredicate({ query: { exists: { field: 'a' } } }), 'opaque stage');
    const { pipeline } = lowerRule({ ...KQL, filters: 'a' });
    assert.equal(pipeline[0].opaque, true);
  });
});

describe('other rule fields', () => {
  it('an index pattern that is not a string leaves the from stage opaque', () => {
    const lowered = lowerRule({ ...KQL, index: ['logs-*', 7] });
    assert.deepEqual(stageLines(lowered.pipeline).slice(0, 1), [
      '1 from filter {"index":["logs-*"]}',
    ]);
    assert.equal(lowered.pipeline[0].opaque, true);
    assert.deepEqual(
      lowered.diagnostics.map((d) => d.message),
      ['index[1] = 7: a string expected, found a number'],
    );
  });

  it('metadata the reader could not keep is named', () => {
    assert.deepEqual(warnings({ ...KQL, tags: ['Domain: Endpoint', 3], severity: ['high'] }), [
      'warning elastic.field-type rule.severity = ["high"]: a string expected, found a list',
      'warning elastic.field-type rule.tags[1] = 3: a string expected, found a number',
    ]);
  });

  it('an event category override that is not a string makes the EQL query opaque', () => {
    const rule = { type: 'eql', language: 'eql', query: 'process where true' };
    const lowered = lowerRule({ ...rule, event_category_override: 5 });
    assert.equal(lowered.pipeline[0].opaque, true);
    assert.deepEqual(lowered.diagnostics.map((d) => d.code), ['elastic.field-type']);
  });

  it('a rule without a type says so', () => {
    const { type: _type, ...withoutType } = KQL;
    assert.deepEqual(warnings(withoutType), [
      'warning elastic.unknown-rule-type the rule has no type',
    ]);
  });

  it('a machine-learning job id that is not a string is named', () => {
    const rule = { type: 'machine_learning', machine_learning_job_id: [1], anomaly_threshold: 50 };
    assert.deepEqual(warnings(rule), [
      'warning elastic.field-type machine_learning_job_id[0] = 1: ' +
        'a string expected, found a number',
    ]);
  });
});
