// The values ES|QL computes with: null, a single value, or a multi-valued list (two or more
// values), plus `unknown` for what the matcher cannot compute. Comparisons follow ES|QL: a null
// or multi-valued operand gives null.

import { compareIp, parseIp } from './ip-address.js';
import { dateOf, numberOf, type EventScalar } from './event-values.js';

export type EsqlScalar = EventScalar;
export type EsqlValue = EsqlScalar | EsqlScalar[] | null;

/** What the matcher cannot compute, and why. */
export interface Unknown {
  unknown: string;
}

export type Computed = EsqlValue | Unknown;

export function isUnknown(value: Computed): value is Unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list of values as one ES|QL value: none is null, one is itself, more are multi-valued. */
export function valueOfList(values: EsqlScalar[]): EsqlValue {
  if (values.length === 0) return null;
  return values.length === 1 ? values[0] : values;
}

export function listOfValue(value: EsqlValue): EsqlScalar[] {
  if (value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * How `a` orders against `b`: numbers as numbers (text holding a number counts as one when the
 * other side is a number), addresses as addresses, ISO dates as dates, other text by code
 * points. Null when they cannot be compared (a boolean and text).
 */
export function orderOf(a: EsqlScalar, b: EsqlScalar): number | null {
  if (typeof a === 'number' || typeof b === 'number') {
    const [x, y] = [numberOf(a), numberOf(b)];
    return x === null || y === null ? null : x - y;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    return typeof a === typeof b ? Number(a) - Number(b) : null;
  }
  if (a === b) return 0;
  const [ipA, ipB] = [parseIp(a), parseIp(b)];
  if (ipA !== null && ipB !== null) return compareIp(ipA, ipB);
  const [dateA, dateB] = [dateOf(a), dateOf(b)];
  if (dateA !== null && dateB !== null) return dateA - dateB;
  return a < b ? -1 : 1;
}

/** A scalar comparison: null when either side is null or multi-valued. */
export function compareValues(
  a: EsqlValue,
  b: EsqlValue,
  holds: (order: number) => boolean,
): EsqlValue {
  if (a === null || b === null || Array.isArray(a) || Array.isArray(b)) return null;
  const order = orderOf(a, b);
  return order === null ? null : holds(order);
}
