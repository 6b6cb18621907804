// EQL's functions on values, as Elasticsearch documents them: a null argument gives null, `~`
// forms compare case-insensitively, string positions count from 0.

import { inCidr, parseCidr, parseIp } from './ip-address.js';
import { luceneRegex } from './lucene-regex.js';
import { writtenPattern } from './wildcard-match.js';

export type EqlScalar = string | number | boolean | null;

/** A function's result, or why it cannot be computed. */
export type EqlResult = EqlScalar | { unknown: string };

type EqlFunction = (args: EqlScalar[], insensitive: boolean) => EqlResult;

/** Functions by lower-case name; each checks its own arguments. */
export const EQL_FUNCTIONS: Record<string, EqlFunction> = {
  add: arithmetic((a, b) => a + b),
  subtract: arithmetic((a, b) => a - b),
  multiply: arithmetic((a, b) => a * b),
  divide: arithmetic((a, b) => {
    if (b === 0) return null;
    return Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(a / b) : a / b;
  }),
  modulo: arithmetic((a, b) => (b === 0 ? null : a % b)),
  between: (args, insensitive) => {
    const [source, left, right, greedy = false] = args;
    if (!isText(source) || !isText(left) || !isText(right)) return null;
    return between(source, left, right, greedy === true, insensitive);
  },
  cidrmatch: (args) => {
    const [address, ...blocks] = args;
    if (!isText(address) || blocks.some((block) => !isText(block))) return null;
    const ip = parseIp(address);
    if (ip === null) return false;
    return blocks.some((block) => {
      const parsed = parseCidr(block as string);
      return parsed !== null && inCidr(ip, parsed);
    });
  },
  concat: (args) => (args.some((arg) => arg === null) ? null : args.map(String).join('')),
  endswith: textTest((source, end) => source.endsWith(end)),
  startswith: textTest((source, start) => source.startsWith(start)),
  stringcontains: textTest((source, part) => part !== '' && source.includes(part)),
  indexof: (args, insensitive) => {
    const [source, part, start = 0] = args;
    if (!isText(source) || !isText(part) || typeof start !== 'number') return null;
    const from = Math.max(0, start);
    if (from > source.length) return null;
    const found = fold(source, insensitive).indexOf(fold(part, insensitive), from);
    return found < 0 ? null : found;
  },
  length: ([value]) => (isText(value) ? [...value].length : null),
  number: ([value, base = null]) => numberFrom(value, base),
  string: ([value]) => (value === null ? null : String(value)),
  substring: ([source, start, end]) => {
    if (!isText(source) || typeof start !== 'number') return null;
    if (end !== undefined && end !== null && typeof end !== 'number') return null;
    return slice(source, start, end ?? undefined);
  },
  wildcard: (args, insensitive) => {
    const [source, ...patterns] = args;
    if (!isText(source) || patterns.some((pattern) => !isText(pattern))) return null;
    return patterns.some((pattern) =>
      writtenPattern(pattern as string, { caseInsensitive: insensitive, escapes: false })
        .test(source),
    );
  },
  match: (args, insensitive) => {
    const [source, ...patterns] = args;
    if (!isText(source) || patterns.some((pattern) => !isText(pattern))) return null;
    for (const pattern of patterns) {
      const regex = luceneRegex(pattern as string, insensitive);
      if ('unsupported' in regex) return { unknown: regex.unsupported };
      if (regex.test(source)) return true;
    }
    return false;
  },
};

function arithmetic(apply: (a: number, b: number) => number | null): EqlFunction {
  return ([a, b]) => (typeof a === 'number' && typeof b === 'number' ? apply(a, b) : null);
}

function textTest(test: (source: string, part: string) => boolean): EqlFunction {
  return ([source, part], insensitive) => {
    if (!isText(source) || !isText(part)) return null;
    return test(fold(source, insensitive), fold(part, insensitive));
  };
}

/** The text between the first `left` and the next (or, greedy, the last) `right` after it. */
function between(
  source: string,
  left: string,
  right: string,
  greedy: boolean,
  insensitive: boolean,
): string {
  const folded = fold(source, insensitive);
  const [from, to] = [fold(left, insensitive), fold(right, insensitive)];
  const leftAt = folded.indexOf(from);
  if (leftAt < 0) return '';
  const start = leftAt + from.length;
  const rightAt = greedy ? folded.lastIndexOf(to) : folded.indexOf(to, start);
  if (rightAt < start) return '';
  return source.slice(start, rightAt);
}

/** Python-like slicing: negative positions count from the end. */
function slice(source: string, start: number, end: number | undefined): string {
  const chars = [...source];
  const at = (position: number) =>
    position < 0 ? Math.max(0, chars.length + position) : Math.min(position, chars.length);
  const from = at(start);
  const to = end === undefined ? chars.length : at(end);
  return from >= to ? '' : chars.slice(from, to).join('');
}

/** `"42"`, `" 4.5 "`, `"0x1f"` (hexadecimal), or digits in `base`. */
function numberFrom(value: EqlScalar, base: EqlScalar): EqlResult {
  if (typeof value === 'number') return value;
  if (!isText(value)) return null;
  const text = value.trim();
  const hex = /^[+-]?0x/i.test(text);
  const radix = typeof base === 'number' ? base : hex ? 16 : 10;
  if (!Number.isInteger(radix) || radix < 2 || radix > 36) return null;
  if (radix === 10 && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  const digits = hex ? text.replace(/0x/i, '') : text;
  const parsed = parseInt(digits, radix);
  if (Number.isNaN(parsed) || parsed.toString(radix) !== digits.replace(/^\+/, '').toLowerCase()) {
    return { unknown: `number("${value}") is not a number Elasticsearch reads` };
  }
  return parsed;
}

function isText(value: EqlScalar | undefined): value is string {
  return typeof value === 'string';
}

function fold(text: string, insensitive: boolean): string {
  return insensitive ? text.toLowerCase() : text;
}
