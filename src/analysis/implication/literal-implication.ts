// Implication between literals: same field, compatible dialects, values compared atom by atom.

import type { Op } from '../../ir/index.js';
import { ANCHOR_CHECKS, TextAnchors, type TextOp } from '../neighbors/text-anchors.js';
import { comparedValueOf, isSameValue, valueImplies, type ComparedValue } from './atom.js';
import type { Literal } from './literal.js';

/** Operators that only hold for a field that has a value. */
const PRESENCE_OPS: ReadonlySet<Op> = new Set([
  'eq',
  'contains',
  'startswith',
  'endswith',
  'wildcard',
  'regex',
  'lt',
  'le',
  'gt',
  'ge',
  'cidr',
  'exists',
]);

/**
 * How many value comparisons one question may make; past it the answer is "not shown", so two
 * literals of 100,000 values each cost a bounded time. Shared by the questions of one proof.
 */
export interface ComparisonBudget {
  comparisons: number;
}

/** The budget of a single question asked on its own. */
export const LITERAL_COMPARISONS = 1_000_000;

/** Text operators a narrower value's text is looked up under, when the broader has many values. */
const TEXT_OPS: ReadonlySet<Op> = new Set(['contains', 'startswith', 'endswith']);

/** Which narrower operators can imply each text operator (see `atom.ts`). */
const TEXT_IMPLIED_BY: Readonly<Record<string, ReadonlySet<Op>>> = {
  contains: new Set(['eq', 'contains', 'startswith', 'endswith']),
  startswith: new Set(['eq', 'startswith']),
  endswith: new Set(['eq', 'endswith']),
};

/** From this many values on, a text literal's values are found by anchor, not one by one. */
const INDEXED_VALUES = 32;

interface PreparedValues {
  values: ComparedValue[];
  keys: Set<string>;
  /** Text values by the text they are compared on (folded unless case-sensitive); or null. */
  anchors: TextAnchors<ComparedValue> | null;
}

/** Each literal's values, prepared once: a literal is compared with many others. */
const prepared = new WeakMap<Literal, PreparedValues>();

/**
 * Whether every event satisfying `b` satisfies `a`. Fields may hold several values, so a
 * positive literal is read as "some value matches": `b` implies `a` when each of b's values
 * implies one of a's. A negated literal implies a negated one by contraposition. A positive
 * literal never implies a negated one, nor the reverse: with several values per field, even
 * `f=x` does not rule out `f=y`. Verbatim literals (words of text) only imply equal values.
 */
export function literalImplies(
  b: Literal,
  a: Literal,
  budget: ComparisonBudget = { comparisons: LITERAL_COMPARISONS },
): boolean {
  if (--budget.comparisons < 0) return false;
  if (b.field !== a.field || b.negated !== a.negated || !dialectsCompare(b, a)) return false;
  if (!b.negated) return positiveImplies(b, a, budget);

  // A missing field makes `NOT f=x` true only where missing-field comparisons are false.
  if (b.op === 'exists' && a.op !== 'exists' && (b.missingIsUnknown || a.missingIsUnknown)) {
    return false;
  }
  return positiveImplies(a, b, budget);
}

/**
 * Whether `b` may imply `a` given their dialects: always within one dialect; across dialects
 * only shared literals (whole values, any value matching), and a negation that holds on a
 * missing field (two-valued dialects) only implies one that does too — a three-valued negation
 * (SPL `where`, EQL) holds only where the field has a value, so it implies either kind.
 */
export function dialectsCompare(b: Literal, a: Literal): boolean {
  if (b.dialect === a.dialect) return true;
  if (!b.shared || !a.shared) return false;
  return !b.negated || b.missingIsUnknown || !a.missingIsUnknown;
}

/** Whether the literal, read positively, can only hold when its field has a value. */
export function requiresPresence(literal: Literal): boolean {
  if (literal.op === 'exists') return true;
  if (!PRESENCE_OPS.has(literal.op) || literal.values.length === 0) return false;
  return literal.values.every((value) => value !== null);
}

function positiveImplies(b: Literal, a: Literal, budget: ComparisonBudget): boolean {
  if (a.op === 'exists') return requiresPresence(b);
  if (b.op === 'exists' || b.values.length === 0) return false;

  const implies = a.verbatim || b.verbatim ? isSameValue : valueImplies;
  const sameComparison =
    b.op === a.op && b.caseSensitive === a.caseSensitive && b.flags === a.flags;
  const broader = preparedOf(a);
  return preparedOf(b).values.every((bValue) => {
    if (--budget.comparisons < 0) return false;
    if (sameComparison && broader.keys.has(bValue.key)) return true;
    return candidatesOf(b, bValue, a, broader, budget).some(
      (aValue) => --budget.comparisons >= 0 && implies(b, bValue, a, aValue),
    );
  });
}

/**
 * The broader values that may be implied by one narrower value, besides an equal one: with an
 * anchor index, those whose text the narrower text contains, starts or ends with; else all.
 */
function candidatesOf(
  b: Literal,
  bValue: ComparedValue,
  a: Literal,
  broader: PreparedValues,
  budget: ComparisonBudget,
): ComparedValue[] {
  // Verbatim values only imply equal ones, which the caller found by key.
  if (a.verbatim || b.verbatim) return [];
  if (!broader.anchors) return broader.values;
  if (!TEXT_IMPLIED_BY[a.op].has(b.op) || bValue.text === null) return [];
  let text: string | null = bValue.folded;
  if (a.caseSensitive) text = b.caseSensitive || bValue.caseless ? bValue.text : null;
  if (text === null) return [];

  // Anchor checks are comparisons too: values sharing their first characters cost one each.
  const allowed = Math.max(0, Math.min(budget.comparisons, ANCHOR_CHECKS));
  const lookup = { checks: allowed };
  const candidates = broader.anchors.reachedBy(text, lookup);
  budget.comparisons -= allowed - lookup.checks;
  return candidates;
}

function preparedOf(literal: Literal): PreparedValues {
  let values = prepared.get(literal);
  if (!values) {
    const compared = literal.values.map((value) => comparedValueOf(value, literal));
    const keys = new Set(compared.map((value) => value.key));
    values = { values: compared, keys, anchors: anchorsOf(literal, compared) };
    prepared.set(literal, values);
  }
  return values;
}

function anchorsOf(literal: Literal, values: ComparedValue[]): TextAnchors<ComparedValue> | null {
  if (!TEXT_OPS.has(literal.op) || values.length < INDEXED_VALUES) return null;
  const anchors = new TextAnchors<ComparedValue>(literal.op as TextOp);
  for (const value of values) {
    const text = literal.caseSensitive ? value.text : value.folded;
    if (text !== null) anchors.add(text, value);
  }
  return anchors;
}
