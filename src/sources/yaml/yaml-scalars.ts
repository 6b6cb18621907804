// The values of the scalars the block YAML reader accepts, as the yaml library composes them:
// plain scalars resolved by the YAML 1.2 core schema, quoted scalars, line folding.

import { isScalar, Schema, type ScalarTag } from 'yaml';

/** A scalar the reader does not take on (it leaves the whole file to the yaml library). */
export class OutsideSubset {
  constructor(readonly reason: string) {}
}

/** The core schema's tags found by test: `0x1F`, `.inf` or `~` resolve by the library's rules. */
const TESTED_TAGS = new Schema({ schema: 'core' }).tags.filter(
  (tag): tag is ScalarTag & { test: RegExp } => {
    return tag.default === true && !tag.collection && tag.test !== undefined;
  },
);

/** First characters of the plain scalars any core-schema tag other than `str` can match. */
const NON_STRING_STARTS = new Set('~nNtTfF0123456789+-.');

const RESOLVE_OPTIONS = { intAsBigInt: false };

/**
 * The value of a plain scalar's text: null, a boolean, a number or the text itself. Numbers
 * JavaScript cannot hold as written stay text when `numbersAsWritten` (Sigma keeps them so).
 */
export function plainValue(text: string, numbersAsWritten: boolean): unknown {
  if (text !== '' && !NON_STRING_STARTS.has(text[0])) return text;
  const tag = TESTED_TAGS.find((candidate) => candidate.test.test(text));
  if (tag === undefined) return text;
  const resolved = tag.resolve(text, (message) => {
    throw new OutsideSubset(message);
  }, RESOLVE_OPTIONS);
  // Some tags resolve to a scalar node (null, booleans), others to the value itself.
  const value = isScalar(resolved) ? resolved.value : resolved;
  if (typeof value === 'number' && numbersAsWritten && !isExactNumber(value)) return text;
  return value;
}

/** Whether a plain text is read as a string (keys must be, to be compared as the library does). */
export function isStringScalar(text: string): boolean {
  return typeof plainValue(text, false) === 'string';
}

/**
 * Whether a number holds the value written: `.inf`, `.nan`, `1e400` and integers past 2^53
 * do not (read as numbers they become Infinity, null in JSON, or lose digits).
 */
export function isExactNumber(value: number): boolean {
  return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value));
}

/**
 * Folds the lines of a multi-line flow scalar (plain or the inside of single quotes): a line
 * break between two lines becomes a space, n empty lines become n line feeds; the first line
 * loses its trailing spaces, the last its leading ones, the others both.
 */
export function foldLines(source: string): string {
  if (!source.includes('\n')) return source;
  const lines = source.split('\n');
  let folded = lines[0].trimEnd();
  let separator = ' ';
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i].trim();
    if (line !== '') {
      folded += separator + line;
      separator = ' ';
    } else if (separator === '\n') {
      folded += '\n';
    } else {
      separator = '\n';
    }
  }
  return folded + separator + lines[lines.length - 1].trimStart();
}

/** The text of a single-quoted scalar, without its quotes (`''` is one quote). */
export function singleQuotedValue(inside: string): string {
  const folded = foldLines(inside);
  return folded.includes("''") ? folded.split("''").join("'") : folded;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** The text of a one-line double-quoted scalar, without its quotes, escapes resolved. */
export function doubleQuotedValue(inside: string): string {
  if (!inside.includes('\\')) return inside;
  let value = '';
  for (let i = 0; i < inside.length; i++) {
    const ch = inside[i];
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const escape = inside[++i];
    const simple = ESCAPES[escape];
    if (simple !== undefined) {
      value += simple;
      continue;
    }
    const digits = HEX_DIGITS[escape];
    if (digits === undefined) throw new OutsideSubset(`escape \\${escape}`);
    const hex = inside.slice(i + 1, i + 1 + digits);
    if (hex.length !== digits || !isHex(hex)) throw new OutsideSubset(`escape \\${escape}${hex}`);
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw new OutsideSubset(`escape \\${escape}${hex}`);
    value += String.fromCodePoint(code);
    i += digits;
  }
  return value;
}

function isHex(text: string): boolean {
  for (const ch of text) {
    const lower = ch.toLowerCase();
    if (!((lower >= '0' && lower <= '9') || (lower >= 'a' && lower <= 'f'))) return false;
  }
  return true;
}
