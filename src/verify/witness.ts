// A witness: one event satisfying one case (disjunct) of a rule's condition, as field values —
// once under the fields the rule writes (`Image`, `Processes.process`), for evaluating rules that
// read the same kind of event, and once under canonical fields, for rendering it elsewhere.

import type { Scalar } from '../ir/index.js';
import type { Literal } from '../analysis/implication/literal.js';
import { meets, predicateCondition, type FieldCondition } from './field-condition.js';
import { ANY_VALUE, chooseValue, type UnknownReason } from './witness-value.js';

export interface Witness {
  /** Values by field as the rule writes it. */
  written: Map<string, Scalar>;
  /**
   * Values by canonical field; or, when no canonical values fit (two written fields mapped to
   * one canonical field with values of their own), why: such a witness renders in its own
   * vocabulary only.
   */
  canonical: Map<string, Scalar> | { unknown: UnknownReason; detail: string };
}

export type WitnessOrUnknown =
  | { witness: Witness }
  /** The case contradicts itself (`contains 'a' and not contains 'a'`): it keeps no event. */
  | { empty: string }
  | { unknown: UnknownReason; detail: string };

type Solved = { values: Map<string, Scalar> } | Exclude<WitnessOrUnknown, { witness: Witness }>;

/** A field every event of the rule has, whatever its value: a group-by field. */
export interface RequiredField {
  written: string;
  canonical: string;
}

/** Pseudo fields of a Sigma rule's log source (`logsource.category`). */
const LOGSOURCE_PREFIX = 'logsource.';

/** Choices of predicate per OR-merged literal tried before giving up. */
const PREDICATE_CHOICES_TRIED = 16;

/**
 * Values a witness takes where they fit, by written or by canonical field: an event found
 * beforehand.
 */
export interface SuggestedEvent {
  values: ReadonlyMap<string, Scalar | null>;
  fields: 'written' | 'canonical';
}

/**
 * The witness of a case: each literal met (a positive one through one of the predicates it
 * stands for) or avoided, and each required field present. Variant `n` tries the `n`th value
 * (and predicate) of each alternative first: see `variantsOf`. With a `suggested` event, each
 * literal is first met through a predicate its value meets, and each field takes its value
 * where it fits.
 */
export function witnessOf(
  literals: Literal[],
  required: RequiredField[] = [],
  variant = 0,
  suggested?: SuggestedEvent,
): WitnessOrUnknown {
  let failure: WitnessOrUnknown | null = null;
  let writtenOnly: Witness | null = null;
  const choices = predicateChoices(literals, variant);
  const first = suggested ? [suggestedChoice(literals, suggested)] : [];
  for (const choice of [...first, ...choices]) {
    const conditions = conditionsOf(literals, choice);
    const onWritten = suggested?.fields === 'written' ? suggested.values : undefined;
    const onCanonical = suggested?.fields === 'canonical' ? suggested.values : undefined;
    const written = solve(conditions.written, variant, onWritten);
    if (!('values' in written)) {
      failure ??= written;
      continue;
    }
    for (const field of required) {
      if (!written.values.has(field.written)) written.values.set(field.written, ANY_VALUE);
    }

    const canonical = solve(conditions.canonical, variant, onCanonical);
    if (!('values' in canonical)) {
      const detail = 'empty' in canonical ? canonical.empty : canonical.detail;
      const reason = 'empty' in canonical ? 'no-single-value' : canonical.unknown;
      writtenOnly ??= { written: written.values, canonical: { unknown: reason, detail } };
      continue;
    }
    for (const field of required) {
      if (!canonical.values.has(field.canonical)) {
        canonical.values.set(field.canonical, ANY_VALUE);
      }
    }
    return { witness: { written: written.values, canonical: canonical.values } };
  }
  if (writtenOnly) return { witness: writtenOnly };
  return failure ?? { unknown: 'no-single-value', detail: 'no choice of predicates fits' };
}

type Conditions = Map<string, FieldCondition[]>;

/**
 * The conditions on written and on canonical fields. A positive literal merged from several
 * predicates (`f=a OR g=b` on one canonical field) holds through any one of them: `choice` says
 * which. A negated one must avoid them all. On canonical fields each predicate puts its
 * canonical comparison (`process.name eq x.exe` for `Image endswith '\\x.exe'`).
 */
function conditionsOf(
  literals: Literal[],
  choice: Map<Literal, number>,
): { written: Conditions; canonical: Conditions } {
  const written: Conditions = new Map();
  const canonical: Conditions = new Map();
  for (const literal of literals) {
    // No event document carries a Sigma log source: a Sigma rule reads it from the event's
    // identity (channel, provider, code, dataset), which the other literals give.
    if (literal.field.startsWith(LOGSOURCE_PREFIX)) continue;
    const chosen = literal.negated
      ? literal.predicates
      : [literal.predicates[choice.get(literal) ?? 0]];
    for (const predicate of chosen) {
      const condition = predicateCondition(predicate, literal.negated, literal.missingIsUnknown);
      add(written, predicate.field, condition);
      // A literal of one predicate is its canonical comparison (or a companion on another
      // field, see path-companions): the witness meets the literal as it is.
      const comparison = literal.predicates.length === 1 ? literal : predicate.canonical;
      if (!comparison) {
        add(canonical, literal.field, condition);
        continue;
      }
      add(canonical, comparison.field, {
        ...condition,
        op: comparison.op === 'in' ? 'eq' : comparison.op,
        values: comparison.op === 'exists' ? [] : comparison.values,
        caseSensitive: comparison.caseSensitive,
      });
    }
  }
  return { written, canonical };
}

/** How many witnesses a case gets: one per value of its longest alternative, up to a bound. */
export function variantsOf(literals: Literal[], bound: number): number {
  let most = 1;
  for (const literal of literals) {
    if (!literal.negated) most = Math.max(most, literal.values.length, literal.predicates.length);
  }
  return Math.min(most, bound);
}

/** For positive literals standing for several predicates, which one each is met through. */
function* predicateChoices(
  literals: Literal[],
  variant: number,
): Generator<Map<Literal, number>> {
  const merged = literals.filter((literal) => !literal.negated && literal.predicates.length > 1);
  // An odometer over the choices, each one started at the variant's predicate.
  const counter = merged.map(() => 0);
  for (let tried = 0; tried < PREDICATE_CHOICES_TRIED; tried++) {
    yield new Map(
      merged.map((literal, i) => [literal, (counter[i] + variant) % literal.predicates.length]),
    );
    let position = merged.length - 1;
    while (position >= 0 && counter[position] + 1 >= merged[position].predicates.length) {
      counter[position] = 0;
      position--;
    }
    if (position < 0) return;
    counter[position]++;
  }
}

/**
 * For each positive literal standing for several predicates, the first one whose suggested
 * value (on its written field, or on its canonical comparison's) meets it; else its first.
 */
function suggestedChoice(literals: Literal[], suggested: SuggestedEvent): Map<Literal, number> {
  const choice = new Map<Literal, number>();
  for (const literal of literals) {
    if (literal.negated || literal.predicates.length < 2) continue;
    const met = literal.predicates.findIndex((predicate) => {
      const compared = suggested.fields === 'written' ? predicate : predicate.canonical;
      const value = compared ? suggested.values.get(compared.field) : undefined;
      if (!compared || value === undefined || value === null) return false;
      const { op, values, caseSensitive } = compared;
      const condition: FieldCondition = {
        op: op === 'in' ? 'eq' : op,
        values: op === 'exists' ? [] : values,
        caseSensitive,
        flags: '',
        negated: false,
        missingIsUnknown: literal.missingIsUnknown,
      };
      return meets(condition, value) === true;
    });
    choice.set(literal, Math.max(met, 0));
  }
  return choice;
}

function solve(
  conditions: Conditions,
  variant: number,
  suggested?: ReadonlyMap<string, Scalar | null>,
): Solved {
  const values = new Map<string, Scalar>();
  for (const [field, list] of conditions) {
    const choice = chooseValue(list, variant, suggested?.get(field) ?? undefined);
    if (choice.kind === 'empty') return { empty: `${field}: ${choice.detail}` };
    if (choice.kind === 'unknown') {
      return { unknown: choice.reason, detail: `${field}: ${choice.detail}` };
    }
    if (choice.kind === 'value') values.set(field, choice.value);
  }
  return { values };
}

function add(conditions: Conditions, field: string, condition: FieldCondition): void {
  const list = conditions.get(field);
  if (list) list.push(condition);
  else conditions.set(field, [condition]);
}
