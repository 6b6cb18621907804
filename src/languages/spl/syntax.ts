// The SPL syntax tree: a pipeline of commands, with search and eval expressions parsed.
// Every node carries its span: offsets into the text it was parsed from (after macro expansion).

import type { Span } from '../../ir/index.js';

/** A problem found while parsing, located in the parsed text. */
export interface ParseIssue {
  message: string;
  span: Span;
}

export interface Pipeline {
  commands: CommandNode[];
  span: Span;
}

export interface CommandNode {
  /** Command name as written (`stats`), `search` for the implicit first search. */
  name: string;
  /** True for the search a query starts with when it does not start with `|`. */
  implicit: boolean;
  /** Whole command, without the leading `|`. */
  span: Span;
  /** The arguments after the command name. */
  argsSpan: Span;
  args: CommandArgs;
  issues: ParseIssue[];
}

/** A value in search syntax: quoted and unquoted parts joined, escapes resolved. */
export interface SearchValue {
  /**
   * The value as a glob pattern: `*` is a wildcard, `\*` a literal star, `\\` a backslash,
   * `\?` a literal question mark.
   */
  pattern: string;
  /** True when any part of the value was quoted. */
  quoted: boolean;
  span: Span;
}

export type SearchComparator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** Search directives that change how the term in their parentheses matches. */
export type SearchDirective = 'TERM' | 'CASE';

export type SearchNode =
  | { kind: 'and'; args: SearchNode[]; span: Span }
  | { kind: 'or'; args: SearchNode[]; span: Span }
  | { kind: 'not'; arg: SearchNode; span: Span }
  | {
      kind: 'compare';
      field: string;
      fieldSpan: Span;
      comparator: SearchComparator;
      value: SearchValue;
      span: Span;
    }
  | { kind: 'in'; field: string; fieldSpan: Span; values: SearchValue[]; span: Span }
  | { kind: 'term'; value: SearchValue; span: Span }
  | {
      kind: 'directive';
      /** `TERM(x)`: x as one indexed term; `CASE(x)`: x matched case-sensitively. */
      directive: SearchDirective;
      /** The term inside; null when the parentheses hold anything but one term. */
      value: SearchValue | null;
      /** The field when written as a comparison value (`field=CASE(x)`). */
      field: string | null;
      span: Span;
    }
  | { kind: 'macro'; call: MacroCall; span: Span }
  | { kind: 'subsearch'; pipeline: Pipeline; span: Span };

/** A macro call left in the text: a tuning hook, a built-in stage, or one that did not expand. */
export interface MacroCall {
  name: string;
  args: string[];
  span: Span;
}

export type EvalBinaryOperator =
  | 'OR'
  | 'XOR'
  | 'AND'
  | '='
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'LIKE'
  | '+'
  | '-'
  | '.'
  | '*'
  | '/'
  | '%';

export type EvalNode =
  | { kind: 'binary'; operator: EvalBinaryOperator; left: EvalNode; right: EvalNode; span: Span }
  | { kind: 'not'; arg: EvalNode; span: Span }
  | { kind: 'negate'; arg: EvalNode; span: Span }
  | { kind: 'in'; arg: EvalNode; values: EvalNode[]; span: Span }
  | { kind: 'call'; name: string; args: EvalNode[]; span: Span }
  | { kind: 'field'; name: string; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'macro'; call: MacroCall; span: Span }
  | { kind: 'subsearch'; pipeline: Pipeline; span: Span };

export interface EvalAssignment {
  field: string;
  expr: EvalNode;
  span: Span;
}

/** One argument of a command in the syntax most commands share. */
export type ArgumentItem =
  | { kind: 'word'; text: string; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'option'; name: string; comparator: '=' | '!='; value: ArgumentItem; span: Span }
  | { kind: 'call'; name: string; args: ArgumentItem[]; innerSpan: Span; span: Span }
  | { kind: 'comma'; span: Span }
  | { kind: 'macro'; call: MacroCall; span: Span }
  | { kind: 'subsearch'; pipeline: Pipeline; span: Span };

/** A field and the name it is given (`x AS y`); `as` is null when not renamed. */
export interface FieldAlias {
  field: string;
  as: string | null;
  span: Span;
}

export interface Aggregation {
  /** Function name: `count`, `dc`, `values`, `min`… */
  function: string;
  /** Field argument; null for `count` without one. */
  field: string | null;
  /** `eval(…)` argument, parsed. */
  evalArg: EvalNode | null;
  as: string | null;
  span: Span;
}

export type CommandArgs =
  | { kind: 'search'; expr: SearchNode | null }
  | { kind: 'where'; expr: EvalNode | null }
  | { kind: 'eval'; assignments: EvalAssignment[] }
  | {
      kind: 'stats';
      options: Record<string, string>;
      aggregations: Aggregation[];
      by: string[];
    }
  | {
      kind: 'tstats';
      options: Record<string, string>;
      aggregations: Aggregation[];
      /** `datamodel=Endpoint.Processes` → `Endpoint.Processes`; null without `from`. */
      datamodel: string | null;
      where: SearchNode | null;
      by: string[];
    }
  | { kind: 'fillnull'; value: string | null; fields: string[] }
  | { kind: 'rename'; renames: FieldAlias[] }
  | { kind: 'fields'; mode: '+' | '-'; fields: string[] }
  | { kind: 'convert'; options: Record<string, string>; conversions: Conversion[] }
  | {
      kind: 'lookup';
      table: string | null;
      options: Record<string, string>;
      inputs: FieldAlias[];
      outputMode: 'OUTPUT' | 'OUTPUTNEW' | null;
      outputs: FieldAlias[];
    }
  | { kind: 'rex'; field: string; options: Record<string, string>; pattern: string | null }
  | {
      kind: 'regex';
      field: string;
      negated: boolean;
      pattern: string | null;
    }
  | { kind: 'dedup'; count: number | null; options: Record<string, string>; fields: string[] }
  | { kind: 'macro-stage'; call: MacroCall }
  | { kind: 'arguments'; items: ArgumentItem[] }
  | { kind: 'unknown'; text: string };

export interface Conversion {
  function: string;
  field: string;
  as: string | null;
  span: Span;
}
