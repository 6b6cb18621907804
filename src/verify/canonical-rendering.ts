// A witness's canonical values put under the field names a rule of another source writes: the
// rule's own predicates say which written field carries each canonical field.

import {
  predicatesOf,
  type CanonicalComparison,
  type Predicate,
  type Rule,
  type Scalar,
} from '../ir/index.js';
import { canonicalComparison } from '../semantics/canonical-comparison.js';
import { fieldContextOf, type FieldContext } from '../semantics/field-context.js';
import { mapField } from '../semantics/field-mapping.js';
import { meets, predicateCondition, type FieldCondition } from './field-condition.js';
import { chooseValue } from './witness-value.js';

/** How a rule reads one written field. */
interface WrittenField {
  /** The canonical field the written one stands for (`Image` is `process.executable`). */
  mapped: string;
  /** The rule's predicates on the field. */
  predicates: Predicate[];
}

/** Per rule, its field context: computed once per rule. */
const contexts = new WeakMap<Rule, FieldContext>();

/** Per rule, how it reads each written field: computed once per rule. */
const readings = new WeakMap<Rule, Map<string, WrittenField>>();

/**
 * The witness's values under the rule's field names. A written field gets the value of the
 * canonical field it stands for when that value agrees with every canonical comparison of the
 * field's predicates (value normalization may have put one on another field: `Image endswith
 * '\x.exe'` is `process.name eq 'x.exe'`); otherwise a value meeting exactly the predicates
 * whose canonical comparisons the witness meets. Canonical fields the rule does not read stay
 * under their canonical name: the event still has them, and what it says of its own kind
 * (`event.dataset`, `winlog.channel`) is checked by log sources. A predicate's canonical
 * comparison is trusted only on the field the mapping tables give its written field (see
 * `renderedComparison`), so a wrong canonical form renders a witness the rule does not match.
 */
// LIMITATION: a comparison normalization moved to another field is trusted to mean what it says
// (a path ending in `\x.exe` has the file name `x.exe`) — a wrong move is caught only where both
// rules read the same events, not across sources.
export function renderedFields(
  rule: Rule,
  canonical: ReadonlyMap<string, Scalar>,
): Map<string, Scalar> {
  const written = new Map<string, Scalar>();
  const read = new Set<string>();
  for (const [field, reading] of readingsOf(rule)) {
    read.add(reading.mapped);
    for (const predicate of reading.predicates) read.add(comparisonFieldOf(predicate, rule));
    const value = fieldValue(rule, reading, canonical);
    if (value !== undefined) written.set(field, value);
  }
  for (const [field, value] of canonical) {
    if (!read.has(field) && !written.has(field)) written.set(field, value);
  }
  return written;
}

/** The canonical field a written field name stands for in the rule (group-by fields). */
export function canonicalNameOf(rule: Rule, field: string): string {
  return mapField(field, fieldContextOf(rule)).field;
}

/**
 * The field's value: the canonical value it stands for if that agrees with what the witness
 * says of each predicate, else a value built to agree; undefined when the witness says nothing.
 */
function fieldValue(
  rule: Rule,
  reading: WrittenField,
  canonical: ReadonlyMap<string, Scalar>,
): Scalar | undefined {
  const direct = canonical.get(reading.mapped);
  const conditions = agreedConditions(rule, reading.predicates, canonical);
  if (conditions === null) return direct;
  if (direct !== undefined && conditions.every((c) => meets(c, direct) === !c.negated)) {
    return direct;
  }
  if (conditions.length === 0) return direct;
  const choice = chooseValue(conditions);
  return choice.kind === 'value' ? choice.value : direct;
}

/**
 * Each predicate whose canonical comparison the witness speaks of, to be met when the witness
 * meets that comparison and avoided when not; null when one cannot be told.
 */
function agreedConditions(
  rule: Rule,
  predicates: Predicate[],
  canonical: ReadonlyMap<string, Scalar>,
): FieldCondition[] | null {
  const conditions: FieldCondition[] = [];
  for (const predicate of predicates) {
    const field = comparisonFieldOf(predicate, rule);
    if (!canonical.has(field) || !predicate.canonical) continue;
    const { op, values, caseSensitive } = renderedComparison(predicate, rule);
    const comparison: FieldCondition = {
      op: op === 'in' ? 'eq' : op,
      values: op === 'exists' ? [] : values,
      caseSensitive,
      flags: predicate.flags ?? '',
      negated: false,
      missingIsUnknown: true,
    };
    const held = meets(comparison, canonical.get(field) as Scalar);
    if (held === null) return null;
    conditions.push(predicateCondition(predicate, !held, true));
  }
  return conditions;
}

/** The field of the predicate's canonical comparison, where normalization may have moved it. */
function comparisonFieldOf(predicate: Predicate, rule: Rule): string {
  return renderedComparison(predicate, rule).field;
}

/**
 * The comparison a witness is rendered by: the predicate's canonical one when it is on the field
 * the mapping tables give its written field (normalized as every predicate is); otherwise the
 * tables' own, as the rule's text states it.
 */
function renderedComparison(predicate: Predicate, rule: Rule): CanonicalComparison {
  let context = contexts.get(rule);
  if (!context) contexts.set(rule, (context = fieldContextOf(rule)));
  const mapped = canonicalComparison(predicate, mapField(predicate.field, context));
  const stored = predicate.canonical;
  return stored && stored.field === mapped.field ? stored : mapped;
}

function readingsOf(rule: Rule): Map<string, WrittenField> {
  let fields = readings.get(rule);
  if (fields) return fields;
  fields = new Map();
  const readingOf = (field: string): WrittenField => {
    let reading = fields!.get(field);
    if (!reading) {
      reading = { mapped: canonicalNameOf(rule, field), predicates: [] };
      fields!.set(field, reading);
    }
    return reading;
  };
  for (const stage of rule.pipeline) {
    for (const field of stage.groupBy?.fields ?? []) readingOf(field);
    if (!stage.predicate) continue;
    for (const { predicate } of predicatesOf(stage.predicate)) {
      readingOf(predicate.field).predicates.push(predicate);
    }
  }
  readings.set(rule, fields);
  return fields;
}
