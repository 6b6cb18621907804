// Splits ES|QL text into tokens. Comments are skipped; strings are unescaped here.

import type { Span } from '../../ir/index.js';
import type { EsqlSyntaxError } from './esql-syntax.js';

export type EsqlPunctuation =
  | '|'
  | ','
  | '('
  | ')'
  | '{'
  | '}'
  | '['
  | ']'
  | '=='
  | '!='
  | '<='
  | '>='
  | '<'
  | '>'
  | '='
  | '::'
  | ':'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '.'
  | '?';

export type EsqlToken =
  | { kind: 'punctuation'; value: EsqlPunctuation; span: Span }
  /** A name: keyword, command, function or column; `quoted` when written in backticks. */
  | { kind: 'name'; value: string; quoted: boolean; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; span: Span };

/** Longest first, so that `==` is not read as two `=`. */
const PUNCTUATION: readonly EsqlPunctuation[] = [
  '==', '!=', '<=', '>=', '::', '|', ',', '(', ')', '{', '}', '[', ']', '<', '>', '=', ':', '+',
  '-', '*', '/', '%', '.', '?',
];

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', r: '\r', t: '\t' };

export type EsqlTokens = { ok: true; tokens: EsqlToken[] } | { ok: false; error: EsqlSyntaxError };

export function tokenizeEsql(text: string): EsqlTokens {
  const tokens: EsqlToken[] = [];
  let offset = 0;

  while (offset < text.length) {
    const char = text[offset];
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      offset++;
      continue;
    }
    if (text.startsWith('//', offset)) {
      const end = text.indexOf('\n', offset);
      offset = end === -1 ? text.length : end;
      continue;
    }
    if (text.startsWith('/*', offset)) {
      const end = text.indexOf('*/', offset + 2);
      if (end === -1) return failure('unterminated comment', offset, text.length);
      offset = end + 2;
      continue;
    }

    const token = readToken(text, offset);
    if ('message' in token) return { ok: false, error: token };
    tokens.push(token);
    offset = token.span.end;
  }
  return { ok: true, tokens };
}

function readToken(text: string, offset: number): EsqlToken | EsqlSyntaxError {
  const char = text[offset];
  if (text.startsWith('"""', offset)) return readTripleQuoted(text, offset);
  if (char === '"') return readString(text, offset);
  if (isDigit(char)) return readNumber(text, offset);
  if (isNameStart(char) || char === '`') return readName(text, offset);

  const punctuation = PUNCTUATION.find((candidate) => text.startsWith(candidate, offset));
  if (punctuation === undefined) {
    return { message: `unexpected character '${char}'`, span: { start: offset, end: offset + 1 } };
  }
  const span = { start: offset, end: offset + punctuation.length };
  return { kind: 'punctuation', value: punctuation, span };
}

/** `"…"` with backslash escapes; an unknown escape keeps its backslash. */
function readString(text: string, start: number): EsqlToken | EsqlSyntaxError {
  let value = '';
  let offset = start + 1;
  while (offset < text.length && text[offset] !== '"' && text[offset] !== '\n') {
    const next = text[offset + 1];
    if (text[offset] === '\\' && next !== undefined && Object.hasOwn(ESCAPES, next)) {
      value += ESCAPES[next];
      offset += 2;
      continue;
    }
    value += text[offset];
    offset++;
  }
  if (text[offset] !== '"') return { message: 'unterminated string', span: { start, end: offset } };
  return { kind: 'string', value, span: { start, end: offset + 1 } };
}

/** `"""…"""`: no escapes. */
function readTripleQuoted(text: string, start: number): EsqlToken | EsqlSyntaxError {
  const end = text.indexOf('"""', start + 3);
  if (end === -1) return { message: 'unterminated string', span: { start, end: text.length } };
  return { kind: 'string', value: text.slice(start + 3, end), span: { start, end: end + 3 } };
}

function readNumber(text: string, start: number): EsqlToken {
  let offset = start;
  while (isDigit(text[offset])) offset++;
  if (text[offset] === '.' && isDigit(text[offset + 1])) {
    offset++;
    while (isDigit(text[offset])) offset++;
  }
  if (text[offset] === 'e' || text[offset] === 'E') {
    const signed = text[offset + 1] === '-' || text[offset + 1] === '+';
    const digits = offset + (signed ? 2 : 1);
    if (isDigit(text[digits])) {
      offset = digits;
      while (isDigit(text[offset])) offset++;
    }
  }
  return { kind: 'number', value: Number(text.slice(start, offset)), span: { start, end: offset } };
}

/**
 * Names run over letters, digits, `_`, `@` and dots, with backticked segments in between:
 * `source.\`as\`.organization.name` is the column `source.as.organization.name`. In backticks a
 * doubled backtick stands for one.
 */
function readName(text: string, start: number): EsqlToken | EsqlSyntaxError {
  let value = '';
  let quoted = false;
  let offset = start;
  while (offset < text.length) {
    const char = text[offset];
    if (char === '`') {
      const segment = readQuotedSegment(text, offset);
      if (segment === null) {
        return { message: 'unterminated quoted name', span: { start: offset, end: text.length } };
      }
      value += segment.value;
      quoted = true;
      offset = segment.end;
    } else if (isNameStart(char) || isDigit(char) || isDotInName(text, offset)) {
      value += char;
      offset++;
    } else {
      break;
    }
  }
  return { kind: 'name', value, quoted, span: { start, end: offset } };
}

function readQuotedSegment(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let offset = start + 1;
  while (offset < text.length) {
    if (text[offset] === '`' && text[offset + 1] === '`') {
      value += '`';
      offset += 2;
    } else if (text[offset] === '`') {
      return { value, end: offset + 1 };
    } else {
      value += text[offset];
      offset++;
    }
  }
  return null;
}

/** A dot continues a name only when a name character or a backticked segment follows it. */
function isDotInName(text: string, offset: number): boolean {
  const next = text[offset + 1];
  return text[offset] === '.' && (isNameStart(next) || isDigit(next) || next === '`');
}

function failure(message: string, start: number, end: number): EsqlTokens {
  return { ok: false, error: { message, span: { start, end } } };
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isNameStart(char: string | undefined): boolean {
  if (char === undefined) return false;
  const isLetter = (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z');
  return isLetter || char === '_' || char === '@';
}
