// The one place analysis asks for a predicate's canonical (cross-vendor) field name.

import type { Predicate, Rule } from '../ir/index.js';

/**
 * The canonical field a predicate speaks about. Until the field mappings exist this is the
 * lowering's `canonicalField` or the field as written; the rule is passed because the mapping
 * depends on the rule's log source.
 */
export function canonicalFieldOf(predicate: Predicate, rule: Rule): string {
  void rule;
  return predicate.canonicalField ?? predicate.field;
}
