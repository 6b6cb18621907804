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
      /** Where each option is written: a macro may supply some (`summariesonly=…`). */
      optionSpans?: Record<string, Span>;
      aggregations: Aggregation[];
      by: string[];
    }
  | {
      kind: 'tstats';
      options: Record<string, string>;
      /** Where each option is written: a macro may supply some (`summariesonly=…`). */
      optionSpans: Record<string, Span>;
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
  | BinArgs
  | MultivalueArgs
  | ExtractionArgs
  | DerivedFieldArgs
  | { kind: 'sort'; limit: number | null; keys: SortKey[]; descending: boolean }
  | { kind: 'replace'; replacements: Replacement[]; fields: string[] }
  | TransactionArgs
  | DatasetArgs
  | ModelArgs
  | {
      kind: 'cyberchef';
      infield: string | null;
      outfield: string | null;
      recipe: CyberchefRecipe | null;
      options: Record<string, string>;
    }
  | {
      kind: 'map';
      search: NestedSearch | null;
      /** The saved search run instead, when one is named. */
      savedSearch: string | null;
      options: Record<string, string>;
    }
  | RowLimitArgs
  | SubsearchOutputArgs
  | ReshapeArgs
  | { kind: 'macro-stage'; call: MacroCall }
  | { kind: 'arguments'; items: ArgumentItem[] }
  | { kind: 'unknown'; text: string };

export interface Conversion {
  function: string;
  field: string;
  as: string | null;
  span: Span;
}

/** `bin`/`bucket`: puts a field's values into ranges (`span=5m`, `bins=10`). */
export interface BinArgs {
  kind: 'bin';
  field: string | null;
  as: string | null;
  span: string | null;
  bins: number | null;
  /** Other options (`minspan`, `start`, `end`, `aligntime`), as text. */
  options: Record<string, string>;
}

/** Commands that split, join or flatten multivalue fields. */
export type MultivalueArgs =
  | { kind: 'mvexpand'; field: string | null; limit: number | null }
  | {
      kind: 'makemv';
      field: string | null;
      delim: string | null;
      /** A regular expression whose matches (or first group) become the values. */
      tokenizer: string | null;
      allowempty: boolean | null;
      setsv: boolean | null;
    }
  | { kind: 'mvcombine'; field: string | null; delim: string | null }
  | { kind: 'nomv'; field: string | null };

/** Commands that extract fields from a field's text (JSON, XML, key-value pairs, tables). */
export type ExtractionArgs =
  | { kind: 'spath'; input: string | null; output: string | null; path: string | null }
  | { kind: 'fromjson'; field: string | null; prefix: string | null }
  | { kind: 'xmlkv'; field: string | null; maxinputs: number | null }
  | {
      kind: 'extract';
      /** `kvdelim`, `pairdelim`, `limit`, `reload`…, as text. */
      options: Record<string, string>;
      /** Names of configured extractions to apply; empty applies the default ones. */
      extractors: string[];
    }
  | {
      kind: 'multikv';
      options: Record<string, string>;
      /** `fields a b`: the table columns kept; empty keeps all. */
      fields: string[];
      /** `filter a b`: only table rows holding one of these terms. */
      filter: string[];
    };

/** Commands that add fields computed from others, row by row or across rows. */
export type DerivedFieldArgs =
  | {
      kind: 'iplocation';
      field: string | null;
      prefix: string | null;
      allfields: boolean | null;
      lang: string | null;
    }
  | {
      kind: 'addtotals';
      /** The field holding the row total (`fieldname=`); null means `Total`. */
      fieldname: string | null;
      /** `row`, `col`, `labelfield`, `label`, as text. */
      options: Record<string, string>;
      /** The fields summed (wildcards allowed); empty sums every numeric field. */
      fields: string[];
    }
  | { kind: 'strcat'; sources: StrcatSource[]; target: string | null; allrequired: boolean | null }
  | { kind: 'filldown'; fields: string[] }
  | { kind: 'rangemap'; field: string | null; ranges: RangemapRange[]; default: string | null }
  | { kind: 'delta'; field: string | null; as: string | null; p: number | null }
  | { kind: 'accum'; field: string | null; as: string | null }
  | { kind: 'addinfo' }
  | { kind: 'tojson'; fields: TypedField[]; options: Record<string, string> };

/** A field sorted on: `-count`, `+str(user)`. */
export interface SortKey {
  field: string;
  descending: boolean;
  /** How values compare: `auto`, `str`, `ip`, `num`; null when not said (auto). */
  as: string | null;
  span: Span;
}

/** `"a" with "b"` in `replace`: values matching the glob `from` become `to`. */
export interface Replacement {
  from: string;
  to: string;
  span: Span;
}

/** One part of `strcat`: a field's value or a quoted literal. */
export interface StrcatSource {
  kind: 'field' | 'string';
  value: string;
  span: Span;
}

/** `name=low-high` in `rangemap`. */
export interface RangemapRange {
  name: string;
  low: number;
  high: number;
  span: Span;
}

/** A field with an optional type, as `tojson` takes them: `str(user)`, `host`. */
export interface TypedField {
  field: string;
  type: string | null;
  span: Span;
}

/** `transaction`: groups events sharing fields into one row per transaction. */
export interface TransactionArgs {
  kind: 'transaction';
  fields: string[];
  maxspan: string | null;
  maxpause: string | null;
  maxevents: number | null;
  startswith: TransactionBoundary | null;
  endswith: TransactionBoundary | null;
  /** Other options (`connected`, `keepevicted`, `mvlist`…), as text. */
  options: Record<string, string>;
}

/**
 * The event that opens or closes a transaction: a search in parentheses or bare, a quoted
 * search (its spans are offsets into `text`, the string's value), or `eval(…)`.
 */
export type TransactionBoundary =
  | { kind: 'search'; expr: SearchNode | null; span: Span }
  | { kind: 'quoted-search'; text: string; expr: SearchNode | null; span: Span }
  | { kind: 'eval'; expr: EvalNode | null; span: Span };

/** Commands that read or write whole datasets: lookup tables, data models, other searches. */
export type DatasetArgs =
  | {
      kind: 'inputlookup';
      table: string | null;
      options: Record<string, string>;
      /** `where …`: the rows kept, in search syntax. */
      where: SearchNode | null;
    }
  | { kind: 'outputlookup'; table: string | null; options: Record<string, string> }
  | {
      kind: 'from';
      /** `datamodel`, `lookup`, `savedsearch`, `inputlookup`…; null when not written. */
      datasetType: string | null;
      dataset: string | null;
    }
  | {
      kind: 'datamodel';
      model: string | null;
      dataset: string | null;
      /** `search`, `flat` or `acceleration_search`; null shows the model's structure. */
      mode: string | null;
      options: Record<string, string>;
    }
  | {
      kind: 'makeresults';
      count: number | null;
      annotate: boolean | null;
      options: Record<string, string>;
    }
  | { kind: 'union'; datasets: UnionDataset[]; options: Record<string, string> }
  | { kind: 'multisearch'; searches: NestedSearch[] }
  | { kind: 'rest'; endpoint: string | null; options: Record<string, string> }
  | { kind: 'collect'; index: string | null; options: Record<string, string> };

/** A dataset `union` combines: a subsearch or a named dataset (`datamodel:Web`, a saved search). */
export type UnionDataset =
  | { kind: 'subsearch'; pipeline: Pipeline; span: Span }
  | { kind: 'named'; name: string; span: Span };

/**
 * A search a command runs: a `[ … ]` subsearch (spans in the command's text), or a quoted
 * search (`map search="…"`) parsed on its own, its spans offsets into `text`.
 */
export type NestedSearch =
  | { kind: 'subsearch'; pipeline: Pipeline; span: Span }
  | { kind: 'quoted'; text: string; pipeline: Pipeline; span: Span };

/** Machine-learning and statistical commands: models applied or fitted, outliers found. */
export type ModelArgs =
  | { kind: 'apply'; model: string | null; as: string | null; options: Record<string, string> }
  | {
      kind: 'fit';
      algorithm: string | null;
      /** The field predicted (`fit A y from x1 x2`); null for unsupervised algorithms. */
      target: string | null;
      fields: string[];
      /** `by <field>…`: a model fitted per value of these fields. */
      by: string[];
      into: string | null;
      as: string | null;
      options: Record<string, string>;
    }
  | {
      kind: 'outlier' | 'anomalydetection';
      /** What is done to outliers (`remove`, `transform`, `annotate`, `filter`…), as written. */
      action: string | null;
      options: Record<string, string>;
      fields: string[];
    };

/** A `cyberchef` recipe written in the search: its JSON text and its operations' names. */
export interface CyberchefRecipe {
  text: string;
  operations: string[];
}

/** `head`/`tail`: the first or last rows, by count or (head) while a condition holds. */
export interface RowLimitArgs {
  kind: 'head' | 'tail';
  count: number | null;
  condition: EvalNode | null;
  options: Record<string, string>;
}

/** Commands that turn a subsearch's rows into search text. */
export type SubsearchOutputArgs =
  | { kind: 'return'; count: number | null; returns: ReturnedValue[] }
  | {
      kind: 'format';
      /** The six separators, in order (row prefix … row end), when written. */
      separators: string[];
      options: Record<string, string>;
    };

/** One thing `return` gives back: `field` (as `field=value`), `alias=field`, `$field` (value). */
export interface ReturnedValue {
  field: string;
  /** The name the condition uses: the field, its alias, or null for a bare value (`$field`). */
  as: string | null;
  span: Span;
}

/** Commands that turn rows into a table and back. */
export type ReshapeArgs =
  | {
      kind: 'xyseries';
      x: string | null;
      yName: string | null;
      yData: string[];
      options: Record<string, string>;
    }
  | { kind: 'untable'; x: string | null; yName: string | null; yData: string | null };
