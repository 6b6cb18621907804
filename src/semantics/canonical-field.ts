// The one place analysis asks for a predicate's canonical (cross-vendor) field name.

import type { Predicate, Rule } from '../ir/index.js';
import { mappedFieldOf } from './canonical-comparison.js';

/**
 * The canonical name of the field the predicate is written on: set by `canonicalize` for catalog
 * rules; for a predicate that was not canonicalized (a test building rules by hand), mapped now.
 * It goes with the written operator and values; `canonical.field` goes with the normalized ones
 * and differs where normalization moved the comparison (a path suffix to the file name).
 */
export function canonicalFieldOf(predicate: Predicate, rule: Rule): string {
  return mappedFieldOf(predicate, rule).field;
}
