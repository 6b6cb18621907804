// Tokens of search syntax (`search`, `tstats … where`): values with quoted and unquoted parts
// joined, comparators, parentheses, commas, subsearches and macro calls left in the text.

import type { Span } from '../../ir/index.js';
import { readMacroCall } from './macro-call.js';
import {
  closingBracket,
  closingParens,
  isSpace,
  macroEnd,
  skipBlank,
} from './scanner.js';
import type {
  MacroCall,
  ParseIssue,
  SearchComparator,
  SearchDirective,
  SearchValue,
} from './syntax.js';

export type SearchToken =
  | { kind: 'value'; value: SearchValue; word: string | null; span: Span }
  | { kind: 'directive'; directive: SearchDirective; value: SearchValue | null; span: Span }
  | { kind: 'comparator'; comparator: SearchComparator; span: Span }
  | { kind: 'lparen' | 'rparen' | 'comma'; span: Span }
  | { kind: 'subsearch'; inner: Span; span: Span }
  | { kind: 'macro'; call: MacroCall | null; span: Span };

/** Characters that end an unquoted value outside a comparison's right-hand side. */
const FIELD_STOPS = new Set(['(', ')', ',', '"', '`', '=', '<', '>']);
/** After a comparator `=`, `<`, `>` and `!` belong to the value (`a=b=c` compares a to `b=c`). */
const VALUE_STOPS = new Set(['(', ')', ',', '"', '`']);

export function lexSearch(text: string, start: number, end: number, issues: ParseIssue[]) {
  const tokens: SearchToken[] = [];
  let i = start;
  let afterComparator = false;
  // Where each `(` closes, computed at the first directive: one pass, however many there are.
  const parens: ParenIndex = { closes: null, text, start, end };
  while (i < end) {
    i = skipBlank(text, i, end);
    if (i >= end) break;
    const c = text[i];
    const comparator = comparatorAt(text, i, end);
    if (comparator && !afterComparator) {
      const length = comparator === '==' ? 2 : comparator.length;
      const normalized = (comparator === '==' ? '=' : comparator) as SearchComparator;
      tokens.push(
        { kind: 'comparator', comparator: normalized, span: { start: i, end: i + length } },
      );
      i += length;
      afterComparator = true;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      const kind = c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma';
      tokens.push({ kind, span: { start: i, end: i + 1 } });
      i += 1;
      afterComparator = false;
      continue;
    }
    if (c === '[') {
      const close = closingBracket(text, i);
      const stop = close < 0 || close >= end ? end : close + 1;
      if (close < 0 || close >= end) issues.push(
        { message: 'subsearch `[` is not closed', span: { start: i, end } },
      );
      tokens.push(
        {
          kind: 'subsearch',
          inner: { start: i + 1, end: stop === end && close < 0 ? end : close },
          span: { start: i, end: stop },
        },
      );
      i = stop;
      afterComparator = false;
      continue;
    }
    if (c === '`') {
      const close = macroEnd(text, i);
      if (close > 0 && close <= end) {
        const span = { start: i, end: close };
        tokens.push({ kind: 'macro', call: readMacroCall(text, span), span });
        i = close;
        afterComparator = false;
        continue;
      }
    }
    const directive = lexDirective(text, i, parens, issues);
    if (directive) {
      tokens.push(directive);
      i = directive.span.end;
      afterComparator = false;
      continue;
    }
    const value = lexValue(text, i, end, afterComparator ? VALUE_STOPS : FIELD_STOPS, issues);
    tokens.push(value);
    i = value.span.end;
    afterComparator = false;
  }
  return tokens;
}

const DIRECTIVES: SearchDirective[] = ['TERM', 'CASE'];

interface ParenIndex {
  closes: Map<number, number> | null;
  text: string;
  start: number;
  end: number;
}

/**
 * `TERM(x)` or `CASE(x)` written at `start` (upper case, `(` right after the word), with the
 * one term inside; null when no directive starts there.
 * LIMITATION: only the upper-case spellings are directives — `term(x)` is read as the term
 * `term` and a group `(x)`.
 */
function lexDirective(
  text: string,
  start: number,
  parens: ParenIndex,
  issues: ParseIssue[],
): Extract<SearchToken, { kind: 'directive' }> | null {
  const directive = DIRECTIVES.find((word) => text.startsWith(`${word}(`, start));
  if (!directive) return null;
  const open = start + directive.length;
  parens.closes ??= closingParens(parens.text, parens.start, parens.end);
  const close = parens.closes.get(open);
  if (close === undefined) return null;

  const span = { start, end: close + 1 };
  const first = skipBlank(text, open + 1, close);
  if (first >= close) return { kind: 'directive', directive, value: null, span };
  const inner = lexValue(text, first, close, VALUE_STOPS, issues);
  const alone = inner.kind === 'value' && skipBlank(text, inner.span.end, close) >= close;
  const value = alone && inner.kind === 'value' ? inner.value : null;
  return { kind: 'directive', directive, value, span };
}

function comparatorAt(text: string, i: number, end: number): string | null {
  const two = text.slice(i, Math.min(i + 2, end));
  if (two === '!=' || two === '<=' || two === '>=' || two === '==') return two;
  const c = text[i];
  return c === '=' || c === '<' || c === '>' ? c : null;
}

/** One value: unquoted and quoted parts up to a space or a stop character. */
function lexValue(
  text: string,
  start: number,
  end: number,
  stops: Set<string>,
  issues: ParseIssue[],
): SearchToken {
  let pattern = '';
  let quoted = false;
  let i = start;
  while (i < end) {
    const c = text[i];
    if (isSpace(c)) break;
    if (c === '"') {
      quoted = true;
      i += 1;
      let closed = false;
      while (i < end) {
        const q = text[i];
        if (q === '"') {
          closed = true;
          i += 1;
          break;
        }
        if (q === '\\' && i + 1 < end) {
          pattern += escaped(text[i + 1]);
          i += 2;
          continue;
        }
        pattern += literal(q);
        i += 1;
      }
      if (!closed) issues.push({ message: 'quoted value is not closed', span: { start, end } });
      continue;
    }
    if (c === '!' && text[i + 1] === '=' && stops === FIELD_STOPS) break;
    if (stops.has(c) && i > start) break;
    if (stops.has(c) && c !== '"') {
      pattern += literal(c);
      i += 1;
      continue;
    }
    if (c === '\\' && i + 1 < end) {
      pattern += escaped(text[i + 1]);
      i += 2;
      continue;
    }
    pattern += literal(c);
    i += 1;
  }
  const span = { start, end: i };
  return {
    kind: 'value',
    value: { pattern, quoted, span },
    word: quoted ? null : text.slice(start, i),
    span,
  };
}

/** A character as it stands in a pattern: `*` stays a wildcard, `?` and `\` are literal. */
function literal(c: string): string {
  if (c === '?' || c === '\\') return `\\${c}`;
  return c;
}

/** The pattern for `\c`: `\\`, `\"`, `\*` and `\|` escape; other backslashes are literal. */
function escaped(c: string): string {
  if (c === '\\') return '\\\\';
  if (c === '*') return '\\*';
  if (c === '"' || c === '|' || c === '=' || c === '`') return c;
  return `\\\\${literal(c)}`;
}
