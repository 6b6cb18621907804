// Normalized predicate values: when two written values stand for the same thing to compare.

import type { Op, Scalar } from '../ir/index.js';

/** Operators whose values compare as numbers when they look like numbers. */
const NUMERIC_OPS: ReadonlySet<Op> = new Set(['eq', 'ne', 'in', 'lt', 'le', 'gt', 'ge']);

/** A character outside ASCII. */
const NON_ASCII = /[^\x00-\x7f]/;

/** Operators whose value is a pattern or a name: folding its case could change its meaning. */
const VERBATIM_OPS: ReadonlySet<Op> = new Set(['regex', 'fieldref', 'placeholder', 'cidr']);

/**
 * Lower-cases ASCII letters only. Engines agree on ASCII case; other scripts are compared
 * exactly so that no two values are called equal that some engine tells apart.
 */
export function foldCase(text: string): string {
  // The engine's own lower-casing first (fast); it is the answer when the text is all ASCII.
  const lower = text.toLowerCase();
  if (lower === text) return text;
  return NON_ASCII.test(text) ? text.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : lower;
}

/** Whether case-insensitive and case-sensitive matching of this text are the same. */
export function isCaseless(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) | 32;
    if (code >= 97 && code <= 122) return false;
    if (text.charCodeAt(i) > 127) return text.toLowerCase() === text && text.toUpperCase() === text;
  }
  return true;
}

/**
 * The number a value stands for: numbers, and strings written exactly as JavaScript would
 * print the number (`"4104"`, `"-1"`, `"0.5"`; not `"04104"`, `"1e3"` or `" 7"`).
 */
export function numericValue(value: Scalar): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) && String(number) === value ? number : null;
}

/**
 * A string equal for two values exactly when they match the same field values under `op`:
 * numbers and numeric strings as numbers, case folded when the comparison ignores case.
 */
export function valueKey(value: Scalar, op: Op, caseSensitive: boolean): string {
  if (NUMERIC_OPS.has(op)) {
    const number = numericValue(value);
    if (number !== null) return `n:${number}`;
  }
  if (value === null) return 'null';
  if (typeof value !== 'string') return `${typeof value}:${String(value)}`;
  if (caseSensitive || VERBATIM_OPS.has(op)) return `s:${value}`;
  return `s:${foldCase(value)}`;
}

/** The operator an indicator value is counted under: an `in` list is `eq` for each value. */
export function indicatorOp(op: Op): Op {
  return op === 'in' ? 'eq' : op;
}

/**
 * The key an indicator's canonical operator and value are counted under: as `valueKey`, with
 * letter case always folded — the same value looked for with different case rules is one
 * indicator. Only counting folds case this way; implication keeps each comparison's case rule.
 */
export function indicatorValueKey(op: Op, value: Scalar): string {
  const counted = indicatorOp(op);
  return `${counted}\u0000${valueKey(value, counted, false)}`;
}
