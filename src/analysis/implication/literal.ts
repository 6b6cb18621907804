// A literal: one condition on one field, the unit implication compares.

import type { Op, Predicate, Scalar } from '../../ir/index.js';

export interface Literal {
  /** Canonical field (semantics/canonical-field). */
  field: string;
  /** Never `in`: an `in` list is `eq` with several values. */
  op: Op;
  /**
   * A positive literal holds when the field has a value matching any of these; a negated one
   * when it has none. `exists` has no values.
   */
  values: Scalar[];
  caseSensitive: boolean;
  /** Regex flags; empty for other operators. */
  flags: string;
  negated: boolean;
  /**
   * Language and stage command the predicate comes from (`spl:search`, `spl:where`,
   * `sigma:detection`). Matching of missing fields and multi-valued fields differs between
   * dialects, so literals only imply literals of their own dialect.
   */
  dialect: string;
  /**
   * Whether the literal matches words or segments of text (raw-text terms, analyzed fields)
   * rather than whole values: substring reasoning does not hold, only equal values imply.
   */
  verbatim: boolean;
  /**
   * Whether a comparison on a missing field is unknown rather than false (SPL `where`, EQL):
   * then a negated literal, too, only holds when the field has a value.
   */
  missingIsUnknown: boolean;
  /** The predicates the literal stands for, as written in the rule. */
  predicates: Predicate[];
}
