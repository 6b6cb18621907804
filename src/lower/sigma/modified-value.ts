// A Sigma value while its modifier chain is applied: a parsed string pattern (possibly already
// encoded into bytes), a number, a boolean or null.

import type { PatternPart } from '../../languages/sigma/string-value.js';

export type ModifiedValue =
  | {
      kind: 'string';
      parts: PatternPart[];
      /** The string as written, for `re`, `cidr` and `fieldref`, which take it verbatim. */
      written: string;
      /** True once a UTF-16 modifier turned the text into bytes. */
      bytes: boolean;
    }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' };

export type Comparison =
  | 'match'
  | 'regex'
  | 'cidr'
  | 'lt'
  | 'le'
  | 'gt'
  | 'ge'
  | 'exists'
  | 'fieldref';

/** The outcome of a whole modifier chain over the values of one detection item. */
export interface ModifiedValues {
  comparison: Comparison;
  /** One entry per value as written, holding the alternatives it expanded into (always OR). */
  values: ModifiedValue[][];
  /** `all`: the values are joined with AND instead of OR. */
  linkAll: boolean;
  cased: boolean;
  /** `neq`: the item matches when the values do not. */
  negated: boolean;
  regexFlags: string;
  /** Whether `contains`, `startswith` or `endswith` placed the wildcards themselves. */
  anchored: boolean;
  /**
   * A time modifier (`minute` … `year`): the values compare with that part of the field's date,
   * which predicates name as a derived field, `hour(EventTime)`.
   */
  timePart: string | null;
}
