// What each SPL command does to the event stream, as one of the design's stage effects.

import type { Effect } from '../../ir/index.js';
import type { CommandArgs } from '../../languages/spl/syntax.js';

/** Commands that group events into rows; the first one ends the event-filtering part. */
export const AGGREGATING = new Set([
  'stats', 'tstats', 'mstats', 'chart', 'timechart', 'top', 'rare', 'geostats', 'sistats',
  'transaction', 'dedup', 'mvcombine',
]);

/** Commands that only filter: `filter` before the first aggregation, `filter-aggregated` after. */
export const FILTERING = new Set(['search', 'where', 'regex']);

/**
 * Commands that change only how results look or where they go: order, names, which fields
 * are shown, time formats, copies written elsewhere, rows turned into search text (`return`,
 * `format` end a subsearch), the same values laid out as a table or back (`xyseries`).
 */
const FORMATTING = new Set([
  'table', 'fields', 'rename', 'convert', 'sort', 'reverse', 'outputlookup', 'outputcsv',
  'collect', 'fieldformat', 'transpose', 'xyseries', 'untable', 'format', 'return',
  'addcoltotals',
]);

/** Commands that always keep some rows and drop the rest by position. */
const ROW_LIMITS = new Set(['head', 'tail']);

/**
 * The effect of a command other than a filter or an aggregation (an inner `join` filters, and
 * is lowered on its own). Adding fields, rows from other searches (append, union, outer join)
 * or events of a generating command (inputlookup, from, makeresults) are all `enrich`: they
 * add to what the search sees. With its arguments, a command that drops rows by position or
 * by a statistic (see selectsRows) is a `filter`.
 */
export function effectOf(command: string, args?: CommandArgs): Effect {
  const name = command.toLowerCase();
  if (AGGREGATING.has(name)) return 'aggregate';
  if (ROW_LIMITS.has(name) || (args && selectsRows(args))) return 'filter';
  if (FORMATTING.has(name)) return 'format';
  return 'enrich';
}

/** `outlier` actions that drop the outlying rows (the default, `transform`, clips values). */
const REMOVING_ACTIONS = new Set(['remove', 'rm']);

/**
 * Whether a command drops rows by their position or by a statistic over all rows: `head 5`,
 * `sort 10 -count`, `outlier action=remove`, `anomalydetection` (which keeps only anomalies
 * unless told to annotate or summarize). No predicate says which rows remain: after an
 * aggregation such a stage conditions the aggregated rows, before one it is opaque.
 */
export function selectsRows(args: CommandArgs): boolean {
  switch (args.kind) {
    case 'head':
    case 'tail':
      return true;
    case 'sort':
      // LIMITATION: sort keeps 10,000 rows when no count is written — such a sort shows as
      // formatting only.
      return args.limit !== null && args.limit > 0;
    case 'outlier':
      return args.action !== null && REMOVING_ACTIONS.has(args.action.toLowerCase());
    case 'anomalydetection':
      return args.action === null || args.action.toLowerCase() === 'filter';
    default:
      return false;
  }
}
