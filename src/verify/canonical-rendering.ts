// A witness's canonical values put under the field names a rule of another source writes: the
// rule's own predicates say which written field carries each canonical field.

import { predicatesOf, type Predicate, type Rule, type Scalar } from '../ir/index.js';
import { canonicalFieldOf } from '../semantics/canonical-field.js';
import { fieldContextOf } from '../semantics/field-context.js';
import { mapField } from '../semantics/field-mapping.js';
import { meets, predicateCondition, type FieldCondition } from './field-condition.js';
import { chooseValue } from './witness-value.js';

/** How a rule reads one written field. */
interface WrittenField {
  /** The canonical field the written one stands for (`Image` is `process.executable`). */
  mapped: string;
  /**
   * Predicates on the field whose canonical comparison is on another field, derived by value
   * normalization (`Image endswith '\x.exe'` is `process.name eq 'x.exe'`).
   */
  derived: Predicate[];
}

/** Per rule, how it reads each written field: computed once per rule. */
const readings = new WeakMap<Rule, Map<string, WrittenField>>();

/**
 * The witness's values under the rule's field names: each written field gets the value of the
 * canonical field it stands for. A field the rule compares only through derived comparisons
 * gets a value meeting exactly those of them the witness's canonical values meet. Canonical
 * fields the rule does not read stay under their canonical name: the event still has them, and
 * what it says of its own kind (`event.dataset`, `winlog.channel`) is checked by log sources.
 */
// LIMITATION: a derived comparison is trusted to mean what value normalization says (a path
// ending in `\x.exe` has the file name `x.exe`) — a wrong derivation is not caught across
// sources, only where both rules read the same events.
export function renderedFields(
  rule: Rule,
  canonical: ReadonlyMap<string, Scalar>,
): Map<string, Scalar> {
  const written = new Map<string, Scalar>();
  const read = new Set<string>();
  for (const [field, reading] of readingsOf(rule)) {
    read.add(reading.mapped);
    for (const predicate of reading.derived) read.add(comparisonFieldOf(predicate, rule));
    if (canonical.has(reading.mapped)) {
      written.set(field, canonical.get(reading.mapped) as Scalar);
      continue;
    }
    const value = derivedValue(rule, reading.derived, canonical);
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
 * A value meeting the derived comparisons the canonical values meet and avoiding the others;
 * undefined when the witness says nothing of their fields or no value fits.
 */
function derivedValue(
  rule: Rule,
  derived: Predicate[],
  canonical: ReadonlyMap<string, Scalar>,
): Scalar | undefined {
  const conditions: FieldCondition[] = [];
  for (const predicate of derived) {
    const field = comparisonFieldOf(predicate, rule);
    if (!canonical.has(field) || !predicate.canonical) continue;
    const { op, values, caseSensitive } = predicate.canonical;
    const comparison: FieldCondition = {
      op: op === 'in' ? 'eq' : op,
      values,
      caseSensitive,
      flags: predicate.flags ?? '',
      negated: false,
      missingIsUnknown: true,
    };
    const held = meets(comparison, canonical.get(field) as Scalar);
    if (held === null) return undefined;
    conditions.push(predicateCondition(predicate, !held, true));
  }
  if (conditions.length === 0) return undefined;
  const choice = chooseValue(conditions);
  return choice.kind === 'value' ? choice.value : undefined;
}

/** The field of the predicate's canonical comparison, where normalization may have moved it. */
function comparisonFieldOf(predicate: Predicate, rule: Rule): string {
  return predicate.canonical?.field ?? canonicalFieldOf(predicate, rule);
}

function readingsOf(rule: Rule): Map<string, WrittenField> {
  let fields = readings.get(rule);
  if (fields) return fields;
  fields = new Map();
  const readingOf = (field: string): WrittenField => {
    let reading = fields!.get(field);
    if (!reading) {
      reading = { mapped: canonicalNameOf(rule, field), derived: [] };
      fields!.set(field, reading);
    }
    return reading;
  };
  for (const stage of rule.pipeline) {
    for (const field of stage.groupBy?.fields ?? []) readingOf(field);
    if (!stage.predicate) continue;
    for (const { predicate } of predicatesOf(stage.predicate)) {
      const reading = readingOf(predicate.field);
      if (comparisonFieldOf(predicate, rule) !== reading.mapped) reading.derived.push(predicate);
    }
  }
  readings.set(rule, fields);
  return fields;
}
