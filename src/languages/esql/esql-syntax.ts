// Syntax tree of ES|QL queries: a pipeline of commands, with parsed expressions and spans.

import type { Span } from '../../ir/index.js';

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

export type EsqlExpr =
  | { kind: 'or'; args: EsqlExpr[]; span: Span }
  | { kind: 'and'; args: EsqlExpr[]; span: Span }
  | { kind: 'not'; arg: EsqlExpr; span: Span }
  | { kind: 'compare'; operator: ComparisonOperator; left: EsqlExpr; right: EsqlExpr; span: Span }
  /** `x like "p*"`, `x rlike "re"`, `x like ("a*", "b*")`, with `not` when negated. */
  | {
      kind: 'pattern';
      operator: 'like' | 'rlike';
      negated: boolean;
      left: EsqlExpr;
      patterns: EsqlExpr[];
      span: Span;
    }
  | { kind: 'in'; negated: boolean; left: EsqlExpr; values: EsqlExpr[]; span: Span }
  | { kind: 'is-null'; negated: boolean; arg: EsqlExpr; span: Span }
  /** `field : "query"`, the full-text match operator. */
  | { kind: 'match'; left: EsqlExpr; query: EsqlExpr; span: Span }
  | {
      kind: 'arithmetic';
      operator: ArithmeticOperator;
      left: EsqlExpr;
      right: EsqlExpr;
      span: Span;
    }
  | { kind: 'negate'; arg: EsqlExpr; span: Span }
  /** A function call; `name` in lower case (ES|QL function names ignore case). */
  | { kind: 'call'; name: string; args: EsqlExpr[]; span: Span }
  | { kind: 'cast'; arg: EsqlExpr; type: string; span: Span }
  /** A column, by name as written without backticks: `process.name`, `Esql.count`. */
  | { kind: 'field'; name: string; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  | { kind: 'null'; span: Span }
  /** `5m`, `1 hour`: a time span literal. */
  | { kind: 'timespan'; value: number; unit: string; span: Span }
  /** `?name` or `?`: a query parameter. */
  | { kind: 'param'; name: string; span: Span }
  /** `*` as in `count(*)`. */
  | { kind: 'star'; span: Span }
  | { kind: 'list'; items: EsqlExpr[]; span: Span }
  /** `{ "option": value, … }`: named options of a function or command. */
  | { kind: 'map'; entries: { key: string; value: EsqlExpr }[]; span: Span };

/** `name = expression` in EVAL and STATS, or a bare expression (named after its text). */
export interface EsqlAssignment {
  name: string | null;
  expr: EsqlExpr;
  /** STATS only: `count(*) where condition` counts the rows meeting the condition. */
  where?: EsqlExpr;
  span: Span;
}

export interface EsqlSortKey {
  expr: EsqlExpr;
  order: 'asc' | 'desc';
  nulls: 'first' | 'last' | null;
  span: Span;
}

/** Names written in a list (KEEP, DROP, FROM): text as written, wildcards included. */
export interface EsqlName {
  name: string;
  span: Span;
}

export type EsqlCommandBody =
  | { kind: 'from'; sources: EsqlName[]; metadata: EsqlName[] }
  | { kind: 'where'; condition: EsqlExpr }
  | { kind: 'eval'; assignments: EsqlAssignment[] }
  | { kind: 'stats'; aggregations: EsqlAssignment[]; by: EsqlAssignment[] }
  | { kind: 'keep' | 'drop'; fields: EsqlName[] }
  | { kind: 'rename'; pairs: { from: EsqlName; to: EsqlName }[] }
  | { kind: 'sort'; keys: EsqlSortKey[] }
  | { kind: 'limit'; count: number }
  /** DISSECT and GROK: the field parsed, the pattern, options such as append_separator. */
  | { kind: 'dissect' | 'grok'; input: EsqlExpr; pattern: string; options: EsqlAssignment[] }
  | { kind: 'mv_expand'; field: EsqlName }
  | { kind: 'lookup join'; index: EsqlName; on: EsqlName[] }
  | { kind: 'enrich'; policy: EsqlName; on: EsqlName | null; with: EsqlAssignment[] }
  /** `COMPLETION [column =] prompt WITH { options }`: asks a language model, adds a column. */
  | { kind: 'completion'; prompt: EsqlAssignment; options: EsqlExpr | null }
  /** A command this parser recognises by name only; its text is kept. */
  | { kind: 'unparsed' };

export interface EsqlCommand {
  /** Command name in lower case, e.g. `where`, `inline stats`, `lookup join`. */
  name: string;
  body: EsqlCommandBody;
  /** The command's text as written, without the leading `|`. */
  text: string;
  span: Span;
}

export interface EsqlSyntaxError {
  message: string;
  span: Span;
}

/**
 * A parsed query. Commands that could not be parsed still appear (body `unparsed`), with
 * their problem in `errors`, so that one bad command does not hide the others.
 */
export interface EsqlQuery {
  commands: EsqlCommand[];
  errors: { command: number; error: EsqlSyntaxError }[];
}

export type EsqlParse = { ok: true; query: EsqlQuery } | { ok: false; error: EsqlSyntaxError };
