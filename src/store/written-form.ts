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

/**
 * The text of the first predicate on the same written field that compares the value with the
 * same operator, as written or in its canonical form; null when none does (an indicator an
 * analysis derived rather than read).
 */
export function writtenText(predicates: Predicate[], use: WrittenUse): string | null {
  const wanted = use.value === undefined ? null : valueKey(use.value, use.op, use.caseSensitive);
  const sameValue = (op: Op, values: Scalar[]) =>
    wanted === null || values.some((v) => valueKey(v, op, use.caseSensitive) === wanted);

  for (const predicate of predicates) {
    if (predicate.field !== use.field) continue;
    if (predicate.op === use.op && sameValue(predicate.op, predicate.values)) {
      return predicate.text;
    }
    const canonical = predicate.canonical;
    if (canonical && canonical.op === use.op && sameValue(canonical.op, canonical.values)) {
      return predicate.text;
    }
  }
  return null;
}
