// What the EQL and ES|QL tokenizers read alike: spaces and `//`, `/* */` comments between
// tokens, `"""…"""` strings, longest-first punctuation, decimal digits and name characters.

import type { Span } from '../ir/index.js';

/** Where the text stops being readable as tokens, and why. */
export interface ScanError {
  message: string;
  span: Span;
}

export type Scanned<Token> = { ok: true; tokens: Token[] } | { ok: false; error: ScanError };

/** Reads the one token starting at `offset`, or says why none starts there. */
export type TokenReader<Token> = (text: string, offset: number) => Token | ScanError;

/** Every token of `text`, read by `readToken` and separated by spaces and comments. */
export function scanTokens<Token extends { span: Span }>(
  text: string,
  readToken: TokenReader<Token>,
): Scanned<Token> {
  const tokens: Token[] = [];
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
      if (end === -1) {
        const span = { start: offset, end: text.length };
        return { ok: false, error: { message: 'unterminated comment', span } };
      }
      offset = end + 2;
      continue;
    }

    const token = readToken(text, offset);
    if (isScanError(token)) return { ok: false, error: token };
    tokens.push(token);
    offset = token.span.end;
  }
  return { ok: true, tokens };
}

/** `"""…"""`: no escapes at all. */
export function readTripleQuoted(
  text: string,
  start: number,
): { kind: 'string'; value: string; span: Span } | ScanError {
  const end = text.indexOf('"""', start + 3);
  if (end === -1) return { message: 'unterminated string', span: { start, end: text.length } };
  return { kind: 'string', value: text.slice(start + 3, end), span: { start, end: end + 3 } };
}

/** The first of `punctuation` (longest first) written at `offset`. */
export function readPunctuation<Value extends string>(
  text: string,
  offset: number,
  punctuation: readonly Value[],
): { kind: 'punctuation'; value: Value; span: Span } | ScanError {
  const value = punctuation.find((candidate) => text.startsWith(candidate, offset));
  if (value === undefined) {
    const span = { start: offset, end: offset + 1 };
    return { message: `unexpected character '${text[offset]}'`, span };
  }
  return { kind: 'punctuation', value, span: { start: offset, end: offset + value.length } };
}

/** Offset past the digits at `start` and a fraction after them (`12`, `1.5`, not `1.`). */
export function decimalEnd(text: string, start: number): number {
  let offset = start;
  while (isDigit(text[offset])) offset++;
  if (text[offset] === '.' && isDigit(text[offset + 1])) {
    offset++;
    while (isDigit(text[offset])) offset++;
  }
  return offset;
}

export function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** Letters, `_` and `@` start a name; digits may only continue one. */
export function isNameStart(char: string | undefined): boolean {
  if (char === undefined) return false;
  const isLetter = (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z');
  return isLetter || char === '_' || char === '@';
}

function isScanError<Token>(read: Token | ScanError): read is ScanError {
  return typeof read === 'object' && read !== null && 'message' in read;
}
