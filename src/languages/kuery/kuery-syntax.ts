// Syntax tree of Kibana Query Language (KQL, `language = "kuery"`) queries, with source spans.

import type { Span } from '../../ir/index.js';

/** A piece of a value: literal text or the `*` wildcard (KQL has no single-character one). */
export type ValuePart = { kind: 'text'; text: string } | { kind: 'wildcard' };

/** A value or field name as written: quoted phrases never hold wildcards. */
export interface KueryLiteral {
  quoted: boolean;
  parts: ValuePart[];
  /** The literal's text in the query, escapes and quotes included. */
  text: string;
  span: Span;
}

/** Boolean structure shared by queries and by value lists such as `field:(a or not b)`. */
export type KueryBoolean<Leaf> =
  | { kind: 'or'; args: KueryBoolean<Leaf>[]; span: Span }
  | { kind: 'and'; args: KueryBoolean<Leaf>[]; span: Span }
  | { kind: 'not'; arg: KueryBoolean<Leaf>; span: Span }
  | Leaf;

export type RangeOperator = '<' | '<=' | '>' | '>=';

/** `field : value` or `field : (value list)`. */
export interface KueryMatch {
  kind: 'match';
  field: KueryLiteral;
  values: KueryBoolean<KueryValue>;
  span: Span;
}

export interface KueryValue {
  kind: 'value';
  literal: KueryLiteral;
  span: Span;
}

/** `field < value` and the other range comparisons. */
export interface KueryRange {
  kind: 'range';
  field: KueryLiteral;
  operator: RangeOperator;
  value: KueryLiteral;
  span: Span;
}

/** `field : { query }`: the inner query applies to the objects of a nested field. */
export interface KueryNested {
  kind: 'nested';
  field: KueryLiteral;
  query: KueryQuery;
  span: Span;
}

/** A value without a field: searched in the default fields. */
export interface KueryFreeText {
  kind: 'free-text';
  literal: KueryLiteral;
  span: Span;
}

export type KueryQuery = KueryBoolean<KueryMatch | KueryRange | KueryNested | KueryFreeText>;

/** Why a query could not be parsed, and where. */
export interface KuerySyntaxError {
  message: string;
  span: Span;
}

export type KueryParse =
  | { ok: true; query: KueryQuery | null }
  | { ok: false; error: KuerySyntaxError };
