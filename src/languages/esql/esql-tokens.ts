// Splits ES|QL text into tokens. Comments are skipped; strings are unescaped here.

import type { Span } from '../../ir/index.js';
import {
  decimalEnd,
  isDigit,
  isNameStart,
  readPunctuation,
  readTripleQuoted,
  scanTokens,
  type Scanned,
} from '../text-scanner.js';
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

export type EsqlTokens = Scanned<EsqlToken>;

export function tokenizeEsql(text: string): EsqlTokens {
  return scanTokens(text, readToken);
}

function readToken(text: string, offset: number): EsqlToken | EsqlSyntaxError {
  const char = text[offset];
  if (text.startsWith('"""', offset)) return readTripleQuoted(text, offset);
  if (char === '"') return readString(text, offset);
  if (isDigit(char)) return readNumber(text, offset);
  if (isNameStart(char) || char === '`') return readName(text, offset);

  return readPunctuation(text, offset, PUNCTUATION);
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

function readNumber(text: string, start: number): EsqlToken {
  let offset = decimalEnd(text, start);
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
