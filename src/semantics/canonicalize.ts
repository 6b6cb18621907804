// Puts every predicate of a rule into the cross-vendor vocabulary (see CanonicalComparison):
// run once per rule after lowering, before any analysis.

import { predicatesOf, type Expr, type Predicate, type Rule, type Stage } from '../ir/index.js';
import { normalizeComparison } from './comparison-normalization.js';
import { fieldContextOf, type FieldContext } from './field-context.js';
import { mapField } from './field-mapping.js';

export function canonicalize(rule: Rule): void {
  const context = fieldContextOf(rule);
  const visit = (expr: Expr | null | undefined): void => {
    if (!expr) return;
    for (const { predicate } of predicatesOf(expr)) canonicalizePredicate(predicate, context);
  };
  rule.pipeline.forEach((stage: Stage) => visit(stage.predicate));
  visit(rule.eventFilter);
}

function canonicalizePredicate(predicate: Predicate, context: FieldContext): void {
  if (predicate.canonical) return;
  const mapped = mapField(predicate.field, context);
  predicate.canonical = normalizeComparison({
    field: mapped.field,
    op: predicate.op,
    values: predicate.values,
    caseSensitive: predicate.caseSensitive,
    mapping: mapped.mapping,
  });
  predicate.canonicalField = predicate.canonical.field;
}
