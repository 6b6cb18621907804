// Syntax tree of Event Query Language (EQL) queries, with source spans.

import type { Span } from '../../ir/index.js';

/**
 * Comparison operators. `:` compares case-insensitively with `*`/`?` wildcards, `==` and `in`
 * exactly; `like`/`regex` take patterns, and every `~` form is the case-insensitive one.
 */
export type EqlOperator =
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | ':'
  | 'like'
  | 'like~'
  | 'regex'
  | 'regex~'
  | 'in'
  | 'in~';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

export interface EqlField {
  kind: 'field';
  /** Dotted path without backticks or the `?` marker, e.g. `process.parent.name`. */
  path: string;
  /** `?field`: a field that may be missing from the schema; missing reads as null. */
  optional: boolean;
  /** Array positions written after the path, `process.args[0]` → [0]. */
  indexes: number[];
  span: Span;
}

export type EqlExpr =
  | { kind: 'or'; args: EqlExpr[]; span: Span }
  | { kind: 'and'; args: EqlExpr[]; span: Span }
  | { kind: 'not'; arg: EqlExpr; span: Span }
  | {
      kind: 'compare';
      operator: EqlOperator;
      left: EqlExpr;
      /** One value, or the items of a parenthesized list (`in`, `: (…)`, `like (…)`). */
      values: EqlExpr[];
      /** Whether the values were written as a parenthesized list. */
      list: boolean;
      span: Span;
    }
  | { kind: 'call'; name: string; insensitive: boolean; args: EqlExpr[]; span: Span }
  | { kind: 'arithmetic'; operator: ArithmeticOperator; left: EqlExpr; right: EqlExpr; span: Span }
  | { kind: 'negate'; arg: EqlExpr; span: Span }
  | EqlField
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  | { kind: 'null'; span: Span };

/** `category where condition`; the category `any` matches every event. */
export interface EqlEventQuery {
  kind: 'event';
  category: { name: string; span: Span };
  condition: EqlExpr;
  span: Span;
}

/** One bracketed step of a sequence or sample. */
export interface EqlStep {
  query: EqlEventQuery;
  /** Join keys of this step (`[ … ] by process.entity_id`). */
  by: EqlExpr[];
  /** `with runs=n`: the step repeats n times. */
  runs: number | null;
  /** `![ … ]`: the sequence requires that no such event happens at this position. */
  missing: boolean;
  span: Span;
}

export interface EqlTimespan {
  /** As written, e.g. `5m`. */
  text: string;
  value: number;
  /** `ms`, `s`, `m`, `h` or `d`; empty when only a number was written. */
  unit: string;
  span: Span;
}

export interface EqlSequence {
  kind: 'sequence';
  /** Join keys shared by every step. */
  by: EqlExpr[];
  maxspan: EqlTimespan | null;
  steps: EqlStep[];
  until: EqlStep | null;
  span: Span;
}

export interface EqlSample {
  kind: 'sample';
  by: EqlExpr[];
  steps: EqlStep[];
  span: Span;
}

/** `| head 5`, `| filter …`, `| unique …`: post-processing of the results. */
export interface EqlPipe {
  name: string;
  args: EqlExpr[];
  span: Span;
}

export interface EqlQuery {
  body: EqlEventQuery | EqlSequence | EqlSample;
  pipes: EqlPipe[];
  span: Span;
}

export interface EqlSyntaxError {
  message: string;
  span: Span;
}

export type EqlParse = { ok: true; query: EqlQuery } | { ok: false; error: EqlSyntaxError };
