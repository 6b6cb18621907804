// The first aggregation ends the per-event part of a search. What it still decides about one
// event: its own filter (`tstats … where`), and its `by` fields — `stats`, `tstats`, `top`,
// `rare` and `dedup` drop an event lacking one, unless a `fillnull` before filled it.

import type { SearchNode } from '../../languages/spl/syntax.js';
import { outcomeOf, PASS, type EventStep, type StepOutcome } from './event-step.js';
import { membershipStep, type DataModelRead } from './data-model-membership.js';
import { isUnknown } from './field-value.js';
import type { SearchEvaluation, FieldLookup } from './search-evaluation.js';

export interface Aggregation {
  /** The command as written: `stats`, `tstats`, `dedup`. */
  command: string;
  /** The data model it reads (tstats), whose membership the event must have. */
  dataModel: DataModelRead | null;
  /** Its own filter, in search syntax (tstats). */
  where: SearchNode | null;
  /** Fields whose absence drops the event; empty when the command keeps such events. */
  by: readonly string[];
  /** Fields a `fillnull` filled before the command, or all of them. */
  filled: ReadonlySet<string> | 'all';
}

export function aggregationStep(
  aggregation: Aggregation,
  search: SearchEvaluation,
  lookup: FieldLookup,
  text: string,
): EventStep {
  const { where, filled } = aggregation;
  const needed = filled === 'all' ? [] : aggregation.by.filter((field) => !filled.has(field));

  const membership = aggregation.dataModel ? membershipStep(aggregation.dataModel) : null;

  return (event) => {
    let unknown: StepOutcome | null = null;
    if (where) {
      const outcome = outcomeOf(search.truth(where, event), text);
      if (outcome.kind === 'drop') return outcome;
      if (outcome.kind === 'unknown') unknown = outcome;
    }
    for (const field of needed) {
      const value = lookup(event, field);
      if (value === null) {
        const reason = `\`${aggregation.command}\` groups by \`${field}\`, which the event lacks`;
        return { kind: 'drop', reason };
      }
      if (isUnknown(value) && !value.present && !unknown) {
        const reason = `${value.unknown} (a \`${aggregation.command}\` by-field)`;
        unknown = { kind: 'unknown', reason };
      }
    }
    // Membership last: it is the costliest check, and a dropped event needs none.
    return unknown ?? membership?.(event) ?? PASS;
  };
}
