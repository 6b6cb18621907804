// Eval functions on texts and numbers: len, lower, upper, trim, substr, replace, split,
// urldecode, tonumber, tostring, arithmetic helpers and hashes.

import { createHash } from 'node:crypto';
import { isLinearRegex } from '../linear-regex.js';
import { isUnknown, numberOf, textOf, type FieldScalar } from './field-value.js';
import { eager, multivalue, type EvalFunction } from './function-scope.js';
import { compareItems, numberValue, textValue, type EvalValue } from './eval-value.js';
import { unsupportedReason } from './rule-regexes.js';

/** Applies `change` to each text of a value (each value of a multivalue field). */
function eachText(value: EvalValue, change: (text: string) => string): EvalValue {
  if (value === null || isUnknown(value) || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item) => change(textOf(item)));
  return change(textOf(value));
}

function numeric(change: (x: number, y: number | null) => number): EvalFunction {
  return eager(1, 2, ([first, second]) => {
    const x = numberValue(first);
    const y = second === undefined ? null : numberValue(second);
    if (x === null || isUnknown(x) || isUnknown(y)) return x;
    const result = change(x, y);
    return Number.isFinite(result) ? result : null;
  });
}

export const TEXT_FUNCTIONS: Record<string, EvalFunction> = {
  len: eager(1, 1, ([value]) => {
    const text = textValue(value);
    return text === null || isUnknown(text) ? text : [...text].length;
  }),
  lower: eager(1, 1, ([value]) => eachText(value, (text) => text.toLowerCase())),
  upper: eager(1, 1, ([value]) => eachText(value, (text) => text.toUpperCase())),
  trim: trimming(true, true),
  ltrim: trimming(true, false),
  rtrim: trimming(false, true),
  substr: eager(2, 3, ([value, start, length]) => {
    const text = textValue(value);
    const from = numberValue(start);
    const count = length === undefined ? null : numberValue(length);
    if (text === null || isUnknown(text)) return text;
    if (from === null || isUnknown(from) || isUnknown(count)) return from;
    const chars = [...text];
    const first = from > 0 ? from - 1 : from < 0 ? Math.max(chars.length + from, 0) : 0;
    const end = count === null ? chars.length : first + Math.max(count, 0);
    return chars.slice(first, end).join('');
  }),
  replace: eager(3, 3, ([value, pattern, replacement], scope) => {
    const re = textValue(pattern);
    const by = textValue(replacement);
    if (re === null || isUnknown(re) || by === null || isUnknown(by)) return null;
    const regex = scope.regex(re);
    if (!isLinearRegex(regex)) return { unknown: unsupportedReason(re, regex) };
    const replaceAll = regex.replaceAll?.bind(regex);
    if (!replaceAll) return { unknown: 'the regex engine offers no replacement' };
    return eachText(value, (text) => replaceAll(text, groupReferences(by)));
  }),
  split: eager(2, 2, ([value, delimiter]) => {
    const text = textValue(value);
    const by = textValue(delimiter);
    if (text === null || isUnknown(text)) return text;
    if (by === null || isUnknown(by)) return by;
    return multivalue(by === '' ? [...text] : text.split(by));
  }),
  urldecode: eager(1, 1, ([value]) => eachText(value, urlDecoded)),
  tonumber: eager(1, 2, ([value, base]) => {
    const radix = base === undefined ? 10 : numberValue(base);
    if (value === null || isUnknown(value) || typeof value === 'boolean') return null;
    if (radix === null || isUnknown(radix) || Array.isArray(value)) return null;
    if (typeof value === 'number') return value;
    return radix === 10 ? numberOf(value.trim()) : integerIn(value.trim(), radix);
  }),
  tostring: eager(1, 2, ([value, format]) => {
    if (format !== undefined) return { unknown: 'tostring() with a format is not modelled' };
    if (typeof value === 'boolean') return String(value);
    return eachText(value, (text) => text);
  }),
  abs: numeric(Math.abs),
  floor: numeric(Math.floor),
  ceil: numeric(Math.ceil),
  ceiling: numeric(Math.ceil),
  sqrt: numeric(Math.sqrt),
  exp: numeric(Math.exp),
  ln: numeric(Math.log),
  log: numeric((x, base) => Math.log(x) / Math.log(base ?? 10)),
  pow: numeric((x, y) => (y === null ? NaN : x ** y)),
  round: numeric((x, digits) => {
    const scale = 10 ** (digits ?? 0);
    return Math.round(x * scale) / scale;
  }),
  pi: eager(0, 0, () => Math.PI),
  min: eager(1, Infinity, (values) => extreme(values, -1)),
  max: eager(1, Infinity, (values) => extreme(values, 1)),
  md5: hashing('md5'),
  sha1: hashing('sha1'),
  sha256: hashing('sha256'),
  sha512: hashing('sha512'),
};

function trimming(start: boolean, end: boolean): EvalFunction {
  return eager(1, 2, ([value, characters]) => {
    const set = characters === undefined ? ' \t' : textValue(characters);
    if (set === null || isUnknown(set)) return set;
    return eachText(value, (text) => {
      let from = 0;
      let to = text.length;
      while (start && from < to && set.includes(text[from])) from += 1;
      while (end && to > from && set.includes(text[to - 1])) to -= 1;
      return text.slice(from, to);
    });
  });
}

function hashing(algorithm: string): EvalFunction {
  return eager(1, 1, ([value]) => eachText(
    value,
    (text) => createHash(algorithm).update(text, 'utf8').digest('hex'),
  ));
}

/** The least (`sign` -1) or greatest (+1) value; numbers compare as numbers. */
function extreme(values: EvalValue[], sign: number): EvalValue {
  let best: FieldScalar | null = null;
  for (const value of values) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item === null || typeof item === 'boolean' || isUnknown(item)) continue;
      if (best === null || (compareItems(item, best) ?? 0) * sign > 0) best = item;
    }
  }
  return best;
}

/** Splunk writes group references `\1`; RE2's replacement writes them `$1`. */
function groupReferences(replacement: string): string {
  let out = '';
  for (let i = 0; i < replacement.length; i += 1) {
    const c = replacement[i];
    const next = replacement[i + 1];
    if (c === '\\' && next !== undefined && next >= '0' && next <= '9') {
      out += `$${next}`;
      i += 1;
    } else if (c === '\\' && next === '\\') {
      out += '\\';
      i += 1;
    } else out += c === '$' ? '$$' : c;
  }
  return out;
}

/** `%xx` escapes decoded as UTF-8 bytes; anything else kept as written. */
function urlDecoded(text: string): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length; i += 1) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && hex.length === 2 && integerIn(hex, 16) !== null) {
      bytes.push(parseInt(hex, 16));
      i += 2;
      continue;
    }
    const codePoint = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(codePoint);
    bytes.push(...encoder.encode(char));
    i += char.length - 1;
  }
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
}

/** An integer written in base `radix` (2–36), or null when a digit does not belong. */
function integerIn(text: string, radix: number): number | null {
  if (!Number.isInteger(radix) || radix < 2 || radix > 36 || text === '') return null;
  const digits = text.toLowerCase().startsWith('0x') && radix === 16 ? text.slice(2) : text;
  for (const c of digits.toLowerCase()) {
    const digit = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 87;
    if (digit < 0 || digit >= radix || (c > '9' && c < 'a')) return null;
  }
  return digits === '' ? null : parseInt(digits, radix);
}
