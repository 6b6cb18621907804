// One step of a rule's pipeline: an SPL command, a Sigma detection, an EQL sequence step...

import type { Expr, SubsearchCondition } from './predicate.js';
import type { MacroOrigin, Span } from './span.js';

/**
 * What a stage does to the event stream:
 * - filter: drops events (search, where, Sigma detection, KQL query)
 * - aggregate: groups events into rows (stats, tstats — which may also filter —, threshold)
 * - filter-aggregated: conditions on aggregated rows (a where after stats)
 * - enrich: adds fields (eval, lookup, rex, iplocation)
 * - format: changes presentation only (table, rename, convert ctime, sort)
 * - tuning-hook: a customer-specific exclusion point, empty by default (`*_filter` macros)
 */
export type Effect =
  | 'filter'
  | 'aggregate'
  | 'filter-aggregated'
  | 'enrich'
  | 'format'
  | 'tuning-hook';

/** Fields an aggregation groups by: events lacking any of them are dropped unless filled. */
export interface GroupBy {
  fields: string[];
  /** Fields given a value first (fillnull, fillnull_value) so missing ones are kept. */
  filled: string[] | 'all';
}

export interface Stage {
  /** 1-based position, as pages show it. */
  index: number;
  /** Command name: `search`, `where`, `stats`, `tstats`, `detection`, `query`, `sequence`… */
  command: string;
  /** Text of the stage after macro expansion. */
  text: string;
  effect: Effect;
  /** Parsed arguments that are not predicates (by-fields, function calls, options). */
  args: Record<string, unknown>;
  /** The filter this stage applies, if any. */
  predicate?: Expr;
  groupBy?: GroupBy;
  span?: Span;
  origin?: MacroOrigin;
  /** Searches nested in the command's arguments (`join`, `append`), lowered into stages. */
  subsearches?: SubsearchCondition[];
  /** True when the stage is not understood; a diagnostic says why. */
  opaque?: boolean;
}
