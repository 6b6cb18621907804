// Values of eval expressions (`eval`, `where`): field values, booleans from comparisons,
// null, and values the matcher cannot know. Comparisons are case-sensitive; two numbers (or
// texts that are numbers) compare as numbers.

import {
  isUnknown,
  numberOf,
  textOf,
  type FieldScalar,
  type FieldValue,
  type Unknown,
} from './field-value.js';

export type EvalScalar = FieldScalar | boolean;

/** A value the matcher knows. */
export type KnownValue = EvalScalar | FieldScalar[] | null;

export type EvalValue = KnownValue | Unknown;

/** The text of one item, booleans written `true` and `false`. */
export function itemText(item: EvalScalar): string {
  return typeof item === 'boolean' ? String(item) : textOf(item);
}

/** The value's items: one for a scalar, each value of a multivalue field. */
export function itemsOf(value: EvalScalar | FieldScalar[]): EvalScalar[] {
  return Array.isArray(value) ? value : [value];
}

/** Negative, zero or positive; null when a boolean meets anything but a boolean. */
export function compareItems(a: EvalScalar, b: EvalScalar): number | null {
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    return typeof a === typeof b ? Number(a) - Number(b) : null;
  }
  const left = numberOf(a);
  const right = numberOf(b);
  if (left !== null && right !== null) return Math.sign(left - right);
  const x = textOf(a);
  const y = textOf(b);
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

/** The value as a field holds it; booleans cannot be stored (Splunk refuses them). */
export function storedValue(value: EvalValue): FieldValue | Unknown | null {
  if (typeof value === 'boolean') {
    return { unknown: 'is assigned a true/false value, which Splunk refuses to store' };
  }
  return value;
}

/** The text of a scalar value, null for null, unknown passed on; multivalues have none. */
export function textValue(value: EvalValue): string | null | Unknown {
  if (value === null || isUnknown(value)) return value;
  if (Array.isArray(value)) return { unknown: 'a multivalue field is used as one text' };
  return typeof value === 'boolean' ? String(value) : textOf(value);
}

/** The number a value stands for, or null. */
export function numberValue(value: EvalValue): number | null | Unknown {
  if (value === null || isUnknown(value)) return value;
  if (Array.isArray(value) || typeof value === 'boolean') return null;
  return numberOf(value);
}
