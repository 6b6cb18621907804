// Recursive-descent parser for ES|QL expressions. Precedence, loosest first: OR, AND, NOT,
// predicates (comparison, LIKE, RLIKE, IN, IS NULL, `:`), + -, * / %, unary minus, `::` casts.

import type { Span } from '../../ir/index.js';
import type { ArithmeticOperator, ComparisonOperator, EsqlExpr } from './esql-syntax.js';
import { describe, type EsqlCursor } from './esql-cursor.js';

const COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** Words that end an expression or belong to the grammar, never column names. */
const KEYWORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'not', 'like', 'rlike', 'in', 'is', 'null', 'true', 'false', 'by', 'as', 'on',
  'with', 'asc', 'desc', 'nulls', 'metadata', 'where',
]);

const TIME_UNITS: ReadonlySet<string> = new Set([
  'ms', 'millisecond', 'milliseconds', 's', 'sec', 'second', 'seconds', 'm', 'min', 'minute',
  'minutes', 'h', 'hour', 'hours', 'd', 'day', 'days', 'w', 'week', 'weeks', 'mo', 'month',
  'months', 'q', 'quarter', 'quarters', 'y', 'yr', 'year', 'years',
]);

export function parseExpression(cursor: EsqlCursor): EsqlExpr {
  const args = [parseAnd(cursor)];
  while (cursor.acceptKeyword('or')) args.push(parseAnd(cursor));
  return args.length === 1 ? args[0] : { kind: 'or', args, span: spanOver(args) };
}

/** Whether the token at the cursor can start a column reference (it is not a keyword). */
export function isColumnName(cursor: EsqlCursor): boolean {
  const token = cursor.peek();
  return token?.kind === 'name' && (token.quoted || !KEYWORDS.has(token.value.toLowerCase()));
}

function parseAnd(cursor: EsqlCursor): EsqlExpr {
  const args = [parseNot(cursor)];
  while (cursor.acceptKeyword('and')) args.push(parseNot(cursor));
  return args.length === 1 ? args[0] : { kind: 'and', args, span: spanOver(args) };
}

/** Every level of parentheses and of NOT passes here, so nesting is counted here. */
function parseNot(cursor: EsqlCursor): EsqlExpr {
  return cursor.nested(() => {
    const keyword = cursor.acceptKeyword('not');
    if (keyword === null) return parsePredicate(cursor);
    const arg = parseNot(cursor);
    return { kind: 'not', arg, span: { start: keyword.span.start, end: arg.span.end } };
  });
}

function parsePredicate(cursor: EsqlCursor): EsqlExpr {
  const left = parseAdditive(cursor);
  const token = cursor.peek();

  if (token?.kind === 'punctuation' && COMPARISONS.has(token.value)) {
    cursor.next('an operator');
    const right = parseAdditive(cursor);
    const operator = token.value as ComparisonOperator;
    return { kind: 'compare', operator, left, right, span: spanOver([left, right]) };
  }
  if (cursor.acceptPunctuation(':')) {
    const query = parseAdditive(cursor);
    return { kind: 'match', left, query, span: spanOver([left, query]) };
  }
  if (cursor.acceptKeyword('is')) {
    const negated = cursor.acceptKeyword('not') !== null;
    const end = cursor.expectKeyword('null').span.end;
    return { kind: 'is-null', negated, arg: left, span: { start: left.span.start, end } };
  }

  const negated = cursor.isKeyword(cursor.peek(), 'not') && isInfixKeyword(cursor, 1);
  if (negated) cursor.next("'NOT'");
  if (cursor.acceptKeyword('in')) {
    const { items, span } = parseParenthesizedList(cursor);
    const whole = { start: left.span.start, end: span.end };
    return { kind: 'in', negated, left, values: items, span: whole };
  }
  const patternKeyword = cursor.acceptKeyword('like') ?? cursor.acceptKeyword('rlike');
  if (patternKeyword === null) return left;

  const operator = cursor.isKeyword(patternKeyword, 'rlike') ? 'rlike' : 'like';
  if (cursor.isPunctuation(cursor.peek(), '(')) {
    const { items, span } = parseParenthesizedList(cursor);
    const whole = { start: left.span.start, end: span.end };
    return { kind: 'pattern', operator, negated, left, patterns: items, span: whole };
  }
  const pattern = parsePostfix(cursor);
  const span = spanOver([left, pattern]);
  return { kind: 'pattern', operator, negated, left, patterns: [pattern], span };
}

function isInfixKeyword(cursor: EsqlCursor, ahead: number): boolean {
  const token = cursor.peek(ahead);
  return ['in', 'like', 'rlike'].some((keyword) => cursor.isKeyword(token, keyword));
}

function parseParenthesizedList(cursor: EsqlCursor): { items: EsqlExpr[]; span: Span } {
  const open = cursor.expectPunctuation('(');
  const items = parseList(cursor, ')');
  const close = cursor.expectPunctuation(')');
  return { items, span: { start: open.span.start, end: close.span.end } };
}

/** Comma-separated expressions up to (not including) `closer`. */
function parseList(cursor: EsqlCursor, closer: ')' | ']'): EsqlExpr[] {
  if (cursor.isPunctuation(cursor.peek(), closer)) return [];
  const items = [parseExpression(cursor)];
  while (cursor.acceptPunctuation(',')) items.push(parseExpression(cursor));
  return items;
}

function parseAdditive(cursor: EsqlCursor): EsqlExpr {
  let left = parseMultiplicative(cursor);
  for (
    let operator = arithmetic(cursor, '+', '-');
    operator;
    operator = arithmetic(cursor, '+', '-')
  ) {
    const right = parseMultiplicative(cursor);
    left = { kind: 'arithmetic', operator, left, right, span: spanOver([left, right]) };
  }
  return left;
}

function parseMultiplicative(cursor: EsqlCursor): EsqlExpr {
  let left = parseUnary(cursor);
  for (
    let operator = arithmetic(cursor, '*', '/', '%');
    operator;
    operator = arithmetic(cursor, '*', '/', '%')
  ) {
    const right = parseUnary(cursor);
    left = { kind: 'arithmetic', operator, left, right, span: spanOver([left, right]) };
  }
  return left;
}

function parseUnary(cursor: EsqlCursor): EsqlExpr {
  const minus = cursor.acceptPunctuation('-');
  if (minus === null) return parsePostfix(cursor);
  const arg = cursor.nested(() => parseUnary(cursor));
  const span = { start: minus.span.start, end: arg.span.end };
  if (arg.kind === 'number') return { ...arg, value: -arg.value, span };
  return { kind: 'negate', arg, span };
}

/** A primary followed by `::type` casts. */
function parsePostfix(cursor: EsqlCursor): EsqlExpr {
  let expr = parsePrimary(cursor);
  while (cursor.acceptPunctuation('::')) {
    const type = cursor.next('a type name');
    if (type.kind !== 'name') {
      cursor.fail(`expected a type name, found ${describe(type)}`, type.span);
    }
    const span = { start: expr.span.start, end: type.span.end };
    expr = { kind: 'cast', arg: expr, type: type.value.toLowerCase(), span };
  }
  return expr;
}

function parsePrimary(cursor: EsqlCursor): EsqlExpr {
  const token = cursor.next('a value');
  switch (token.kind) {
    case 'string':
      return { kind: 'string', value: token.value, span: token.span };
    case 'number':
      return parseNumber(cursor, token);
    case 'name':
      return parseName(cursor, token);
    case 'punctuation':
      return parsePunctuation(cursor, token);
  }
}

/** A number, or a time span when a unit follows: `5m`, `1 hour`. */
function parseNumber(cursor: EsqlCursor, token: { value: number; span: Span }): EsqlExpr {
  const unit = cursor.peek();
  if (unit?.kind !== 'name' || unit.quoted || !TIME_UNITS.has(unit.value.toLowerCase())) {
    return { kind: 'number', value: token.value, span: token.span };
  }
  cursor.next('a time unit');
  const span = { start: token.span.start, end: unit.span.end };
  return { kind: 'timespan', value: token.value, unit: unit.value.toLowerCase(), span };
}

function parseName(
  cursor: EsqlCursor,
  token: { value: string; quoted: boolean; span: Span },
): EsqlExpr {
  const lower = token.value.toLowerCase();
  if (!token.quoted && (lower === 'true' || lower === 'false')) {
    return { kind: 'boolean', value: lower === 'true', span: token.span };
  }
  if (!token.quoted && lower === 'null') return { kind: 'null', span: token.span };
  if (!token.quoted && KEYWORDS.has(lower)) {
    cursor.fail(`unexpected keyword '${token.value}'`, token.span);
  }

  if (!token.quoted && cursor.acceptPunctuation('(')) {
    const args = parseList(cursor, ')');
    const close = cursor.expectPunctuation(')');
    const span = { start: token.span.start, end: close.span.end };
    return { kind: 'call', name: lower, args, span };
  }
  return { kind: 'field', name: token.value, span: token.span };
}

function parsePunctuation(cursor: EsqlCursor, token: { value: string; span: Span }): EsqlExpr {
  switch (token.value) {
    case '(': {
      const inner = parseExpression(cursor);
      const close = cursor.expectPunctuation(')');
      return { ...inner, span: { start: token.span.start, end: close.span.end } };
    }
    case '[': {
      const items = parseList(cursor, ']');
      const close = cursor.expectPunctuation(']');
      return { kind: 'list', items, span: { start: token.span.start, end: close.span.end } };
    }
    case '{':
      return parseMap(cursor, token.span);
    case '*':
      return { kind: 'star', span: token.span };
    case '?': {
      const name = cursor.peek();
      const named = name?.kind === 'name' && name.span.start === token.span.end;
      if (!named) return { kind: 'param', name: '', span: token.span };
      cursor.next('a parameter name');
      const span = { start: token.span.start, end: name.span.end };
      return { kind: 'param', name: name.value, span };
    }
    default:
      return cursor.fail(`unexpected '${token.value}'`, token.span);
  }
}

/** `{ "key": value, … }` after its opening brace. */
function parseMap(cursor: EsqlCursor, open: Span): EsqlExpr {
  const entries: { key: string; value: EsqlExpr }[] = [];
  if (!cursor.isPunctuation(cursor.peek(), '}')) {
    do {
      const key = cursor.next('an option name');
      if (key.kind !== 'string') {
        cursor.fail(`expected a quoted option name, found ${describe(key)}`, key.span);
      }
      cursor.expectPunctuation(':');
      entries.push({ key: key.value, value: parseExpression(cursor) });
    } while (cursor.acceptPunctuation(','));
  }
  const close = cursor.expectPunctuation('}');
  return { kind: 'map', entries, span: { start: open.start, end: close.span.end } };
}

function arithmetic(
  cursor: EsqlCursor,
  ...operators: ArithmeticOperator[]
): ArithmeticOperator | null {
  const token = cursor.peek();
  if (token?.kind !== 'punctuation') return null;
  const operator = operators.find((candidate) => candidate === token.value);
  if (operator === undefined) return null;
  cursor.next('an operator');
  return operator;
}

function spanOver(nodes: { span: Span }[]): Span {
  return { start: nodes[0].span.start, end: nodes[nodes.length - 1].span.end };
}
