// ES|QL's scalar functions on values, as the ES|QL reference describes them: a null argument
// gives null, and most functions give null for a multi-valued argument; conversions and `MV_`
// functions work on every value.

import { compileLinearRegex, isLinearRegex } from '../linear-regex.js';
import { numberOf } from './event-values.js';
import { inCidr, parseCidr, parseIp } from './ip-address.js';
import {
  listOfValue,
  orderOf,
  valueOfList,
  type Computed,
  type EsqlScalar,
  type EsqlValue,
} from './esql-values.js';

type EsqlFunction = (args: EsqlValue[]) => Computed;

/** Single-valued arguments only: a null or multi-valued one gives null. */
function scalar(fn: (...args: EsqlScalar[]) => Computed): EsqlFunction {
  return (args) => {
    if (args.some((arg) => arg === null || Array.isArray(arg))) return null;
    return fn(...(args as EsqlScalar[]));
  };
}

/** One argument, converted value by value; values that do not convert are dropped. */
function elementwise(convert: (value: EsqlScalar) => EsqlScalar | null): EsqlFunction {
  return ([value]) => {
    const converted = listOfValue(value ?? null).map(convert);
    return valueOfList(converted.filter((item): item is EsqlScalar => item !== null));
  };
}

/** The multi-valued list of the first argument, for the `MV_` functions. */
function multi(fn: (values: EsqlScalar[], ...rest: EsqlValue[]) => Computed): EsqlFunction {
  return ([value, ...rest]) => (value === null ? null : fn(listOfValue(value), ...rest));
}

const text = (value: EsqlScalar): string => String(value);
const chars = (value: EsqlScalar): string[] => [...String(value)];

// LIMITATION: TO_LOWER, TO_UPPER and the conversions take every value of a multi-valued
// argument, the other functions give null for it; ES|QL versions differ on which functions
// accept multi-valued input. Date, time, geo and hash functions are not evaluated (undecided).
export const ESQL_FUNCTIONS: Record<string, EsqlFunction> = {
  to_lower: elementwise((value) => (typeof value === 'string' ? value.toLowerCase() : null)),
  to_upper: elementwise((value) => (typeof value === 'string' ? value.toUpperCase() : null)),
  to_string: elementwise(text),
  to_integer: elementwise(toInteger),
  to_int: elementwise(toInteger),
  to_long: elementwise(toInteger),
  to_double: elementwise(toDouble),
  to_dbl: elementwise(toDouble),
  to_boolean: elementwise(toBoolean),
  to_bool: elementwise(toBoolean),
  to_ip: elementwise((value) => (parseIp(String(value)) === null ? null : String(value))),
  to_version: elementwise(text),
  length: scalar((value) => chars(value).length),
  trim: scalar((value) => text(value).trim()),
  ltrim: scalar((value) => text(value).trimStart()),
  rtrim: scalar((value) => text(value).trimEnd()),
  reverse: scalar((value) => chars(value).reverse().join('')),
  concat: scalar((...values) => values.map(text).join('')),
  starts_with: scalar((value, prefix) => text(value).startsWith(text(prefix))),
  ends_with: scalar((value, suffix) => text(value).endsWith(text(suffix))),
  contains: scalar((value, part) => text(value).includes(text(part))),
  locate: scalar((value, part, start = 1) => locate(text(value), text(part), Number(start))),
  substring: scalar((value, start, length) => substring(chars(value), Number(start), length)),
  left: scalar((value, count) => chars(value).slice(0, Math.max(0, Number(count))).join('')),
  right: scalar((value, count) => {
    const all = chars(value);
    return all.slice(Math.max(0, all.length - Number(count))).join('');
  }),
  repeat: scalar((value, count) => repeat(text(value), Number(count))),
  split: scalar((value, delimiter) => valueOfList(text(value).split(text(delimiter)))),
  replace: scalar((value, pattern, replacement) =>
    replace(text(value), text(pattern), text(replacement))),
  url_decode: scalar((value) => urlDecode(text(value))),
  abs: scalar((value) => mapNumber(value, Math.abs)),
  floor: scalar((value) => mapNumber(value, Math.floor)),
  ceil: scalar((value) => mapNumber(value, Math.ceil)),
  round: scalar((value, digits = 0) => {
    const scale = 10 ** Number(digits);
    // Half away from zero, as Java's HALF_UP rounding.
    const half = (number: number) =>
      (Math.sign(number) * Math.round(Math.abs(number) * scale)) / scale;
    return mapNumber(value, half);
  }),
  greatest: scalar((...values) => extreme(values, 1)),
  least: scalar((...values) => extreme(values, -1)),
  cidr_match: ([address, ...blocks]) => {
    if (address === null || Array.isArray(address)) return null;
    const ip = parseIp(String(address));
    if (ip === null) return null;
    return blocks.flatMap((block) => listOfValue(block)).some((block) => {
      const parsed = parseCidr(String(block));
      return parsed !== null && inCidr(ip, parsed);
    });
  },
  mv_count: multi((values) => values.length),
  mv_first: multi((values) => values[0]),
  mv_last: multi((values) => values[values.length - 1]),
  mv_min: multi((values) => extreme(values, -1)),
  mv_max: multi((values) => extreme(values, 1)),
  mv_sum: multi((values) => sum(values)),
  mv_avg: multi((values) => {
    const total = sum(values);
    return total === null ? null : total / values.length;
  }),
  mv_dedupe: multi((values) => valueOfList([...new Set(values)])),
  mv_sort: multi((values, order = 'ASC') => {
    const sorted = [...values].sort((a, b) => orderOf(a, b) ?? 0);
    return valueOfList(String(order).toUpperCase() === 'DESC' ? sorted.reverse() : sorted);
  }),
  mv_concat: multi((values, delimiter) =>
    delimiter === null || Array.isArray(delimiter) ? null : values.map(text).join(text(delimiter))),
  mv_slice: multi((values, start, end) => mvSlice(values, start, end ?? start)),
  mv_append: ([a, b]) => valueOfList([...listOfValue(a ?? null), ...listOfValue(b ?? null)]),
  mv_contains: ([superset, subset]) => {
    const wanted = listOfValue(subset ?? null);
    if (wanted.length === 0) return true;
    const held = listOfValue(superset ?? null);
    return wanted.every((item) => held.some((value) => orderOf(value, item) === 0));
  },
  mv_intersection: ([a, b]) => {
    const right = listOfValue(b ?? null);
    const both = listOfValue(a ?? null).filter((value) =>
      right.some((item) => orderOf(value, item) === 0));
    return valueOfList([...new Set(both)]);
  },
};

function toInteger(value: EsqlScalar): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  const number = numberOf(value);
  return number === null ? null : Math.trunc(number);
}

function toDouble(value: EsqlScalar): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return numberOf(value);
}

function toBoolean(value: EsqlScalar): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : null;
}

/** Results longer than this are not built: a rule could ask for gigabytes. */
const MAX_TEXT = 1_000_000;

function repeat(value: string, count: number): Computed {
  if (!Number.isSafeInteger(count) || count < 0) return null;
  if (value.length * count > MAX_TEXT) return { unknown: `REPEAT of ${count} is not computed` };
  return value.repeat(count);
}

/** 1-based position of `part` at or after `start`, 0 when absent. */
function locate(value: string, part: string, start: number): number {
  const found = value.indexOf(part, Math.max(0, start - 1));
  return found < 0 ? 0 : [...value.slice(0, found)].length + 1;
}

/** 1-based `start` (negative counts from the end) and an optional length. */
function substring(all: string[], start: number, length: EsqlScalar | undefined): string {
  const from = start < 0 ? Math.max(0, all.length + start) : Math.max(0, start - 1);
  const to = length === undefined ? all.length : from + Math.max(0, Number(length));
  return all.slice(from, to).join('');
}

/** 0-based, inclusive, negative positions from the end. */
function mvSlice(values: EsqlScalar[], start: EsqlValue, end: EsqlValue): EsqlValue {
  if (typeof start !== 'number' || typeof end !== 'number') return null;
  const at = (position: number) => (position < 0 ? values.length + position : position);
  return valueOfList(values.slice(Math.max(0, at(start)), at(end) + 1));
}

// LIMITATION: REPLACE takes a Java regular expression and runs it on RE2, which reads most of
// them alike; lookaround and backreferences leave the value unknown.
/** REPLACE with a regular expression, `$1` in the replacement standing for a group. */
function replace(value: string, pattern: string, replacement: string): Computed {
  const regex = compileLinearRegex(pattern);
  if (!isLinearRegex(regex)) return { unknown: `REPLACE pattern ${pattern}: ${regex.unsupported}` };
  if (regex.replaceAll === undefined) return { unknown: 'REPLACE is not computed' };
  return regex.replaceAll(value, replacement);
}

/** `%41` is `A` and `+` a space, as Java's URL decoder reads them; malformed text gives null. */
function urlDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function mapNumber(value: EsqlScalar, fn: (number: number) => number): number | null {
  const number = typeof value === 'number' ? value : numberOf(value);
  return number === null ? null : fn(number);
}

/** The greatest (`direction` 1) or least (-1) value. */
function extreme(values: EsqlScalar[], direction: number): EsqlScalar | null {
  let best: EsqlScalar | null = null;
  for (const value of values) {
    if (best === null || (orderOf(value, best) ?? 0) * direction > 0) best = value;
  }
  return best;
}

function sum(values: EsqlScalar[]): number | null {
  let total = 0;
  for (const value of values) {
    const number = numberOf(value);
    if (number === null) return null;
    total += number;
  }
  return total;
}
