// What each SPL command does to the event stream, as one of the design's stage effects.

import type { Effect } from '../../ir/index.js';

/** Commands that group events into rows; the first one ends the event-filtering part. */
export const AGGREGATING = new Set([
  'stats', 'tstats', 'mstats', 'chart', 'timechart', 'top', 'rare', 'geostats', 'sistats',
  'transaction', 'dedup', 'mvcombine',
]);

/** Commands that only filter: `filter` before the first aggregation, `filter-aggregated` after. */
export const FILTERING = new Set(['search', 'where', 'regex']);

/**
 * Commands that change only how results look or where they go: order, names, which fields
 * are shown, time formats, copies written elsewhere.
 */
const FORMATTING = new Set([
  'table', 'fields', 'rename', 'convert', 'sort', 'reverse', 'outputlookup', 'outputcsv',
  'collect', 'fieldformat', 'transpose', 'xyseries', 'untable', 'format', 'addcoltotals',
]);

/**
 * The effect of a command other than a filter or an aggregation (an inner `join` filters, and
 * is lowered on its own). Adding fields, rows from other searches (append, outer join) or
 * events of a generating command (inputlookup, from, makeresults) are all `enrich`: they add
 * to what the search sees.
 */
export function effectOf(command: string): Effect {
  const name = command.toLowerCase();
  if (AGGREGATING.has(name)) return 'aggregate';
  if (FORMATTING.has(name)) return 'format';
  return 'enrich';
}
