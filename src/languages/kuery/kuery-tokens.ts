// Splits KQL text into tokens: punctuation, keywords, quoted phrases and unquoted words.

import type { Span } from '../../ir/index.js';
import type { KuerySyntaxError, ValuePart } from './kuery-syntax.js';

export type KueryPunctuation = ':' | '(' | ')' | '{' | '}' | '<' | '<=' | '>' | '>=';
export type KueryKeyword = 'and' | 'or' | 'not';

export type KueryToken =
  | { kind: 'punctuation'; value: KueryPunctuation; span: Span }
  | { kind: 'keyword'; value: KueryKeyword; span: Span }
  /** An unquoted word; `*` in it is a wildcard unless escaped. */
  | { kind: 'word'; parts: ValuePart[]; span: Span }
  | { kind: 'quoted'; text: string; span: Span };

/** Characters that end an unquoted word (`*` is a wildcard); a backslash makes them literal. */
const SPECIAL = new Set(['\\', '(', ')', ':', '<', '>', '"', '{', '}']);
const KEYWORDS: readonly KueryKeyword[] = ['and', 'or', 'not'];
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);
const ESCAPED_WHITESPACE: Record<string, string> = { t: '\t', r: '\r', n: '\n' };
const HEX_DIGITS = '0123456789abcdefABCDEF';

export type KueryTokens =
  | { ok: true; tokens: KueryToken[] }
  | { ok: false; error: KuerySyntaxError };

export function tokenizeKuery(text: string): KueryTokens {
  const tokens: KueryToken[] = [];
  let offset = 0;

  while (offset < text.length) {
    const char = text[offset];
    if (WHITESPACE.has(char)) {
      offset++;
      continue;
    }

    const punctuation = punctuationAt(text, offset);
    if (punctuation !== null) {
      const end = offset + punctuation.length;
      tokens.push({ kind: 'punctuation', value: punctuation, span: { start: offset, end } });
      offset = end;
      continue;
    }

    const token = char === '"' ? readQuoted(text, offset) : readWord(text, offset);
    if ('message' in token) return { ok: false, error: token };
    tokens.push(token);
    offset = token.span.end;
  }
  return { ok: true, tokens };
}

function punctuationAt(text: string, offset: number): KueryPunctuation | null {
  const char = text[offset];
  if (char === '<' || char === '>') return text[offset + 1] === '=' ? `${char}=` : char;
  if (char === ':' || char === '(' || char === ')' || char === '{' || char === '}') return char;
  return null;
}

/**
 * A quoted phrase. `\"` and `\\` are escapes, `\t` `\r` `\n` whitespace, `\uXXXX` a code unit;
 * any other backslash stays in the value as written.
 */
function readQuoted(text: string, start: number): KueryToken | KuerySyntaxError {
  let value = '';
  let offset = start + 1;
  while (offset < text.length) {
    const char = text[offset];
    if (char === '"') {
      return { kind: 'quoted', text: value, span: { start, end: offset + 1 } };
    }
    const escape = char === '\\' ? escapeAt(text, offset) : null;
    const honoured = escape !== null && (escape.kind !== 'special' || '"\\'.includes(escape.text));
    if (honoured && escape.kind !== 'keyword') {
      value += escape.text;
      offset += escape.length;
      continue;
    }
    value += char;
    offset++;
  }
  return { message: 'unterminated quoted phrase', span: { start, end: text.length } };
}

/** An unquoted word up to whitespace or a special character; keywords are whole words. */
function readWord(text: string, start: number): KueryToken | KuerySyntaxError {
  const parts: ValuePart[] = [];
  let literal = '';
  let escaped = false;
  let offset = start;

  while (offset < text.length) {
    const char = text[offset];
    if (WHITESPACE.has(char)) break;
    if (char === '\\') {
      const escape = escapeAt(text, offset);
      if (escape === null) {
        return { message: 'invalid escape sequence', span: { start: offset, end: offset + 2 } };
      }
      literal += escape.text;
      escaped = true;
      offset += escape.length;
      continue;
    }
    if (SPECIAL.has(char)) break;
    if (char === '*') {
      if (literal !== '') parts.push({ kind: 'text', text: literal });
      literal = '';
      parts.push({ kind: 'wildcard' });
    } else {
      literal += char;
    }
    offset++;
  }
  if (literal !== '') parts.push({ kind: 'text', text: literal });

  const span = { start, end: offset };
  const keyword = KEYWORDS.find((word) => word === text.slice(start, offset).toLowerCase());
  if (!escaped && keyword !== undefined) return { kind: 'keyword', value: keyword, span };
  return { kind: 'word', parts, span };
}

interface Escape {
  kind: 'whitespace' | 'unicode' | 'special' | 'keyword';
  text: string;
  /** Characters the escape takes in the query, backslash included. */
  length: number;
}

/** The escape sequence starting with the backslash at `offset`, or null when it is not one. */
function escapeAt(text: string, offset: number): Escape | null {
  const next = text[offset + 1];
  if (next === undefined) return null;
  if (Object.hasOwn(ESCAPED_WHITESPACE, next)) {
    return { kind: 'whitespace', text: ESCAPED_WHITESPACE[next], length: 2 };
  }
  if (next === 'u') {
    const hex = text.slice(offset + 2, offset + 6);
    const isHex = hex.length === 4 && [...hex].every((digit) => HEX_DIGITS.includes(digit));
    if (!isHex) return null;
    return { kind: 'unicode', text: String.fromCharCode(parseInt(hex, 16)), length: 6 };
  }
  if (SPECIAL.has(next) || next === '*') return { kind: 'special', text: next, length: 2 };

  for (const keyword of KEYWORDS) {
    const candidate = text.slice(offset + 1, offset + 1 + keyword.length);
    if (candidate.toLowerCase() === keyword) {
      return { kind: 'keyword', text: candidate, length: 1 + keyword.length };
    }
  }
  return null;
}
