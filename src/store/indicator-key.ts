// What makes two indicator values one indicator on the indicator pages: the canonical field,
// operator and value (an `in` list counts as `eq` for each of its values), the value normalized
// with letter case folded — as corpus counts key them, but with negation left out: rules that
// exclude the value are listed beside those requiring it.

import type { Indicator, Op, Scalar } from '../ir/index.js';
import { indicatorOp, valueKey } from '../semantics/value-key.js';

/** One canonical indicator: a field, an operator and a value, as the catalog stores them. */
export interface IndicatorKey {
  canonicalField: string;
  op: Op;
  /** Absent for an indicator without a value (a field that must exist). */
  value?: Scalar;
}

/** One value of a rule's indicator as stored: the key it is grouped under and the value. */
export interface KeyedValue {
  /** The operator grouped under. */
  keyOp: Op;
  /** The normalized value grouped under; '' for an indicator without a value. */
  keyValue: string;
  /** The value the key was made from; undefined for an indicator without a value. */
  value: Scalar | undefined;
  /** Its position in the indicator's values; -1 for an indicator without a value. */
  index: number;
}

/** The operator a canonical operator is grouped under. */
export function keyOp(op: Op): Op {
  return indicatorOp(op);
}

/** The normalized value a canonical value is grouped under; '' when it has no value. */
export function keyValue(op: Op, value: Scalar | undefined): string {
  if (value === undefined) return '';
  return valueKey(value, indicatorOp(op), false);
}

/**
 * Every key an indicator is stored under, made of its canonical operator and values: one per
 * value, or one without a value.
 */
export function keyedValues(indicator: Indicator): KeyedValue[] {
  const op = keyOp(indicator.canonicalOp ?? indicator.op);
  if (indicator.values.length === 0) {
    return [{ keyOp: op, keyValue: '', value: undefined, index: -1 }];
  }
  return indicator.values.map(({ value, canonical }, index) => {
    const shared = canonical === undefined ? value : canonical;
    return { keyOp: op, keyValue: keyValue(op, shared), value: shared, index };
  });
}
