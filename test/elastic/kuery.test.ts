// KQL: the parser's trees and spans, and the predicates each construct lowers to.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expr } from '../../src/ir/index.js';
import { parseKuery } from '../../src/languages/kuery/kuery-parser.js';
import { notation } from '../sigma/expr-notation.js';
import { lowerKql } from './elastic-fixture.js';

/** The query stage's predicate in compact notation. */
function kql(query: string): string {
  const { pipeline } = lowerKql(query);
  assert.equal(pipeline.length, 1);
  assert.equal(pipeline[0].command, 'query');
  assert.equal(pipeline[0].effect, 'filter');
  return notation(pipeline[0].predicate as Expr);
}

describe('KQL parser', () => {
  it('binds not tighter than and, and and tighter than or', () => {
    const parsed = parseKuery('a:1 or b:2 and not c:3');
    assert.ok(parsed.ok && parsed.query);
    assert.equal(parsed.query.kind, 'or');
    assert.deepEqual(
      parsed.query.kind === 'or' && parsed.query.args.map((arg) => [arg.kind, arg.span]),
      [
        ['match', { start: 0, end: 3 }],
        ['and', { start: 7, end: 22 }],
      ],
    );
  });

  it('keeps the words of an unquoted value together with their spaces', () => {
    const parsed = parseKuery('process.title: runc  init');
    assert.ok(parsed.ok && parsed.query?.kind === 'match');
    const values = parsed.query.values;
    assert.ok(values.kind === 'value');
    assert.deepEqual(values.literal.parts, [{ kind: 'text', text: 'runc  init' }]);
    assert.deepEqual(values.literal.span, { start: 15, end: 25 });
  });

  it('reads escapes in unquoted words and in quoted phrases', () => {
    const parsed = parseKuery('path: C\\:\\\\temp\\* and note: "say \\"hi\\" \\d"');
    assert.ok(parsed.ok && parsed.query?.kind === 'and');
    const [path, note] = parsed.query.args;
    assert.ok(path.kind === 'match' && path.values.kind === 'value');
    assert.deepEqual(path.values.literal.parts, [{ kind: 'text', text: 'C:\\temp*' }]);
    assert.ok(note.kind === 'match' && note.values.kind === 'value');
    assert.deepEqual(note.values.literal.parts, [{ kind: 'text', text: 'say "hi" \\d' }]);
  });

  it('treats an escaped keyword as a word', () => {
    const parsed = parseKuery('verb: \\and');
    assert.ok(parsed.ok && parsed.query?.kind === 'match' && parsed.query.values.kind === 'value');
    assert.deepEqual(parsed.query.values.literal.parts, [{ kind: 'text', text: 'and' }]);
  });

  it('reports a syntax error with its span instead of throwing', () => {
    assert.deepEqual(parseKuery('a: (b or c'), {
      ok: false,
      error: { message: "expected ')', found end of query", span: { start: 10, end: 10 } },
    });
    assert.deepEqual(parseKuery('a: "open'), {
      ok: false,
      error: { message: 'unterminated quoted phrase', span: { start: 3, end: 8 } },
    });
    assert.deepEqual(parseKuery('a: C:x'), {
      ok: false,
      error: { message: "unexpected ':'", span: { start: 4, end: 5 } },
    });
    assert.deepEqual(parseKuery('a: x\\y'), {
      ok: false,
      error: { message: 'invalid escape sequence', span: { start: 4, end: 6 } },
    });
  });

  it('refuses nesting deeper than 256 levels instead of exhausting the stack', () => {
    const deep = parseKuery(`${'('.repeat(100_000)}a:1${')'.repeat(100_000)}`);
    assert.equal(deep.ok, false);
    assert.equal(!deep.ok && deep.error.message, 'query nested too deeply');
    assert.equal(parseKuery(`${'not '.repeat(100)}a:1`).ok, true);
  });

  it('parses an empty query to nothing', () => {
    assert.deepEqual(parseKuery('  \n'), { ok: true, query: null });
  });
});

describe('KQL lowering', () => {
  it('compares keyword fields exactly and case-sensitively', () => {
    assert.equal(kql('process.name: cmd.exe'), 'process.name eq cased "cmd.exe"');
    assert.equal(kql('process.name: "Cmd.EXE"'), 'process.name eq cased "Cmd.EXE"');
  });

  it('turns wildcard patterns into the most specific operator', () => {
    assert.equal(kql('a: *x*'), 'a contains cased "x"');
    assert.equal(kql('a: x*'), 'a startswith cased "x"');
    assert.equal(kql('a: *x'), 'a endswith cased "x"');
    assert.equal(kql('a: x*y'), 'a wildcard cased "x*y"');
    assert.equal(kql('a: *'), 'a exists cased');
    assert.equal(kql('a: x?y*'), 'a startswith cased "x?y"');
    assert.equal(kql('a: *x?*y'), 'a wildcard cased "*x\\\\?*y"');
  });

  it('keeps * literal in quoted phrases and when escaped', () => {
    assert.equal(kql('a: "x*"'), 'a eq cased "x*"');
    assert.equal(kql('a: x\\**'), 'a startswith cased "x*"');
  });

  it('keeps numbers and booleans as such, other spellings as strings', () => {
    assert.equal(kql('event.code: 4104'), 'event.code eq cased 4104');
    assert.equal(kql('event.code: "4104"'), 'event.code eq cased "4104"');
    assert.equal(kql('tls.version: 1.0'), 'tls.version eq cased "1.0"');
    assert.equal(kql('tls.established: true'), 'tls.established eq cased true');
  });

  it('lowers ranges to ordered comparisons', () => {
    assert.equal(
      kql('destination.port >= 5800 and destination.port < 5810'),
      'and(destination.port ge cased 5800, destination.port lt cased 5810)',
    );
    assert.equal(kql('@timestamp > "now-1d"'), '@timestamp gt cased "now-1d"');
  });

  it('applies value lists to their field with their own and, or and not', () => {
    assert.equal(
      kql('process.name: (bash or sh*) and user.id: (* and not ("0" or 1000))'),
      'and(or(process.name eq cased "bash", process.name startswith cased "sh"), ' +
        'user.id exists cased, not(or(user.id eq cased "0", user.id eq cased 1000)))',
    );
  });

  it('binds not tighter than and, and and tighter than or', () => {
    assert.equal(
      kql('a:1 or b:2 and not c:3'),
      'or(a eq cased 1, and(b eq cased 2, not(c eq cased 3)))',
    );
    assert.equal(kql('(a:1 or b:2) and c:3'), 'and(or(a eq cased 1, b eq cased 2), c eq cased 3)');
  });

  it('matches text fields by words, case-insensitively', () => {
    assert.equal(kql('message: "Started With Stack"'), 'message contains "Started With Stack"');
    assert.equal(
      kql('message: error timeout'),
      'or(message contains "error", message contains "timeout")',
    );
    assert.equal(
      kql('powershell.file.script_block_text: *Invoke*'),
      'powershell.file.script_block_text contains "Invoke"',
    );
    assert.equal(
      kql('process.command_line.text: "-enc"'),
      'process.command_line.text contains "-enc"',
    );
  });

  it('compares .caseless fields ignoring case', () => {
    assert.equal(kql('process.name.caseless: "cmd.exe"'), 'process.name.caseless eq "cmd.exe"');
  });

  it('reads CIDR ranges on ip fields', () => {
    assert.equal(
      kql('source.ip: (10.0.0.0/8 or "FE80::/10" or "::1")'),
      'or(source.ip cidr "10.0.0.0/8", source.ip cidr "FE80::/10", source.ip eq "::1")',
    );
  });

  it('keeps the text and the span of each predicate', () => {
    const EQ_CASED = { op: 'eq', caseSensitive: true } as const;
    const at = (start: number, end: number) => ({ start, end });
    const { pipeline } = lowerKql('a: x and b: (y or "z")');
    const predicate = pipeline[0].predicate;
    assert.ok(predicate?.kind === 'and');
    assert.deepEqual(predicate.args, [
      {
        kind: 'predicate',
        predicate: { ...EQ_CASED, field: 'a', values: ['x'], text: 'a: x', span: at(3, 4) },
      },
      {
        kind: 'or',
        args: [
          {
            kind: 'predicate',
            predicate: { ...EQ_CASED, field: 'b', values: ['y'], text: 'b: y', span: at(13, 14) },
          },
          {
            kind: 'predicate',
            predicate: {
              ...EQ_CASED,
              field: 'b',
              values: ['z'],
              text: 'b: "z"',
              span: at(18, 21),
            },
          },
        ],
      },
    ]);
  });

  it('prefixes the fields of a nested query and warns that objects are not tied', () => {
    const lowered = lowerKql('deltas:{ action: ADD and role: admin }');
    assert.equal(
      notation(lowered.pipeline[0].predicate as Expr),
      'and(deltas.action eq cased "ADD", deltas.role eq cased "admin")',
    );
    assert.deepEqual(
      lowered.diagnostics.map((d) => [d.severity, d.code, d.line]),
      [['warning', 'kuery.nested', 10]],
    );
  });

  it('lowers a nested query of alternatives exactly, without a warning', () => {
    const lowered = lowerKql('deltas:{ action: (ADD or REMOVE) or role: admin }');
    assert.equal(
      notation(lowered.pipeline[0].predicate as Expr),
      'or(deltas.action eq cased "ADD", deltas.action eq cased "REMOVE", ' +
        'deltas.role eq cased "admin")',
    );
    assert.deepEqual(lowered.diagnostics, []);
  });

  it('keeps field patterns as written, with an info diagnostic', () => {
    const lowered = lowerKql('file.hash.*: *');
    assert.equal(notation(lowered.pipeline[0].predicate as Expr), 'file.hash.* exists cased');
    assert.deepEqual(
      lowered.diagnostics.map((d) => [d.severity, d.code]),
      [['info', 'kuery.field-pattern']],
    );
  });

  it('matches free text on _raw and warns that it is approximate', () => {
    const lowered = lowerKql('mimikatz or "sekurlsa::"');
    assert.equal(
      notation(lowered.pipeline[0].predicate as Expr),
      'or(_raw contains "mimikatz", _raw contains "sekurlsa::")',
    );
    assert.deepEqual(
      lowered.diagnostics.map((d) => d.code),
      ['kuery.free-text', 'kuery.free-text'],
    );
  });

  it('turns a syntax error into an opaque predicate with a located diagnostic', () => {
    const lowered = lowerKql('a: x and\n  (b: y');
    assert.equal(notation(lowered.pipeline[0].predicate as Expr), 'opaque("a: x and\\n  (b: y")');
    assert.deepEqual(lowered.diagnostics, [
      {
        severity: 'error',
        code: 'kuery.syntax',
        message: "KQL syntax error: expected ')', found end of query",
        file: 'rules/test_rule.toml',
        line: 11,
        column: 8,
        stage: 1,
      },
    ]);
  });
});
