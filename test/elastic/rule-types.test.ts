// The stages an Elastic rule gets around its query: index patterns, filters, rule types,
// exception lists and alert suppression.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expr } from '../../src/ir/index.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { notation } from '../sigma/expr-notation.js';
import { elasticDocument, lowerRule, stageLines as stages } from './elastic-fixture.js';

const KQL_RULE = {
  language: 'kuery',
  query: 'event.action: logon-failed',
  index: ['logs-system.*'],
};

describe('Elastic rule stages', () => {
  it('shows index patterns as a first from stage constraining the _index pseudo field', () => {
    const { pipeline } = lowerRule({ ...KQL_RULE, type: 'query' });
    assert.deepEqual(stages(pipeline), [
      '1 from filter {"index":["logs-system.*"]} | _index startswith cased "logs-system."',
      '2 query filter {} | event.action eq cased "logon-failed"',
    ]);
    assert.equal(pipeline[0].text, 'index = ["logs-system.*"]');
  });

  it('reads several index patterns as alternatives and a leading - as an exclusion', () => {
    const { pipeline } = lowerRule({
      ...KQL_RULE,
      type: 'query',
      index: ['logs-endpoint.events.*', 'winlogbeat-*', 'auditbeat', '-logs-endpoint.events.api*'],
    });
    assert.equal(
      notation(pipeline[0].predicate as Expr),
      'and(or(_index startswith cased "logs-endpoint.events.", ' +
        '_index startswith cased "winlogbeat-", _index eq cased "auditbeat"), ' +
        'not(_index startswith cased "logs-endpoint.events.api"))',
    );
  });

  it('groups a threshold rule by its fields, then keeps groups reaching the counts', () => {
    const { pipeline } = lowerRule({
      ...KQL_RULE,
      type: 'threshold',
      threshold: {
        field: ['source.ip'],
        value: 25,
        cardinality: [{ field: 'user.name', value: 5 }],
      },
    });
    assert.deepEqual(stages(pipeline).slice(2), [
      '3 threshold aggregate ' +
        '{"field":["source.ip"],"value":25,"cardinality":[{"field":"user.name","value":5}]}',
      '4 threshold condition filter-aggregated {} | ' +
        'and(count() ge cased 25, cardinality(user.name) ge cased 5)',
    ]);
    assert.deepEqual(pipeline[2].groupBy, { fields: ['source.ip'], filled: [] });
    assert.equal(
      pipeline[2].text,
      'threshold = { field = ["source.ip"], value = 25, cardinality = [{ field = "user.name", ' +
        'value = 5 }] }',
    );
  });

  it('shows the fields and history window of a new_terms rule', () => {
    const { pipeline } = lowerRule({
      ...KQL_RULE,
      type: 'new_terms',
      new_terms: {
        field: 'new_terms_fields',
        value: ['host.id', 'user.name'],
        history_window_start: [{ field: 'history_window_start', value: 'now-14d' }],
      },
    });
    assert.deepEqual(stages(pipeline).slice(2), [
      '3 new_terms aggregate {"fields":["host.id","user.name"],"historyWindowStart":"now-14d"}',
    ]);
  });

  it('shows the mapping of a threat_match rule in a stage without predicate', () => {
    const { pipeline } = lowerRule({
      ...KQL_RULE,
      type: 'threat_match',
      threat_index: ['logs-ti_*'],
      threat_query: 'threat.indicator.ip: *',
      threat_language: 'kuery',
      threat_indicator_path: 'threat.indicator',
      threat_mapping: [
        { entries: [{ field: 'source.ip', value: 'threat.indicator.ip', type: 'mapping' }] },
      ],
    });
    assert.deepEqual(stages(pipeline).slice(2), [
      '3 threat_match filter {"threatIndex":["logs-ti_*"],"threatQuery":"threat.indicator.ip: *",' +
        '"threatLanguage":"kuery","threatFilters":0,"indicatorPath":"threat.indicator",' +
        '"mapping":[[{"field":"source.ip","indicatorField":"threat.indicator.ip"}]]}',
    ]);
  });

  it('gives a machine-learning rule one stage with its jobs and no predicate', () => {
    const lowered = lowerRule({
      type: 'machine_learning',
      machine_learning_job_id: ['rare_process'],
      anomaly_threshold: 50,
    });
    assert.deepEqual(stages(lowered.pipeline), [
      '1 machine_learning aggregate {"jobIds":["rare_process"],"anomalyThreshold":50}',
    ]);
    assert.deepEqual(lowered.diagnostics, []);
  });

  it('lowers query DSL filters, honouring negate, case_insensitive and disabled', () => {
    const lowered = lowerRule({
      ...KQL_RULE,
      type: 'query',
      filters: [
        {
          meta: { negate: true },
          query: {
            wildcard: { 'file.path': { case_insensitive: true, value: '?:\\\\Windows\\\\*' } },
          },
        },
        { meta: { negate: false }, exists: { field: 'user.name' } },
        { meta: { disabled: true }, query: { term: { 'user.id': 'S-1-5-18' } } },
        { meta: {}, query: { bool: { must_not: [{ terms: { 'x.y': ['a', 'b'] } }] } } },
      ],
    });
    assert.deepEqual(stages(lowered.pipeline).slice(1, 2), [
      '2 filters filter {"count":3} | and(not(file.path wildcard "?:\\\\\\\\Windows\\\\\\\\*"), ' +
        'user.name exists cased, not(or(x.y eq cased "a", x.y eq cased "b")))',
    ]);
    assert.deepEqual(
      lowered.diagnostics.map((d) => [d.severity, d.code]),
      [['info', 'elastic.filter-disabled']],
    );
  });

  it('keeps a query DSL clause it does not know opaque, with a diagnostic', () => {
    const filters = [{ query: { geo_shape: { x: 1 } } }];
    const lowered = lowerRule({ ...KQL_RULE, type: 'query', filters });
    assert.equal(
      notation(lowered.pipeline[1].predicate as Expr),
      'opaque("{\\"geo_shape\\":{\\"x\\":1}}")',
    );
    assert.deepEqual(lowered.diagnostics.map((d) => [d.code, d.message]), [
      ['elastic.query-dsl', "filter: query clause 'geo_shape' is not lowered"],
    ]);
  });

  it('keeps a Lucene query as one opaque stage', () => {
    const lowered = lowerRule({ type: 'query', language: 'lucene', query: 'a:b AND c:d' });
    assert.deepEqual(stages(lowered.pipeline), ['1 query filter {}']);
    assert.equal(lowered.pipeline[0].opaque, true);
    assert.deepEqual(lowered.diagnostics.map((d) => [d.code, d.line]), [['elastic.lucene', 10]]);
  });

  it('adds exception lists as a tuning hook and alert suppression as formatting', () => {
    const { pipeline } = lowerRule({
      ...KQL_RULE,
      type: 'query',
      exceptions_list: [{ id: 'endpoint_list', list_id: 'endpoint_list', type: 'endpoint' }],
      alert_suppression: {
        group_by: ['host.name'],
        duration: { unit: 'h', value: 6 },
        missing_fields_strategy: 'suppress',
      },
    });
    assert.deepEqual(stages(pipeline).slice(2), [
      '3 exceptions tuning-hook {"lists":["endpoint_list"]}',
      '4 alert_suppression format ' +
        '{"groupBy":["host.name"],"duration":"6h","missingFieldsStrategy":"suppress"}',
    ]);
  });

  it('lets finishRule build the event filter up to the first aggregation', () => {
    const doc = elasticDocument({
      type: 'eql',
      language: 'eql',
      index: ['logs-*'],
      query: 'sequence [process where a == 1] [file where b == 2]',
    });
    const rule = finishRule(doc, lowerRule(doc.raw.rule as Record<string, unknown>));
    assert.equal(rule.fullyParsed, true);
    assert.equal(
      notation(rule.eventFilter as Expr),
      'and(_index startswith cased "logs-", ' +
        'or(and(event.category eq cased "process", a eq cased 1), ' +
        'and(event.category eq cased "file", b eq cased 2)))',
    );
  });

  it('warns about a rule type it does not know', () => {
    const lowered = lowerRule({ type: 'saved_query', language: 'kuery', query: 'a: 1' });
    assert.deepEqual(lowered.diagnostics.map((d) => [d.code, d.line, d.stage]), [
      ['elastic.unknown-rule-type', 1, undefined],
    ]);
  });
});
