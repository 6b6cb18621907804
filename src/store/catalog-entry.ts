// How a catalog entry is kept in the `entry` column: JSON of the analyzed rule without what the
// catalog does not need or can derive, which keeps the real catalog's write well under 2 s.

import type { AnalyzedRule, Expr } from '../ir/index.js';
import { eventFilterOf } from '../lower/finish-rule.js';

/**
 * The stored JSON. `raw` (the parsed source document) is build input only and is not kept;
 * `eventFilter` is kept only when it is not the one `eventFilterOf` derives from the pipeline,
 * which it is for every rule `finishRule` made (a quarter of the entry's size otherwise).
 */
export function encodeEntry(rule: AnalyzedRule): string {
  const { raw: _raw, eventFilter, ...kept } = rule;
  if (isDerived(rule, eventFilter)) return JSON.stringify(kept);
  return JSON.stringify({ ...kept, eventFilter });
}

/** The analyzed rule back from its stored JSON; `raw` comes back empty. */
export function decodeEntry(json: string): AnalyzedRule {
  const stored = JSON.parse(json) as Omit<AnalyzedRule, 'raw' | 'eventFilter'> & {
    eventFilter?: Expr | null;
  };
  const eventFilter = stored.eventFilter === undefined ? eventFilterOf(stored) : stored.eventFilter;
  return { ...stored, raw: {}, eventFilter };
}

/**
 * Whether the filter is the derived one. `eventFilterOf` builds a new top node over the stages'
 * own predicate objects, so comparing that node's children by identity is enough and cheap.
 */
function isDerived(rule: AnalyzedRule, eventFilter: Expr | null): boolean {
  const derived = eventFilterOf(rule);
  if (derived === eventFilter) return true;
  if (derived === null || eventFilter === null) return false;
  if (derived.kind !== 'and' || eventFilter.kind !== 'and') return false;
  const args = eventFilter.args;
  return derived.args.length === args.length && derived.args.every((arg, i) => arg === args[i]);
}
