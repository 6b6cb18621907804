// A literal: one condition on one field, the unit implication compares.

import type { Op, Predicate, Scalar } from '../../ir/index.js';

export interface Literal {
  /** The field of the predicate's canonical comparison (`predicate.canonical`). */
  field: string;
  /** The canonical operator; never `in`: an `in` list is `eq` with several values. */
  op: Op;
  /**
   * Canonical values. A positive literal holds when the field has a value matching any of
   * these; a negated one when it has none. `exists` has no values.
   */
  values: Scalar[];
  caseSensitive: boolean;
  /** Regex flags; empty for other operators. */
  flags: string;
  negated: boolean;
  /**
   * Language and stage command the predicate comes from (`spl:search`, `spl:where`,
   * `sigma:detection`), or `model` for a statement of the event model. Literals of one dialect
   * always compare; across dialects only `shared` ones do.
   */
  dialect: string;
  /**
   * Whether the literal compares whole values, holding when any value of the field matches, the
   * same way in every dialect that has such literals (SPL search and tstats, Sigma, KQL and
   * Query DSL on keyword fields, EQL): then it compares with shared literals of other dialects.
   * Literals of SPL `where` and ES|QL, regexes, field references and placeholders do not.
   */
  shared: boolean;
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
  /**
   * The predicates the literal stands for, as written in the rule (for a `model` literal, the
   * statement made a predicate, with no span).
   */
  predicates: Predicate[];
}
