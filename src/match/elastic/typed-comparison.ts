// Compares an event value with a value from a query the way the field's mapping does: numbers as
// numbers, addresses as addresses, keywords as exact text.

import type { FieldFamily } from '../../lower/elastic/field-types.js';
import { compareIp, parseIp, sameIp } from './ip-address.js';
import {
  booleanOf,
  dateOf,
  keywordText,
  numberOf,
  type EventScalar,
} from './event-values.js';

/** Whether `actual` equals `expected` under the mapping; `caseInsensitive` folds keyword text. */
export function equalsTyped(
  actual: EventScalar,
  expected: EventScalar,
  type: FieldFamily,
  caseInsensitive: boolean,
): boolean {
  switch (type) {
    case 'number': {
      const [a, b] = [numberOf(actual), numberOf(expected)];
      return a !== null && a === b;
    }
    case 'boolean': {
      const a = booleanOf(actual);
      return a !== null && a === booleanOf(expected);
    }
    case 'ip': {
      const [a, b] = [parseIp(keywordText(actual)), parseIp(keywordText(expected))];
      return a !== null && b !== null && sameIp(a, b);
    }
    case 'date': {
      const [a, b] = [dateOf(actual), dateOf(expected)];
      return a !== null && a === b;
    }
    case 'caseless':
      return sameText(actual, expected, true);
    default:
      return sameText(actual, expected, caseInsensitive);
  }
}

/**
 * How `actual` orders against `expected` (negative, zero, positive) under the mapping; null when
 * either is not a value of the field's type. Keywords order by character codes.
 */
export function compareTyped(
  actual: EventScalar,
  expected: EventScalar,
  type: FieldFamily,
): number | null {
  switch (type) {
    case 'number':
      return difference(numberOf(actual), numberOf(expected));
    case 'date':
      return difference(dateOf(actual), dateOf(expected));
    case 'ip': {
      const [a, b] = [parseIp(keywordText(actual)), parseIp(keywordText(expected))];
      return a === null || b === null ? null : compareIp(a, b);
    }
    default: {
      const [a, b] = [keywordText(actual), keywordText(expected)];
      return a < b ? -1 : a > b ? 1 : 0;
    }
  }
}

function sameText(actual: EventScalar, expected: EventScalar, caseInsensitive: boolean): boolean {
  const [a, b] = [keywordText(actual), keywordText(expected)];
  return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}
