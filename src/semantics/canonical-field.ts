// The one place analysis asks for a predicate's canonical (cross-vendor) field name.

import type { Predicate, Rule } from '../ir/index.js';
import { fieldContextOf } from './field-context.js';
import { mapField } from './field-mapping.js';

/**
 * The canonical field a predicate speaks about: set by `canonicalize` for catalog rules; for a
 * predicate that was not canonicalized (a test building rules by hand), mapped now.
 */
export function canonicalFieldOf(predicate: Predicate, rule: Rule): string {
  return predicate.canonical?.field
    ?? predicate.canonicalField
    ?? mapField(predicate.field, fieldContextOf(rule)).field;
}
