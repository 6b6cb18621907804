// Implication between literals: same field and dialect, values compared atom by atom.

import type { Op } from '../../ir/index.js';
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

interface PreparedValues {
  values: ComparedValue[];
  keys: Set<string>;
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
  if (b.field !== a.field || b.dialect !== a.dialect || b.negated !== a.negated) return false;
  if (!b.negated) return positiveImplies(b, a, budget);

  // A missing field makes `NOT f=x` true only where missing-field comparisons are false.
  if (b.op === 'exists' && a.op !== 'exists' && (b.missingIsUnknown || a.missingIsUnknown)) {
    return false;
  }
  return positiveImplies(a, b, budget);
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
    return broader.values.some(
      (aValue) => --budget.comparisons >= 0 && implies(b, bValue, a, aValue),
    );
  });
}

function preparedOf(literal: Literal): PreparedValues {
  let values = prepared.get(literal);
  if (!values) {
    const compared = literal.values.map((value) => comparedValueOf(value, literal));
    values = { values: compared, keys: new Set(compared.map((value) => value.key)) };
    prepared.set(literal, values);
  }
  return values;
}
