// Syntax tree of a Sigma `condition`: search identifiers joined by and/or/not, quantifiers over
// identifier patterns, and the obsolete Sigma v1 aggregation after a `|`.

import type { Span } from '../../ir/index.js';

/** `1 of …` or `all of …`. */
export type Quantifier = 'one' | 'all';

/** What a quantifier ranges over: every search identifier (`them`) or those matching a pattern. */
export type QuantifierTarget = { kind: 'them' } | { kind: 'pattern'; pattern: string };

export type ConditionNode =
  | { kind: 'identifier'; name: string; span: Span }
  | { kind: 'and'; args: ConditionNode[]; span: Span }
  | { kind: 'or'; args: ConditionNode[]; span: Span }
  | { kind: 'not'; arg: ConditionNode; span: Span }
  | { kind: 'quantified'; quantifier: Quantifier; target: QuantifierTarget; span: Span };

export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '=' | '!=';

/** Sigma v1 `| count(field) by group > n`, superseded by correlation rules. */
export interface ConditionAggregation {
  /** `count`, `min`, `max`, `avg`, `sum`. */
  function: string;
  field: string | null;
  groupBy: string | null;
  operator: ComparisonOperator;
  threshold: number;
  span: Span;
}

/** A problem found in the condition text; spans are offsets into that text. */
export interface ConditionProblem {
  message: string;
  span: Span;
}

export interface ParsedCondition {
  /** Null when the condition could not be parsed; problems say why. */
  expression: ConditionNode | null;
  aggregation: ConditionAggregation | null;
  problems: ConditionProblem[];
}
