// Parses an ES|QL query: splits it into commands at top-level `|` and parses each command's
// arguments. A command that cannot be parsed is kept, unparsed, with its error.

import type { Span } from '../../ir/index.js';
import { EsqlCursor, EsqlParseError, describe } from './esql-cursor.js';
import { isColumnName, parseExpression } from './esql-expression.js';
import type {
  EsqlAssignment,
  EsqlCommand,
  EsqlCommandBody,
  EsqlName,
  EsqlParse,
  EsqlQuery,
  EsqlSortKey,
} from './esql-syntax.js';
import { tokenizeEsql, type EsqlToken } from './esql-tokens.js';

/** Commands recognised by name whose arguments this parser keeps as text. */
const TEXT_ONLY_COMMANDS: ReadonlySet<string> = new Set([
  'row', 'show', 'ts', 'metrics', 'change_point', 'fork', 'sample', 'rerank', 'fuse',
  'rrf', 'insist_🐔', 'explain',
]);

/** Commands written as two words. */
const TWO_WORD_COMMANDS: ReadonlySet<string> = new Set(['inline stats', 'lookup join']);

type BodyParser = (cursor: EsqlCursor) => EsqlCommandBody;

const BODY_PARSERS: Record<string, BodyParser> = {
  from: parseFrom,
  where: (cursor) => ({ kind: 'where', condition: parseExpression(cursor) }),
  eval: (cursor) => ({ kind: 'eval', assignments: parseAssignments(cursor, false) }),
  stats: parseStats,
  'inline stats': parseStats,
  inlinestats: parseStats,
  keep: (cursor) => ({ kind: 'keep', fields: parseNames(cursor) }),
  drop: (cursor) => ({ kind: 'drop', fields: parseNames(cursor) }),
  rename: parseRename,
  sort: parseSort,
  limit: parseLimit,
  dissect: (cursor) => parsePatternCommand(cursor, 'dissect'),
  grok: (cursor) => parsePatternCommand(cursor, 'grok'),
  mv_expand: (cursor) => ({ kind: 'mv_expand', field: parseName(cursor) }),
  'lookup join': parseLookupJoin,
  enrich: parseEnrich,
  completion: parseCompletion,
};

export function parseEsql(text: string): EsqlParse {
  const tokenized = tokenizeEsql(text);
  if (!tokenized.ok) return tokenized;

  const query: EsqlQuery = { commands: [], errors: [] };
  for (const tokens of splitCommands(tokenized.tokens)) {
    const index = query.commands.length;
    const parsed = parseCommand(text, tokens);
    query.commands.push(parsed.command);
    if (parsed.error !== null) query.errors.push({ command: index, error: parsed.error });
  }
  return { ok: true, query };
}

const OPENERS: ReadonlySet<string> = new Set(['(', '[', '{']);
const CLOSERS: ReadonlySet<string> = new Set([')', ']', '}']);

/** Token groups between top-level `|`; a `|` inside parentheses or brackets does not split. */
function splitCommands(tokens: EsqlToken[]): EsqlToken[][] {
  const commands: EsqlToken[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'punctuation' && OPENERS.has(token.value)) depth++;
    if (token.kind === 'punctuation' && CLOSERS.has(token.value)) depth--;
    if (token.kind === 'punctuation' && token.value === '|' && depth <= 0) {
      commands.push([]);
      continue;
    }
    commands[commands.length - 1].push(token);
  }
  return commands.filter((command) => command.length > 0);
}

function parseCommand(
  text: string,
  tokens: EsqlToken[],
): { command: EsqlCommand; error: EsqlParseError['problem'] | null } {
  const span = { start: tokens[0].span.start, end: tokens[tokens.length - 1].span.end };
  const cursor = new EsqlCursor(text, tokens, span.end);
  const name = commandName(cursor);
  const command = (body: EsqlCommandBody): EsqlCommand => ({
    name: name ?? cursor.slice(tokens[0].span).toLowerCase(),
    body,
    text: text.slice(span.start, span.end),
    span,
  });

  if (name === null) {
    const message = `expected a command, found ${describe(tokens[0])}`;
    const problem = { message, span: tokens[0].span };
    return { command: command({ kind: 'unparsed' }), error: problem };
  }
  const bodyParser = BODY_PARSERS[name];
  if (bodyParser === undefined) {
    const known = TEXT_ONLY_COMMANDS.has(name);
    const message = known
      ? `arguments of ${name.toUpperCase()} are not parsed`
      : `unknown command '${name}'`;
    const problem = { message, span };
    return { command: command({ kind: 'unparsed' }), error: problem };
  }

  try {
    const body = bodyParser(cursor);
    cursor.expectEnd();
    return { command: command(body), error: null };
  } catch (error) {
    if (error instanceof EsqlParseError) {
      return { command: command({ kind: 'unparsed' }), error: error.problem };
    }
    throw error;
  }
}

/** The command's name in lower case (two words for `inline stats`, `lookup join`). */
function commandName(cursor: EsqlCursor): string | null {
  const first = cursor.peek();
  if (first?.kind !== 'name' || first.quoted) return null;
  cursor.next('a command');

  const second = cursor.peek();
  const twoWords = second?.kind === 'name' ? `${first.value} ${second.value}`.toLowerCase() : '';
  if (TWO_WORD_COMMANDS.has(twoWords)) {
    cursor.next('a command');
    return twoWords;
  }
  return first.value.toLowerCase();
}

/** `FROM index, pattern-* METADATA _id, _index`. */
function parseFrom(cursor: EsqlCursor): EsqlCommandBody {
  const sources = parseNames(cursor, 'metadata');
  const metadata = cursor.acceptKeyword('metadata') ? parseNames(cursor) : [];
  return { kind: 'from', sources, metadata };
}

/** `STATS aggregations [BY groupings]`, also for INLINE STATS. */
function parseStats(cursor: EsqlCursor): EsqlCommandBody {
  const aggregations = cursor.isKeyword(cursor.peek(), 'by') ? [] : parseAssignments(cursor, true);
  const by = cursor.acceptKeyword('by') ? parseAssignments(cursor, false) : [];
  return { kind: 'stats', aggregations, by };
}

/** `name = expr, expr, …`; in STATS an aggregation may end with `WHERE condition`. */
function parseAssignments(cursor: EsqlCursor, allowWhere: boolean): EsqlAssignment[] {
  const assignments = [parseAssignment(cursor, allowWhere)];
  while (cursor.acceptPunctuation(',')) assignments.push(parseAssignment(cursor, allowWhere));
  return assignments;
}

function parseAssignment(cursor: EsqlCursor, allowWhere: boolean): EsqlAssignment {
  const first = cursor.peek();
  const named = isColumnName(cursor) && cursor.isPunctuation(cursor.peek(1), '=');
  if (named) {
    cursor.next('a name');
    cursor.next("'='");
  }
  const expr = parseExpression(cursor);
  const where = allowWhere && cursor.acceptKeyword('where') ? parseExpression(cursor) : undefined;
  const end = (where ?? expr).span.end;
  return {
    name: named && first?.kind === 'name' ? first.value : null,
    expr,
    ...(where === undefined ? {} : { where }),
    span: { start: (first ?? expr).span.start, end },
  };
}

/** `RENAME old AS new, …` (or `new = old`). */
function parseRename(cursor: EsqlCursor): EsqlCommandBody {
  const pairs: { from: EsqlName; to: EsqlName }[] = [];
  do {
    const assigned = isColumnName(cursor) && cursor.isPunctuation(cursor.peek(1), '=');
    if (assigned) {
      const to = parseName(cursor);
      cursor.expectPunctuation('=');
      pairs.push({ from: parseName(cursor), to });
    } else {
      const from = parseName(cursor, 'as');
      cursor.expectKeyword('as');
      pairs.push({ from, to: parseName(cursor) });
    }
  } while (cursor.acceptPunctuation(','));
  return { kind: 'rename', pairs };
}

function parseSort(cursor: EsqlCursor): EsqlCommandBody {
  const keys: EsqlSortKey[] = [];
  do {
    const expr = parseExpression(cursor);
    let end = expr.span.end;
    let order: 'asc' | 'desc' = 'asc';
    const orderToken = cursor.acceptKeyword('asc') ?? cursor.acceptKeyword('desc');
    if (orderToken !== null) {
      order = cursor.isKeyword(orderToken, 'desc') ? 'desc' : 'asc';
      end = orderToken.span.end;
    }
    let nulls: 'first' | 'last' | null = null;
    if (cursor.acceptKeyword('nulls')) {
      const position = cursor.acceptKeyword('first') ?? cursor.expectKeyword('last');
      nulls = cursor.isKeyword(position, 'first') ? 'first' : 'last';
      end = position.span.end;
    }
    keys.push({ expr, order, nulls, span: { start: expr.span.start, end } });
  } while (cursor.acceptPunctuation(','));
  return { kind: 'sort', keys };
}

function parseLimit(cursor: EsqlCursor): EsqlCommandBody {
  const count = cursor.next('a row count');
  if (count.kind !== 'number') {
    cursor.fail(`expected a row count, found ${describe(count)}`, count.span);
  }
  return { kind: 'limit', count: count.value };
}

/** `DISSECT field "pattern" [APPEND_SEPARATOR = "x"]` and `GROK field "pattern"`. */
function parsePatternCommand(cursor: EsqlCursor, kind: 'dissect' | 'grok'): EsqlCommandBody {
  const input = parseExpression(cursor);
  const pattern = cursor.next('a pattern string');
  if (pattern.kind !== 'string') {
    cursor.fail(`expected a pattern string, found ${describe(pattern)}`, pattern.span);
  }
  const options = cursor.atEnd() ? [] : parseAssignments(cursor, false);
  return { kind, input, pattern: pattern.value, options };
}

/** `LOOKUP JOIN index ON field, …`. */
function parseLookupJoin(cursor: EsqlCursor): EsqlCommandBody {
  const index = parseName(cursor, 'on');
  cursor.expectKeyword('on');
  return { kind: 'lookup join', index, on: parseNames(cursor) };
}

/** `ENRICH policy [ON field] [WITH name = field, …]`. */
function parseEnrich(cursor: EsqlCursor): EsqlCommandBody {
  const policy = parseName(cursor, 'on', 'with');
  const on = cursor.acceptKeyword('on') ? parseName(cursor, 'with') : null;
  const assignments = cursor.acceptKeyword('with') ? parseAssignments(cursor, false) : [];
  return { kind: 'enrich', policy, on, with: assignments };
}

function parseCompletion(cursor: EsqlCursor): EsqlCommandBody {
  const prompt = parseAssignment(cursor, false);
  const options = cursor.acceptKeyword('with') ? parseExpression(cursor) : null;
  return { kind: 'completion', prompt, options };
}

/** Comma-separated names as written, stopping at any of `stopWords`. */
function parseNames(cursor: EsqlCursor, ...stopWords: string[]): EsqlName[] {
  const names = [parseName(cursor, ...stopWords)];
  while (cursor.acceptPunctuation(',')) names.push(parseName(cursor, ...stopWords));
  return names;
}

/**
 * One name as written: a column, a column pattern (`Esql.*`) or an index pattern
 * (`logs-endpoint.events.*`, `remote:logs-*`) — the tokens up to a comma or stop word.
 */
function parseName(cursor: EsqlCursor, ...stopWords: string[]): EsqlName {
  const tokens: EsqlToken[] = [];
  const stops = (token: EsqlToken | undefined): boolean =>
    token === undefined ||
    cursor.isPunctuation(token, ',') ||
    cursor.isPunctuation(token, '=') ||
    stopWords.some((word) => cursor.isKeyword(token, word));

  while (!stops(cursor.peek())) {
    const token = cursor.next('a name');
    const previous = tokens[tokens.length - 1];
    // Whitespace ends a name: `old AS new` is two names around a keyword.
    if (previous !== undefined && previous.span.end !== token.span.start) {
      cursor.fail(`unexpected ${describe(token)}`, token.span);
    }
    tokens.push(token);
  }
  if (tokens.length === 0) return cursor.failExpected('a name');

  const span: Span = { start: tokens[0].span.start, end: tokens[tokens.length - 1].span.end };
  const single = tokens.length === 1 && tokens[0].kind !== 'punctuation' ? tokens[0] : null;
  const written = single?.kind === 'name' || single?.kind === 'string' ? single.value : null;
  const name = written ?? cursor.slice(span);
  return { name, span };
}
