// ES|QL: commands split and recognised, WHERE conditions as predicates, effects per command.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expr, Stage } from '../../src/ir/index.js';
import { parseEsql } from '../../src/languages/esql/esql-parser.js';
import { notation } from '../sigma/expr-notation.js';
import { lowerEsqlQuery, stageLines as stages } from './elastic-fixture.js';

/** The predicate of the WHERE that follows `from logs-*`, in compact notation. */
function where(condition: string): string {
  const { pipeline } = lowerEsqlQuery(`from logs-*\n| where ${condition}`);
  assert.equal(pipeline[1].command, 'where');
  return notation(pipeline[1].predicate as Expr);
}

function effects(pipeline: Stage[]): string[] {
  return pipeline.map((stage) => `${stage.index} ${stage.command} ${stage.effect}`);
}

describe('ES|QL parser', () => {
  it('splits commands at top-level bars only and names them in lower case', () => {
    const parsed = parseEsql(
      'FROM logs-* METADATA _id\n' +
        '| WHERE a == "x | y" // a | in a comment\n' +
        '| INLINE STATS n = COUNT(*) BY host.id\n' +
        '| LOOKUP JOIN hosts ON host.id\n' +
        '| KEEP host.id, Esql.*',
    );
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.query.commands.map((command) => [command.name, command.body.kind]),
      [
        ['from', 'from'],
        ['where', 'where'],
        ['inline stats', 'stats'],
        ['lookup join', 'lookup join'],
        ['keep', 'keep'],
      ],
    );
    assert.deepEqual(parsed.query.errors, []);
    const from = parsed.query.commands[0].body;
    assert.ok(from.kind === 'from');
    assert.deepEqual(from.sources.map((source) => source.name), ['logs-*']);
    assert.deepEqual(from.metadata.map((name) => name.name), ['_id']);
  });

  it('reads index patterns, backticked path segments and time spans', () => {
    const parsed = parseEsql(
      'from logs-endpoint.events.process-*, logs-windows.*\n' +
        '| where source.`as`.organization.name != "x" and @timestamp > now() - 1 hour',
    );
    assert.ok(parsed.ok);
    const [from, filter] = parsed.query.commands.map((command) => command.body);
    assert.ok(from.kind === 'from');
    assert.deepEqual(
      from.sources.map((source) => source.name),
      ['logs-endpoint.events.process-*', 'logs-windows.*'],
    );
    assert.ok(filter.kind === 'where' && filter.condition.kind === 'and');
    const [first, second] = filter.condition.args;
    assert.ok(first.kind === 'compare' && first.left.kind === 'field');
    assert.equal(first.left.name, 'source.as.organization.name');
    assert.ok(second.kind === 'compare' && second.right.kind === 'arithmetic');
    assert.deepEqual(
      second.right.right,
      { kind: 'timespan', value: 1, unit: 'hour', span: { start: 122, end: 128 } },
    );
  });

  it('keeps a command it cannot parse, with its error, and parses the others', () => {
    const parsed = parseEsql('from logs-*\n| where a ==\n| frobnicate x\n| limit 5');
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.query.commands.map((command) => [command.name, command.body.kind]),
      [
        ['from', 'from'],
        ['where', 'unparsed'],
        ['frobnicate', 'unparsed'],
        ['limit', 'limit'],
      ],
    );
    assert.deepEqual(
      parsed.query.errors.map((entry) => [entry.command, entry.error.message]),
      [
        [1, 'expected a value, found end of command'],
        [2, "unknown command 'frobnicate'"],
      ],
    );
  });

  it('refuses nesting deeper than 256 levels instead of exhausting the stack', () => {
    const parsed = parseEsql(`from x | where ${'('.repeat(100_000)}a == 1${')'.repeat(100_000)}`);
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.query.errors.map((entry) => [entry.command, entry.error.message]),
      [[1, 'query nested too deeply']],
    );
  });

  it('reports an unterminated string instead of throwing', () => {
    assert.deepEqual(parseEsql('from x | where a == "open'), {
      ok: false,
      error: { message: 'unterminated string', span: { start: 20, end: 25 } },
    });
  });
});

describe('ES|QL lowering', () => {
  it('compares strings exactly and case-sensitively', () => {
    assert.equal(
      where('a == "X" and b != "y" and c >= 3'),
      'and(a eq cased "X", b ne cased "y", c ge cased 3)',
    );
    assert.equal(where('5 < c'), 'c gt cased 5');
  });

  it('reads LIKE patterns with backslash escapes and RLIKE as a regex', () => {
    assert.equal(where('a like "*x*"'), 'a contains cased "x"');
    assert.equal(where('a like """\\\\dev\\\\*"""'), 'a startswith cased "\\\\dev\\\\"');
    assert.equal(
      where('a not like ("x*", "y?z")'),
      'not(or(a startswith cased "x", a wildcard cased "y?z"))',
    );
    assert.equal(where('a rlike ".*x.*"'), 'a regex cased ".*x.*"');
  });

  it('lowers IN, NOT IN and IS [NOT] NULL', () => {
    assert.equal(where('a in ("x", "y")'), 'or(a eq cased "x", a eq cased "y")');
    assert.equal(where('a not in ("x")'), 'not(a eq cased "x")');
    assert.equal(where('a is null or b is not null'), 'or(not(a exists cased), b exists cased)');
  });

  it('makes comparisons on to_lower(field) case-insensitive, also through EVAL', () => {
    assert.equal(where('to_lower(a) == "x"'), 'a eq "x"');
    const query = 'from logs-*\n| eval low = to_lower(a)\n| where low like "*x*"';
    const { pipeline } = lowerEsqlQuery(query);
    assert.equal(notation(pipeline[2].predicate as Expr), 'a contains "x"');
  });

  it('lowers string functions, cidr_match and true in (…)', () => {
    assert.equal(
      where('starts_with(a, "x") and ends_with(b, "y")'),
      'and(a startswith cased "x", b endswith cased "y")',
    );
    assert.equal(
      where('cidr_match(source.ip, "10.0.0.0/8", "::1")'),
      'or(source.ip cidr "10.0.0.0/8", source.ip cidr "::1")',
    );
    assert.equal(
      where('true in (starts_with(a, "x"), contains(a, "y"))'),
      'or(a startswith cased "x", a contains cased "y")',
    );
  });

  it('lowers kql("…") with the KQL rules', () => {
    assert.equal(where('kql("process.name: cmd* and message: \\"access denied\\"")'),
      'and(process.name startswith cased "cmd", message contains "access denied")');
  });

  it('matches text fields by words with the : operator', () => {
    assert.equal(
      where('message : "denied|refused"'),
      'or(message contains "denied", message contains "refused")',
    );
  });

  it('filters aggregated rows after STATS, which groups without dropping null keys', () => {
    const { pipeline } = lowerEsqlQuery(
      'from logs-*\n| where a == 1\n| stats n = count(*) by host.id\n| where n > 5\n| sort n ' +
        'desc\n| limit 10',
    );
    assert.deepEqual(effects(pipeline), [
      '1 from filter',
      '2 where filter',
      '3 stats aggregate',
      '4 where filter-aggregated',
      '5 sort format',
      '6 limit filter-aggregated',
    ]);
    assert.deepEqual(pipeline[2].groupBy, { fields: ['host.id'], filled: 'all' });
    assert.deepEqual(pipeline[2].args, {
      aggregations: [{ name: 'n', expression: 'count(*)' }],
      by: [{ name: 'host.id', expression: 'host.id' }],
    });
    assert.deepEqual(pipeline[0].args, { index: ['logs-*'], metadata: [] });
    assert.equal(notation(pipeline[0].predicate as Expr), '_index startswith cased "logs-"');
  });

  it('gives enriching and formatting commands their effects', () => {
    const { pipeline } = lowerEsqlQuery(
      'from logs-*\n| eval x = 1\n| grok message "%{WORD:w}"\n| dissect message "%{a} %{b}"\n' +
        '| mv_expand x\n| keep x\n| drop y\n| rename x as z',
    );
    assert.deepEqual(effects(pipeline), [
      '1 from filter',
      '2 eval enrich',
      '3 grok enrich',
      '4 dissect enrich',
      '5 mv_expand enrich',
      '6 keep format',
      '7 drop format',
      '8 rename format',
    ]);
  });

  it('keeps comparisons of computed values as computed conditions', () => {
    const lowered = lowerEsqlQuery(
      'from logs-*\n| where @timestamp > now() - 5 minutes and a::long + b < 7 days\n' +
        '| eval x = y\n| where date_diff("seconds", x, c) <= 300 and x < c',
    );
    assert.equal(
      notation(lowered.pipeline[1].predicate as Expr),
      'and(computed(@timestamp > (now() - to_timeduration("5 minutes"))), ' +
        'computed((to_long(a) + b) < to_dateperiod("7 days")))',
    );
    const last = lowered.pipeline[3].predicate as Expr;
    assert.equal(
      notation(last),
      'and(computed(date_diff("seconds", y, c) <= 300), computed(y < c))',
    );
    assert.ok(last.kind === 'and' && last.args[0].kind === 'computed');
    assert.deepEqual(last.args[0].computed.fields, ['y', 'c']);
    assert.equal(last.args[0].computed.text, 'date_diff("seconds", x, c) <= 300');
    assert.deepEqual(lowered.diagnostics, []);
  });

  it('makes INLINE STATS an enrichment that keeps rows and columns', () => {
    const { pipeline } = lowerEsqlQuery(
      'from logs-*\n| eval x = to_lower(a)\n| inline stats n = count(*) by host.id\n' +
        '| where x == "b" and n > 2',
    );
    assert.deepEqual(stages(pipeline).slice(2), [
      '3 inline stats enrich {"aggregations":[{"name":"n","expression":"count(*)"}],' +
        '"by":[{"name":"host.id","expression":"host.id"}]}',
      '4 where filter-aggregated {} | and(a eq "b", n gt cased 2)',
    ]);
    assert.equal(pipeline[2].groupBy, undefined);
  });

  it('an ES|QL query that cannot be split into commands is one opaque stage and an error', () => {
    const lowered = lowerEsqlQuery('from logs-* | where a == "x');
    assert.deepEqual(stages(lowered.pipeline), ['1 query filter {}']);
    assert.equal(lowered.pipeline[0].opaque, true);
    assert.deepEqual(
      lowered.diagnostics.map((d) => [d.severity, d.code, d.message]),
      [['error', 'esql.syntax', 'ES|QL syntax error: unterminated string']],
    );
  });

  it('keeps what it cannot lower opaque, with a located diagnostic', () => {
    const lowered = lowerEsqlQuery(
      'from logs-*\n| where match(message, "x", {"fuzziness": 1})\n| frobnicate x',
    );
    assert.equal(
      notation(lowered.pipeline[1].predicate as Expr),
      'opaque("match(message, \\"x\\", {\\"fuzziness\\": 1})")',
    );
    assert.equal(lowered.pipeline[2].opaque, true);
    assert.deepEqual(
      lowered.diagnostics.map((d) => [d.severity, d.code, d.line, d.stage, d.message]),
      [
        [
          'warning',
          'esql.unsupported',
          11,
          2,
          'a full-text match on a computed value or with options is not lowered: ' +
            'match(message, "x", {"fuzziness": 1})',
        ],
        ['error', 'esql.unparsed-command', 12, 3, "FROBNICATE: unknown command 'frobnicate'"],
      ],
    );
  });
});
