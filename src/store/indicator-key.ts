// What makes two indicator values one indicator on the indicator pages: the canonical field, the
// operator (an `in` list counts as `eq` for each of its values) and the normalized value, with
// letter case folded — rules with different case rules are listed together, each with its own.

import type { Op, Scalar } from '../ir/index.js';
import { valueKey } from '../semantics/value-key.js';

/** One canonical indicator: a field, an operator and a value, as the catalog stores them. */
export interface IndicatorKey {
  canonicalField: string;
  op: Op;
  /** Absent for an indicator without a value (a field that must exist). */
  value?: Scalar;
}

/** The operator an indicator is grouped under. */
export function keyOp(op: Op): Op {
  return op === 'in' ? 'eq' : op;
}

/** The normalized value an indicator is grouped under; '' when it has no value. */
export function keyValue(op: Op, value: Scalar | undefined): string {
  if (value === undefined) return '';
  return valueKey(value, keyOp(op), false);
}
