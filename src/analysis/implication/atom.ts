// Implication between single conditions on one field value: the table everything rests on.

import type { Op, Scalar } from '../../ir/index.js';
import { foldCase, isCaseless, numericValue, valueKey } from '../../semantics/value-key.js';

/** An operator with how it compares; a literal is one for each of its values. */
export interface Comparison {
  op: Op;
  caseSensitive: boolean;
  flags: string;
}

/** One operator with one value. */
export interface Atom extends Comparison {
  value: Scalar;
}

/** A value with what comparisons need precomputed: implication runs on many pairs. */
export interface ComparedValue {
  value: Scalar;
  /** `valueKey` under the comparison's operator and case. */
  key: string;
  number: number | null;
  text: string | null;
  folded: string | null;
  caseless: boolean;
}

const TEXT_OPS: ReadonlySet<Op> = new Set(['eq', 'contains', 'startswith', 'endswith']);
const RANGE_OPS: ReadonlySet<Op> = new Set(['lt', 'le', 'gt', 'ge']);

/** Which written operators each text operator is implied by, given the right values. */
const TEXT_IMPLIED_BY: Readonly<Record<string, ReadonlySet<Op>>> = {
  eq: new Set(['eq']),
  contains: TEXT_OPS,
  startswith: new Set(['eq', 'startswith']),
  endswith: new Set(['eq', 'endswith']),
};

type TextRelation = (value: string, part: string) => boolean;

const TEXT_RELATION: Readonly<Record<string, TextRelation>> = {
  eq: (value, part) => value === part,
  contains: (value, part) => value.includes(part),
  startswith: (value, part) => value.startsWith(part),
  endswith: (value, part) => value.endsWith(part),
};

export function comparedValueOf(value: Scalar, comparison: Comparison): ComparedValue {
  const text = typeof value === 'string' ? value : null;
  return {
    value,
    key: valueKey(value, comparison.op, comparison.caseSensitive),
    number: numericValue(value),
    text,
    folded: text === null ? null : foldCase(text),
    caseless: text !== null && isCaseless(text),
  };
}

// LIMITATION: wildcard, regex and CIDR languages are not compared (`eq 'ab'` is not shown to
// imply `wildcard 'a*b'`, nor `10.1.0.0/16` to lie in `10.0.0.0/8`) — such pairs are not listed.
/**
 * Whether every field value satisfying `b` satisfies `a`. Same operator and value always;
 * otherwise text containment (eq/contains/startswith/endswith), equal numbers, and numeric
 * ranges. Wildcards, regexes, CIDR ranges, `ne`, field references and placeholders only
 * imply themselves: their languages are not compared.
 */
export function atomImplies(b: Atom, a: Atom): boolean {
  return valueImplies(b, comparedValueOf(b.value, b), a, comparedValueOf(a.value, a));
}

/** `atomImplies` on precomputed values. */
export function valueImplies(
  b: Comparison,
  bValue: ComparedValue,
  a: Comparison,
  aValue: ComparedValue,
): boolean {
  if (isSameValue(b, bValue, a, aValue)) return true;
  if (RANGE_OPS.has(a.op)) return rangeImplies(b, bValue, a, aValue);
  if (!TEXT_OPS.has(a.op) || !TEXT_IMPLIED_BY[a.op].has(b.op)) return false;

  if (a.op === 'eq' && bValue.number !== null && aValue.number !== null) {
    return bValue.number === aValue.number;
  }
  if (bValue.text === null || aValue.text === null) return false;
  return textImplies(b, bValue, a, aValue, TEXT_RELATION[a.op]);
}

/** Whether two values are the same condition: operator, case, flags and normalized value. */
export function isSameValue(
  b: Comparison,
  bValue: ComparedValue,
  a: Comparison,
  aValue: ComparedValue,
): boolean {
  if (b.op !== a.op || b.caseSensitive !== a.caseSensitive || b.flags !== a.flags) return false;
  return bValue.key === aValue.key;
}

/**
 * Case rules: a case-sensitive value implies the case-insensitive one it folds to; a
 * case-insensitive value implies a case-sensitive condition only when it has no letters
 * whose case could differ.
 */
function textImplies(
  b: Comparison,
  bValue: ComparedValue,
  a: Comparison,
  aValue: ComparedValue,
  relation: TextRelation,
): boolean {
  if (a.caseSensitive) {
    if (!b.caseSensitive && !bValue.caseless) return false;
    return relation(bValue.text!, aValue.text!);
  }
  return relation(bValue.folded!, aValue.folded!);
}

interface Bound {
  value: number;
  text: string;
  open: boolean;
}

interface Interval {
  low: Bound | null;
  high: Bound | null;
}

/**
 * Whether the values `b` allows lie inside `a`'s range. Engines compare numbers numerically
 * or as text depending on the field's type, so the containment must hold in both orders.
 */
// LIMITATION: field types are not known, so `N >= 10` is not shown to imply `N > 5` ("10" sorts
// before "5" as text) — such range pairs are not listed.
function rangeImplies(
  b: Comparison,
  bValue: ComparedValue,
  a: Comparison,
  aValue: ComparedValue,
): boolean {
  const inner = intervalOf(b.op, bValue.number);
  const outer = intervalOf(a.op, aValue.number);
  if (!inner || !outer) return false;
  return (
    isWithin(inner, outer, (x, y) => x.value - y.value) &&
    isWithin(inner, outer, (x, y) => (x.text < y.text ? -1 : x.text > y.text ? 1 : 0))
  );
}

function intervalOf(op: Op, value: number | null): Interval | null {
  if (value === null) return null;
  const closed = { value, text: String(value), open: false };
  const open = { ...closed, open: true };
  switch (op) {
    case 'eq':
      return { low: closed, high: closed };
    case 'gt':
      return { low: open, high: null };
    case 'ge':
      return { low: closed, high: null };
    case 'lt':
      return { low: null, high: open };
    case 'le':
      return { low: null, high: closed };
    default:
      return null;
  }
}

function isWithin(
  inner: Interval,
  outer: Interval,
  compare: (x: Bound, y: Bound) => number,
): boolean {
  if (outer.low) {
    if (!inner.low) return false;
    const order = compare(inner.low, outer.low);
    if (order < 0 || (order === 0 && outer.low.open && !inner.low.open)) return false;
  }
  if (outer.high) {
    if (!inner.high) return false;
    const order = compare(inner.high, outer.high);
    if (order > 0 || (order === 0 && outer.high.open && !inner.high.open)) return false;
  }
  return true;
}
