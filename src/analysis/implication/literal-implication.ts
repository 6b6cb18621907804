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
export function literalImplies(b: Literal, a: Literal): boolean {
  if (b.field !== a.field || b.dialect !== a.dialect || b.negated !== a.negated) return false;
  if (!b.negated) return positiveImplies(b, a);

  // A missing field makes `NOT f=x` true only where missing-field comparisons are false.
  if (b.op === 'exists' && a.op !== 'exists' && (b.missingIsUnknown || a.missingIsUnknown)) {
    return false;
  }
  return positiveImplies(a, b);
}

/** Whether the literal, read positively, can only hold when its field has a value. */
export function requiresPresence(literal: Literal): boolean {
  if (literal.op === 'exists') return true;
  if (!PRESENCE_OPS.has(literal.op) || literal.values.length === 0) return false;
  return literal.values.every((value) => value !== null);
}

function positiveImplies(b: Literal, a: Literal): boolean {
  if (a.op === 'exists') return requiresPresence(b);
  if (b.op === 'exists' || b.values.length === 0) return false;

  const implies = a.verbatim || b.verbatim ? isSameValue : valueImplies;
  const sameComparison =
    b.op === a.op && b.caseSensitive === a.caseSensitive && b.flags === a.flags;
  const broader = preparedOf(a);
  return preparedOf(b).values.every(
    (bValue) =>
      (sameComparison && broader.keys.has(bValue.key)) ||
      broader.values.some((aValue) => implies(b, bValue, a, aValue)),
  );
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
