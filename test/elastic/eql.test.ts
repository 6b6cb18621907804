// EQL: the parser's trees, the predicates each operator and function lowers to, and the stages
// of sequences, samples and pipes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expr } from '../../src/ir/index.js';
import { parseEql } from '../../src/languages/eql/eql-parser.js';
import { notation } from '../sigma/expr-notation.js';
import { lowerEqlQuery, stageLines as stages } from './elastic-fixture.js';

/** The condition of an `any where` query, in compact notation. */
function condition(text: string): string {
  const { pipeline } = lowerEqlQuery(`any where ${text}`);
  assert.equal(pipeline.length, 1);
  return notation(pipeline[0].predicate as Expr);
}

describe('EQL parser', () => {
  it('reads a sequence with by, maxspan, steps, runs, a missing step and until', () => {
    const parsed = parseEql(
      'sequence by host.id with maxspan=5m\n' +
        '  [process where true] by process.pid with runs=3\n' +
        '  ![file where true]\n' +
        'until [process where false]',
    );
    assert.ok(parsed.ok && parsed.query.body.kind === 'sequence');
    const sequence = parsed.query.body;
    assert.deepEqual(
      sequence.maxspan,
      { text: '5m', value: 5, unit: 'm', span: { start: 33, end: 35 } },
    );
    assert.deepEqual(
      sequence.steps.map((step) => [
        step.query.category.name,
        step.by.length,
        step.runs,
        step.missing,
      ]),
      [
        ['process', 1, 3, false],
        ['file', 0, null, true],
      ],
    );
    assert.equal(sequence.until?.query.category.name, 'process');
  });

  it('reads optional, backticked and indexed fields', () => {
    const parsed = parseEql('any where ?a.b == 1 and x.`0`.y == 2 and process.args[1] == "-c"');
    assert.ok(parsed.ok && parsed.query.body.kind === 'event');
    const condition = parsed.query.body.condition;
    assert.ok(condition.kind === 'and');
    const lefts = condition.args.map((arg) => (arg.kind === 'compare' ? arg.left : null));
    assert.deepEqual(
      lefts.map((left) => left?.kind === 'field' && [left.path, left.optional, left.indexes]),
      [
        ['a.b', true, []],
        ['x.0.y', false, []],
        ['process.args', false, [1]],
      ],
    );
  });

  it('unescapes strings but leaves raw strings as written', () => {
    const parsed = parseEql('any where a == "C:\\\\x\\"y" and b == """C:\\x""" and c == ?"C:\\x"');
    assert.ok(parsed.ok && parsed.query.body.kind === 'event');
    assert.ok(parsed.query.body.condition.kind === 'and');
    const values = parsed.query.body.condition.args.map((arg) =>
      arg.kind === 'compare' && arg.values[0].kind === 'string' ? arg.values[0].value : null,
    );
    assert.deepEqual(values, ['C:\\x"y', 'C:\\x', 'C:\\x']);
  });

  it('refuses nesting deeper than 256 levels instead of exhausting the stack', () => {
    const deep = parseEql(`any where ${'('.repeat(100_000)}a == 1${')'.repeat(100_000)}`);
    assert.equal(!deep.ok && deep.error.message, 'query nested too deeply');
    const negated = parseEql(`any where a == ${'-'.repeat(100_000)}1`);
    assert.equal(!negated.ok && negated.error.message, 'query nested too deeply');
  });

  it('skips comments', () => {
    const parsed = parseEql('/* head */ process where // note\n a == 1');
    assert.ok(parsed.ok && parsed.query.body.kind === 'event');
    assert.equal(parsed.query.body.category.name, 'process');
  });

  it('reports a syntax error with its span instead of throwing', () => {
    assert.deepEqual(parseEql('process where a == '), {
      ok: false,
      error: { message: 'expected a value, found end of query', span: { start: 19, end: 19 } },
    });
    assert.deepEqual(parseEql('process a == 1'), {
      ok: false,
      error: { message: "expected 'where', found name 'a'", span: { start: 8, end: 9 } },
    });
    assert.deepEqual(parseEql('any where a == "x\\q"'), {
      ok: false,
      error: { message: 'invalid escape sequence in string', span: { start: 17, end: 19 } },
    });
  });
});

describe('EQL lowering', () => {
  it('ANDs the event category with the condition; any has no category', () => {
    const { pipeline } = lowerEqlQuery('process where process.name == "cmd.exe"');
    assert.deepEqual(stages(pipeline), [
      '1 query filter {} | and(event.category eq cased "process", process.name eq cased "cmd.exe")',
    ]);
    assert.equal(condition('true'), 'and()');
  });

  it('reads the category from event_category_override when the rule sets it', () => {
    const override = { event_category_override: 'event.type' };
    const { pipeline } = lowerEqlQuery('start where a == 1', override);
    assert.equal(
      notation(pipeline[0].predicate as Expr),
      'and(event.type eq cased "start", a eq cased 1)',
    );
  });

  it('compares with : case-insensitively, with * and ? wildcards', () => {
    assert.equal(condition('a : "CMD.exe"'), 'a eq "CMD.exe"');
    assert.equal(
      condition('a : ("x*", "*y", "*z*", "?:\\\\w*")'),
      'or(a startswith "x", a endswith "y", a contains "z", a wildcard "?:\\\\\\\\w*")',
    );
  });

  it('compares with == and != exactly and case-sensitively', () => {
    assert.equal(condition('a == "x*"'), 'a eq cased "x*"');
    assert.equal(condition('a != "x"'), 'a ne cased "x"');
    assert.equal(
      condition('a == false and b >= 3 and c < 1.5'),
      'and(a eq cased false, b ge cased 3, c lt cased 1.5)',
    );
  });

  it('reads == null as a missing field and != null as a present one', () => {
    assert.equal(condition('a == null or b != null'), 'or(not(a exists cased), b exists cased)');
  });

  it('compares two fields with fieldref', () => {
    assert.equal(
      condition('a == b and c != d'),
      'and(a fieldref cased "b", not(c fieldref cased "d"))',
    );
  });

  it('lowers in exactly and in~ case-insensitively, both without wildcards', () => {
    assert.equal(condition('a in ("x", "y*")'), 'or(a eq cased "x", a eq cased "y*")');
    assert.equal(condition('a in~ ("x", "y*")'), 'or(a eq "x", a eq "y*")');
    assert.equal(condition('a not in ("x")'), 'not(a eq cased "x")');
    assert.equal(condition('not a in ("x")'), 'not(a eq cased "x")');
  });

  it('lowers like with case and like~ without', () => {
    assert.equal(condition('a like "x*"'), 'a startswith cased "x"');
    assert.equal(condition('a like~ ("*x", "y")'), 'or(a endswith "x", a eq "y")');
  });

  it('lowers regex and regex~, the latter with the i flag', () => {
    assert.equal(condition('a regex "x[0-9]+"'), 'a regex cased "x[0-9]+"');
    assert.equal(condition('a regex~ ".*x"'), 'a regex/i ".*x"');
  });

  it('lowers string functions that test one field against constants', () => {
    assert.equal(condition('startsWith(a, "x")'), 'a startswith cased "x"');
    assert.equal(condition('endswith~(a, "x", "y")'), 'or(a endswith "x", a endswith "y")');
    assert.equal(condition('stringContains~(a, "x")'), 'a contains "x"');
    assert.equal(
      condition('wildcard(a, "x*y", "*z")'),
      'or(a wildcard cased "x*y", a endswith cased "z")',
    );
    assert.equal(condition('cidrMatch(source.ip, "10.0.0.0/8")'), 'source.ip cidr "10.0.0.0/8"');
  });

  it('keeps optional and indexed fields by name', () => {
    assert.equal(
      condition('?a.b : "x" and process.args[0] == "y"'),
      'and(a.b eq "x", process.args[0] eq cased "y")',
    );
  });

  it('keeps conditions on computed values and on two fields as computed conditions', () => {
    const lowered = lowerEqlQuery(
      'any where\n  length(a) > 3 and startsWith~(a, b) and a < b and x : substring(y, 0, 2)',
    );
    const condition = lowered.pipeline[0].predicate as Expr;
    assert.equal(
      notation(condition),
      'and(computed(length(a) > 3), computed(startswith~(a, b)), computed(a < b), ' +
        'computed(x : substring(y, 0, 2)))',
    );
    assert.ok(condition.kind === 'and');
    assert.deepEqual(
      condition.args.map((arg) =>
        arg.kind === 'computed' ? [arg.computed.fields, arg.computed.caseSensitive] : null,
      ),
      [
        [['a'], true],
        [['a', 'b'], false],
        [['a', 'b'], true],
        [['x', 'y'], false],
      ],
    );
    assert.deepEqual(lowered.diagnostics, []);
  });

  it('compares each list item of a computed comparison as `in` does', () => {
    assert.equal(
      condition('substring(a, 0, 2) in ("ab", "cd") or length(b) in~ ("x*", "y")'),
      'or(computed(substring(a, 0, 2) == "ab"), computed(substring(a, 0, 2) == "cd"), ' +
        'computed(length(b) in~ "x*"), computed(length(b) : "y"))',
    );
  });

  it('keeps what it cannot lower opaque, with a diagnostic naming it', () => {
    const lowered = lowerEqlQuery('any where\n  a < null and 1 + 2');
    assert.equal(
      notation(lowered.pipeline[0].predicate as Expr),
      'and(opaque("a < null"), opaque("1 + 2"))',
    );
    assert.deepEqual(
      lowered.diagnostics.map((d) => [d.code, d.line, d.column, d.message]),
      [
        ['eql.unsupported', 11, 3, "'<' with null is not lowered: a < null"],
        [
          'eql.unsupported',
          11,
          16,
          'this expression as a condition is not lowered: 1 + 2',
        ],
      ],
    );
  });

  it('makes a sequence an aggregate of its steps, then one stage per step', () => {
    const { pipeline } = lowerEqlQuery(
      'sequence by host.id with maxspan=1m\n' +
        '  [process where a == 1] by process.pid\n' +
        '  [file where b == 2] by process.pid',
    );
    assert.deepEqual(stages(pipeline), [
      '1 sequence aggregate {"by":["host.id"],"steps":2,"maxspan":"1m","until":null}' +
        ' | or(and(event.category eq cased "process", a eq cased 1), ' +
          'and(event.category eq cased "file", b eq cased 2))',
      '2 step filter-aggregated {"step":1,"by":["process.pid"]} | ' +
        'and(event.category eq cased "process", a eq cased 1)',
      '3 step filter-aggregated {"step":2,"by":["process.pid"]} | ' +
        'and(event.category eq cased "file", b eq cased 2)',
    ]);
    assert.equal(pipeline[0].text, 'sequence by host.id with maxspan=1m');
  });

  it('negates missing steps and the until step, and leaves them out of who takes part', () => {
    const { pipeline } = lowerEqlQuery(
      'sequence by user.id [any where a == 1] with runs=2 ![any where b == 2] until [any where c ' +
        '== 3]',
    );
    assert.deepEqual(stages(pipeline), [
      '1 sequence aggregate {"by":["user.id"],"steps":2,"maxspan":null,"until":"[any where c == ' +
        '3]"} | a eq cased 1',
      '2 step filter-aggregated {"step":1,"by":[],"runs":2} | a eq cased 1',
      '3 step filter-aggregated {"step":2,"by":[],"missing":true} | not(b eq cased 2)',
      '4 until filter-aggregated {"by":[]} | not(c eq cased 3)',
    ]);
  });

  it('lowers a sample like a sequence without order', () => {
    const { pipeline } = lowerEqlQuery('sample by host.id [any where a == 1] [any where b == 2]');
    assert.deepEqual(stages(pipeline), [
      '1 sample aggregate {"by":["host.id"],"steps":2} | or(a eq cased 1, b eq cased 2)',
      '2 step filter-aggregated {"step":1,"by":[]} | a eq cased 1',
      '3 step filter-aggregated {"step":2,"by":[]} | b eq cased 2',
    ]);
  });

  it('gives pipes their own stages', () => {
    const { pipeline } = lowerEqlQuery('process where a == 1 | filter b == 2 | head 5 | tail 1');
    assert.deepEqual(stages(pipeline), [
      '1 query filter {} | and(event.category eq cased "process", a eq cased 1)',
      '2 filter filter {} | b eq cased 2',
      '3 head format {"arguments":["5"]}',
      '4 tail format {"arguments":["1"]}',
    ]);
  });

  it('keeps an unparsable query as one opaque stage with a located diagnostic', () => {
    const lowered = lowerEqlQuery('process where\n  a == ');
    assert.deepEqual(stages(lowered.pipeline), ['1 query filter {}']);
    assert.equal(lowered.pipeline[0].opaque, true);
    assert.deepEqual(
      lowered.diagnostics.map((d) => [d.severity, d.code, d.line, d.message]),
      [['error', 'eql.syntax', 11, 'EQL syntax error: expected a value, found end of query']],
    );
  });
});
