// Splits EQL text into tokens. Comments are skipped; strings are unescaped here.

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
import type { EqlSyntaxError } from './eql-syntax.js';

export type EqlPunctuation =
  | '=='
  | '!='
  | '<='
  | '>='
  | '<'
  | '>'
  | ':'
  | '='
  | '('
  | ')'
  | '['
  | ']'
  | '!['
  | ','
  | '|'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '?';

export type EqlToken =
  | { kind: 'punctuation'; value: EqlPunctuation; span: Span }
  /**
   * A name: keyword, function, category or dotted field path; may end in `~`. Path segments in
   * backticks may hold any character; `quoted` says some did, so the name is never a keyword.
   */
  | { kind: 'name'; value: string; quoted: boolean; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; text: string; span: Span };

/** Longest first, so that `==` is not read as two `=`. */
const PUNCTUATION: readonly EqlPunctuation[] = [
  '==', '!=', '<=', '>=', '![', '<', '>', ':', '=', '(', ')', '[', ']', ',', '|', '+', '-', '*',
  '/', '%', '?',
];

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  "'": "'",
  n: '\n',
  r: '\r',
  t: '\t',
};

const HEX = '0123456789abcdefABCDEF';

export type EqlTokens = Scanned<EqlToken>;

export function tokenizeEql(text: string): EqlTokens {
  return scanTokens(text, readToken);
}

function readToken(text: string, offset: number): EqlToken | EqlSyntaxError {
  const char = text[offset];
  if (text.startsWith('"""', offset)) return readTripleQuoted(text, offset);
  if (char === '?' && (text[offset + 1] === '"' || text[offset + 1] === "'")) {
    return readRawString(text, offset);
  }
  if (char === '"' || char === "'") return readString(text, offset);
  if (isDigit(char)) return readNumber(text, offset);
  if (isNameStart(char) || char === '`') return readName(text, offset);

  return readPunctuation(text, offset, PUNCTUATION);
}

/** `"…"` or `'…'` with backslash escapes (`\\`, `\"`, `\'`, `\n`, `\r`, `\t`, `\u{…}`). */
function readString(text: string, start: number): EqlToken | EqlSyntaxError {
  const quote = text[start];
  let value = '';
  let offset = start + 1;
  while (offset < text.length && text[offset] !== quote) {
    if (text[offset] === '\n') break;
    if (text[offset] !== '\\') {
      value += text[offset];
      offset++;
      continue;
    }
    const escape = escapeAt(text, offset);
    if (escape === null) {
      const span = { start: offset, end: offset + 2 };
      return { message: 'invalid escape sequence in string', span };
    }
    value += escape.text;
    offset += escape.length;
  }
  if (text[offset] !== quote) {
    return { message: 'unterminated string', span: { start, end: offset } };
  }
  return { kind: 'string', value, span: { start, end: offset + 1 } };
}

/** `?"…"` and `?'…'`: backslashes are literal. */
function readRawString(text: string, start: number): EqlToken | EqlSyntaxError {
  const quote = text[start + 1];
  const end = text.indexOf(quote, start + 2);
  if (end === -1) return { message: 'unterminated string', span: { start, end: text.length } };
  return { kind: 'string', value: text.slice(start + 2, end), span: { start, end: end + 1 } };
}

function readNumber(text: string, start: number): EqlToken {
  const offset = decimalEnd(text, start);
  const numberText = text.slice(start, offset);
  const span = { start, end: offset };
  return { kind: 'number', value: Number(numberText), text: numberText, span };
}

/**
 * Names run over letters, digits, `_`, `@` and `.`, with backticked segments in between
 * (`a.\`0\`.b` is the path `a.0.b`); a trailing `~` marks case-insensitivity.
 */
function readName(text: string, start: number): EqlToken | EqlSyntaxError {
  let value = '';
  let quoted = false;
  let offset = start;
  while (offset < text.length) {
    const char = text[offset];
    if (char === '`') {
      const close = text.indexOf('`', offset + 1);
      if (close === -1) {
        return { message: 'unterminated quoted name', span: { start: offset, end: text.length } };
      }
      value += text.slice(offset + 1, close);
      quoted = true;
      offset = close + 1;
    } else if (isNameStart(char) || isDigit(char) || char === '.') {
      value += char;
      offset++;
    } else {
      break;
    }
  }
  if (text[offset] === '~' && !quoted) {
    value += '~';
    offset++;
  }
  return { kind: 'name', value, quoted, span: { start, end: offset } };
}

function escapeAt(text: string, offset: number): { text: string; length: number } | null {
  const next = text[offset + 1];
  if (next !== undefined && Object.hasOwn(SIMPLE_ESCAPES, next)) {
    return { text: SIMPLE_ESCAPES[next], length: 2 };
  }
  if (next !== 'u' || text[offset + 2] !== '{') return null;

  const close = text.indexOf('}', offset + 3);
  const hex = close === -1 ? '' : text.slice(offset + 3, close);
  const isHex =
    hex.length >= 2 && hex.length <= 8 && [...hex].every((digit) => HEX.includes(digit));
  const codePoint = isHex ? parseInt(hex, 16) : Number.NaN;
  if (Number.isNaN(codePoint) || codePoint > 0x10ffff) return null;
  return { text: String.fromCodePoint(codePoint), length: close + 1 - offset };
}
