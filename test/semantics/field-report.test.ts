// The field report counts, per source, the event-filter predicates by how their field reached
// its canonical name, and lists the fields left as written.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { fieldReport } from '../../src/analysis/field-report.js';
import { and, predicate, type Expr, type Op, type Scalar } from '../../src/ir/index.js';
import { rule, stage } from '../analysis/rule-fixture.js';

/** A predicate written in the query text (it has a span). */
function written(field: string, op: Op, value: Scalar): Expr {
  return predicate({
    field,
    op,
    values: [value],
    caseSensitive: false,
    text: `${field}=${value}`,
    span: { start: 0, end: 1 },
  });
}

/** A predicate the lowering derived from the log source (no span). */
function implied(field: string, value: Scalar): Expr {
  return predicate({ field, op: 'eq', values: [value], caseSensitive: false, text: 'macro' });
}

const search = (expr: Expr) => stage('search', 'filter', { predicate: expr });

describe('field report', () => {
  const report = fieldReport([
    rule('a', [
      search(and([
        written('sourcetype', 'eq', 'XmlWinEventLog'),
        implied('event.code', '1'),
        written('Image', 'endswith', '\\x.exe'),
        written('DecoyTag', 'eq', 'yes'),
      ])),
      stage('eval', 'enrich', { args: { assignments: [{ field: 'score', expression: '1' }] } }),
      stage('where', 'filter', { predicate: written('score', 'gt', 3) }),
    ]),
    rule('b', [search(and([written('DecoyTag', 'eq', 'no'), written('DecoyTag', 'eq', 'x')]))]),
    rule('c', [stage('stats', 'aggregate')]),
  ]);

  test('counts predicates per mapping, computed and implied ones apart', () => {
    const { unmappedFields, ...counts } = report.sources.splunk ?? { unmappedFields: [] };
    assert.deepEqual(counts, {
      fieldNames: 'exact',
      rules: 3,
      predicates: 7,
      implied: 1,
      ecs: 1,
      table: 1,
      pseudo: 1,
      unmapped: 4,
      computed: 1,
      share: 0.3333,
      vendorShare: 0.4,
      writtenShare: 0.2,
    });
    assert.equal(unmappedFields.length, 2);
  });

  test('lists unmapped fields most frequent first, rules counted once', () => {
    assert.deepEqual(report.sources.splunk?.unmappedFields, [
      {
        field: 'DecoyTag',
        predicates: 3,
        rules: 2,
        computed: 0,
        examples: ['splunk:a', 'splunk:b'],
      },
      { field: 'score', predicates: 1, rules: 1, computed: 1, examples: ['splunk:a'] },
    ]);
  });

  test('a source whose predicates all map has a share of 1 and no unmapped fields', () => {
    const elastic = fieldReport([
      rule('e', [search(written('process.name', 'eq', 'x.exe'))], { source: 'elastic' }),
    ]).sources.elastic;
    assert.equal(elastic?.share, 1);
    assert.deepEqual(elastic?.unmappedFields, []);
  });
});
