// Tokens of eval expressions (`eval`, `where`, `stats … eval(…)`): numbers, "strings",
// fields (bare or 'single-quoted'), operators, keywords, parentheses, commas, macro calls.

import type { Span } from '../../ir/index.js';
import { readMacroCall } from './macro-call.js';
import { closingBracket, macroEnd, quotedEnd, skipBlank } from './scanner.js';
import type { MacroCall, ParseIssue } from './syntax.js';

export type EvalToken =
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'name'; name: string; quoted: boolean; span: Span }
  | { kind: 'operator'; operator: string; span: Span }
  | { kind: 'lparen' | 'rparen' | 'comma'; span: Span }
  | { kind: 'subsearch'; inner: Span; span: Span }
  | { kind: 'macro'; call: MacroCall | null; span: Span };

const OPERATORS = ['==', '!=', '<=', '>=', '=', '<', '>', '+', '-', '*', '/', '%', '.'];

export function lexEval(
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
): EvalToken[] {
  const tokens: EvalToken[] = [];
  let i = start;
  while (i < end) {
    i = skipBlank(text, i, end);
    if (i >= end) break;
    const token = lexOne(text, i, end, issues);
    tokens.push(token);
    i = token.span.end;
  }
  return tokens;
}

function lexOne(text: string, i: number, end: number, issues: ParseIssue[]): EvalToken {
  const c = text[i];
  if (c === '(') return { kind: 'lparen', span: { start: i, end: i + 1 } };
  if (c === ')') return { kind: 'rparen', span: { start: i, end: i + 1 } };
  if (c === ',') return { kind: 'comma', span: { start: i, end: i + 1 } };
  if (c === '"' || c === "'") {
    const { end: close, closed } = quotedEnd(text, i, c);
    const stop = Math.min(close, end);
    if (!closed) issues.push({
      message: 'quoted text is not closed',
      span: { start: i, end: stop },
    });
    const value = unescape(text.slice(i + 1, closed ? stop - 1 : stop));
    const span = { start: i, end: stop };
    return c === '"'
      ? { kind: 'string', value, span }
      : { kind: 'name', name: value, quoted: true, span };
  }
  if (c === '[') {
    const close = closingBracket(text, i);
    if (close < 0 || close >= end) {
      issues.push({ message: 'subsearch `[` is not closed', span: { start: i, end } });
      return { kind: 'subsearch', inner: { start: i + 1, end }, span: { start: i, end } };
    }
    return {
      kind: 'subsearch',
      inner: { start: i + 1, end: close },
      span: { start: i, end: close + 1 },
    };
  }
  if (c === '`') {
    const close = macroEnd(text, i);
    if (close > 0 && close <= end) {
      const span = { start: i, end: close };
      return { kind: 'macro', call: readMacroCall(text, span), span };
    }
  }
  if (isDigit(c) || (c === '.' && isDigit(text[i + 1]))) return lexNumber(text, i, end);
  if (isNameStart(c) || templateEnd(text, i, end) > 0) return lexName(text, i, end);
  for (const operator of OPERATORS) {
    if (text.startsWith(operator, i) && i + operator.length <= end) {
      return { kind: 'operator', operator, span: { start: i, end: i + operator.length } };
    }
  }
  issues.push({ message: `unexpected character \`${c}\``, span: { start: i, end: i + 1 } });
  return { kind: 'operator', operator: c, span: { start: i, end: i + 1 } };
}

function lexNumber(text: string, start: number, end: number): EvalToken {
  let i = start;
  while (i < end && (isDigit(text[i]) || text[i] === '.')) i += 1;
  if (i < end && (text[i] === 'e' || text[i] === 'E') && isDigit(text[i + 1])) {
    i += 1;
    while (i < end && isDigit(text[i])) i += 1;
  }
  if (i < end && isNameStart(text[i])) return lexName(text, start, end);
  return { kind: 'number', value: Number(text.slice(start, i)), span: { start, end: i } };
}

/**
 * A bare field or function name. A `.` joined on both sides to name characters belongs to
 * the name (`Processes.process_name`); with a space around it, it concatenates.
 */
function lexName(text: string, start: number, end: number): EvalToken {
  let i = start;
  while (i < end) {
    const c = text[i];
    const template = templateEnd(text, i, end);
    if (template > 0) i = template;
    else if (isNameChar(c)) i += 1;
    else if (c === '.' && isNameChar(text[i + 1]) && i + 1 < end) i += 1;
    else break;
  }
  return { kind: 'name', name: text.slice(start, i), quoted: false, span: { start, end: i } };
}

/**
 * The end of a `foreach` template token at `start` (`<<FIELD>>`, `<<MATCHSTR>>`), which stands
 * for a field name; -1 when there is none.
 */
function templateEnd(text: string, start: number, end: number): number {
  if (!text.startsWith('<<', start)) return -1;
  let i = start + 2;
  while (i < end && isTemplateChar(text[i])) i += 1;
  if (i === start + 2 || !text.startsWith('>>', i) || i + 2 > end) return -1;
  return i + 2;
}

function isTemplateChar(c: string): boolean {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_' || (c >= '0' && c <= '9');
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isNameStart(c: string | undefined): boolean {
  if (c === undefined) return false;
  const letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return letter || c === '_' || c === '$' || c === '@' || c === '{';
}

function isNameChar(c: string | undefined): boolean {
  return isNameStart(c) || isDigit(c) || c === '{' || c === '}' || c === ':';
}

function unescape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '\\' && i + 1 < text.length) {
      const next = text[i + 1];
      out += next === '"' || next === "'" || next === '\\' ? next : `\\${next}`;
      i += 1;
    } else out += text[i];
  }
  return out;
}
