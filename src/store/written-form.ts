// Finds, in a stored rule, the text of the predicate an indicator row came from, so the
// indicator page can show each rule's condition as its author wrote it.

import {
  predicatesOf,
  type AnalyzedRule,
  type Op,
  type Predicate,
  type Scalar,
} from '../ir/index.js';
import { valueKey } from '../semantics/value-key.js';

/** An indicator row of the rule: its field as written, operator and value. */
export interface WrittenUse {
  field: string;
  op: Op;
  value?: Scalar;
  caseSensitive: boolean;
}

/** Every predicate of the rule's stages and event filter, each once. */
export function predicatesOfRule(rule: AnalyzedRule): Predicate[] {
  const found = new Set<Predicate>();
  const visit = (expr: AnalyzedRule['eventFilter'] | undefined) => {
    if (!expr) return;
    for (const { predicate } of predicatesOf(expr)) found.add(predicate);
  };
  for (const stage of rule.pipeline) visit(stage.predicate);
  visit(rule.eventFilter);
  return [...found];
}

// LIMITATION: a rule writing the same comparison twice (required in one branch, excluded in
// another) shows the first predicate's text for both uses.
/**
 * The text of the first predicate on the same written field that compares the value with the
 * same operator; null when none does (an indicator an analysis derived rather than read).
 */
export function writtenText(predicates: Predicate[], use: WrittenUse): string | null {
  const wanted = use.value === undefined ? null : valueKey(use.value, use.op, use.caseSensitive);
  for (const predicate of predicates) {
    if (predicate.field !== use.field || predicate.op !== use.op) continue;
    const values = predicate.values;
    if (wanted === null || values.some((v) => valueKey(v, use.op, use.caseSensitive) === wanted)) {
      return predicate.text;
    }
  }
  return null;
}
