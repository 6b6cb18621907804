// Which events a rule reads before any condition: the part of its log source no predicate shows.
//
// Splunk searches, Sigma rules and Elastic rules state their log source as predicates
// (`sourcetype=…`, `logsource.category=…`, `_index` patterns), compared as conditions. A Splunk
// `tstats` reads one data model, which installations fill as they choose: that is compared here.

import type { Rule, Stage } from '../../ir/index.js';

export type EventSource =
  | { kind: 'search' }
  | { kind: 'logsource' }
  /** A data model with the options that decide which of its data is read. */
  | { kind: 'datamodel'; key: string }
  | { kind: 'index'; patterns: string[] };

/** tstats options that shape rows but do not change which events are read. */
const ROW_SHAPING_OPTIONS: ReadonlySet<string> = new Set(['fillnull_value', 'span']);

/** The event source of a rule and how many leading stages state it, or null if not known. */
export function eventSourceOf(rule: Rule): { source: EventSource; stages: number } | null {
  const [first] = rule.pipeline;
  if (!first) return null;
  const command = first.command.toLowerCase();

  if (rule.source === 'sigma') {
    return command === 'logsource' ? { source: { kind: 'logsource' }, stages: 0 } : null;
  }
  if (rule.source === 'splunk') {
    if (command === 'search') return { source: { kind: 'search' }, stages: 0 };
    if (command !== 'tstats') return null;
    return { source: { kind: 'datamodel', key: datamodelKey(first) }, stages: 0 };
  }
  if (command !== 'from') return null;
  const patterns = first.args.index;
  if (!Array.isArray(patterns) || !patterns.every((p) => typeof p === 'string')) return null;
  // The `from` stage's `_index` predicates are part of the condition: no stage is skipped.
  return { source: { kind: 'index', patterns }, stages: 0 };
}

/**
 * Whether every event the narrower source reads, the broader one may read too, conditions
 * aside. A data model holds whatever each installation feeds it, so a `tstats` rule is compared
 * only with one reading the same model with the same options; every other source is stated by
 * predicates the conditions compare.
 */
// LIMITATION: `tstats` rules are never compared with searches, Sigma or Elastic rules — pages
// list no cross-vendor neighbors for them.
export function sourceCovers(broader: EventSource, narrower: EventSource): boolean {
  if (broader.kind === 'datamodel' && narrower.kind === 'datamodel') {
    return broader.key === narrower.key;
  }
  return broader.kind !== 'datamodel' && narrower.kind !== 'datamodel';
}

/**
 * The data model and the options deciding which data tstats reads, defaults spelled out:
 * `summariesonly` is false unless set, and `allow_old_summaries` only matters when it is true.
 */
function datamodelKey(stage: Stage): string {
  const options = (stage.args.options ?? {}) as Record<string, unknown>;
  const read = new Map<string, string>([['summariesonly', 'false']]);
  for (const [name, value] of Object.entries(options)) {
    const option = name.toLowerCase();
    if (ROW_SHAPING_OPTIONS.has(option)) continue;
    read.set(option, normalizedOption(String(value)));
  }
  if (read.get('summariesonly') === 'false') read.delete('allow_old_summaries');

  const spelled = [...read].sort(([a], [b]) => a.localeCompare(b)).map(([n, v]) => `${n}=${v}`);
  return [String(stage.args.datamodel ?? ''), ...spelled].join(' ');
}

function normalizedOption(value: string): string {
  const lower = value.toLowerCase();
  if (['t', 'true', '1'].includes(lower)) return 'true';
  if (['f', 'false', '0'].includes(lower)) return 'false';
  return value;
}
