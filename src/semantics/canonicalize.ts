// Puts every predicate of a rule into the cross-vendor vocabulary (see CanonicalComparison):
// run once per rule after lowering, before any analysis.

import { predicatesOf, type Expr, type Predicate, type Rule } from '../ir/index.js';
import { canonicalComparison } from './canonical-comparison.js';
import { fieldContextOf, type FieldContext } from './field-context.js';
import { mapField } from './field-mapping.js';

export function canonicalize(rule: Rule): void {
  const context = fieldContextOf(rule);
  for (const stage of rule.pipeline) canonicalizeTree(stage.predicate, context);
  canonicalizeTree(rule.eventFilter, context);
}

function canonicalizeTree(expr: Expr | null | undefined, context: FieldContext): void {
  if (!expr) return;
  for (const { predicate } of predicatesOf(expr)) canonicalizePredicate(predicate, context);
}

function canonicalizePredicate(predicate: Predicate, context: FieldContext): void {
  if (predicate.canonical) return;
  const mapped = mapField(predicate.field, context);
  predicate.canonical = canonicalComparison(predicate, mapped);
  // The written comparison's field: implication compares written operators and values on it.
  predicate.canonicalField = mapped.field;
}
