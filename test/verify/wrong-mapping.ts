// A deliberately wrong field mapping, injected into built rules for mutation tests: every
// predicate on one field is canonicalized as if it were on another one, as a wrong entry in a
// mapping table would do. Production code has no switch for it.

import { predicatesOf, type AnalyzedRule, type Predicate } from '../../src/ir/index.js';
import { canonicalize } from '../../src/semantics/canonicalize.js';

/** Copies of the rules in which `from` is canonicalized as `to` (its text still says `from`). */
export function withWrongMapping(rules: AnalyzedRule[], from: string, to: string): AnalyzedRule[] {
  return rules.map((original) => {
    const rule = structuredClone(original);
    const misread: Predicate[] = [];
    for (const stage of rule.pipeline) {
      if (!stage.predicate) continue;
      for (const { predicate } of predicatesOf(stage.predicate)) {
        if (predicate.field === from) misread.push(predicate);
      }
    }
    if (misread.length === 0) return rule;

    for (const predicate of misread) {
      predicate.field = to;
      delete predicate.canonical;
      delete predicate.canonicalField;
    }
    canonicalize(rule);
    for (const predicate of misread) predicate.field = from;
    return rule;
  });
}
