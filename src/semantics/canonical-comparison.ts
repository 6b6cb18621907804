// The one place a predicate's comparison is put into the cross-vendor vocabulary: by
// `canonicalize` for catalog rules, and on demand for predicates that were not (a test building
// rules by hand).

import type { CanonicalComparison, Predicate, Rule } from '../ir/index.js';
import { normalizeComparison } from './comparison-normalization.js';
import { fieldContextOf, type FieldContext } from './field-context.js';
import { mapField, type MappedField } from './field-mapping.js';

/** Each rule's field context, read once however many of its predicates ask. */
const contexts = new WeakMap<Rule, FieldContext>();

/** The comparison a predicate states, on its mapped field, normalized. */
export function canonicalComparison(
  predicate: Predicate,
  mapped: MappedField,
): CanonicalComparison {
  return normalizeComparison({
    field: mapped.field,
    op: predicate.op,
    values: predicate.values,
    caseSensitive: predicate.caseSensitive,
    mapping: mapped.mapping,
  });
}

/** The predicate's canonical comparison: the one `canonicalize` set, or one made now. */
export function canonicalComparisonOf(predicate: Predicate, rule: Rule): CanonicalComparison {
  return predicate.canonical ?? canonicalComparison(predicate, mappedFieldOf(predicate, rule));
}

/**
 * The predicate's own field in the cross-vendor vocabulary: the canonical field it was given,
 * or its field mapped in the rule's context. A hand-given canonical field counts as a table's.
 */
export function mappedFieldOf(predicate: Predicate, rule: Rule): MappedField {
  if (predicate.canonicalField !== undefined) {
    return { field: predicate.canonicalField, mapping: predicate.canonical?.mapping ?? 'table' };
  }
  let context = contexts.get(rule);
  if (!context) {
    context = fieldContextOf(rule);
    contexts.set(rule, context);
  }
  return mapField(predicate.field, context);
}
