// A witness's canonical values put under the field names a rule of another source writes: the
// rule's own predicates say which written field carries each canonical field.

import { predicatesOf, type Rule, type Scalar } from '../ir/index.js';
import { canonicalFieldOf } from '../semantics/canonical-field.js';
import { fieldContextOf } from '../semantics/field-context.js';
import { mapField } from '../semantics/field-mapping.js';

/** Per rule, the written fields carrying each canonical field: computed once per rule. */
const writtenNames = new WeakMap<Rule, Map<string, string[]>>();

/**
 * The witness's values under the rule's field names. A canonical field the rule writes under
 * several names is given under each; one the rule never reads is left out.
 */
// LIMITATION: where value normalization derived a canonical field from a written one (a path
// suffix `\x.exe` read as the file name `x.exe`), the written field gets the canonical value (the
// name, not a path) — a rule testing the suffix then does not match its own witness, and a claim
// resting on such a derivation across sources is counted unknown, not confirmed.
export function renderedFields(
  rule: Rule,
  canonical: ReadonlyMap<string, Scalar>,
): Map<string, Scalar> {
  const written = new Map<string, Scalar>();
  for (const [field, names] of namesOf(rule)) {
    if (!canonical.has(field)) continue;
    for (const name of names) written.set(name, canonical.get(field) as Scalar);
  }
  return written;
}

/** The canonical field a written field name stands for in the rule (group-by fields). */
export function canonicalNameOf(rule: Rule, field: string): string {
  return mapField(field, fieldContextOf(rule)).field;
}

function namesOf(rule: Rule): Map<string, string[]> {
  let names = writtenNames.get(rule);
  if (names) return names;
  names = new Map();
  const add = (canonical: string, field: string) => {
    const list = names!.get(canonical) ?? [];
    if (!list.includes(field)) list.push(field);
    names!.set(canonical, list);
  };
  for (const stage of rule.pipeline) {
    if (stage.predicate) {
      for (const { predicate } of predicatesOf(stage.predicate)) {
        add(canonicalFieldOf(predicate, rule), predicate.field);
      }
    }
    for (const field of stage.groupBy?.fields ?? []) add(canonicalNameOf(rule, field), field);
  }
  writtenNames.set(rule, names);
  return names;
}
