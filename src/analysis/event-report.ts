// The event report: per source, how many rules resolve to at least one known Windows event, which
// events they use most, and why the others resolve to none.

import type { Rule, SourceName } from '../ir/index.js';
import { eventResolution, type CoveredRule, type MissingEvents } from './event-coverage.js';

/** Events listed per source, most used first. */
const MOST_USED_EVENTS = 25;
/** Example rule ids listed per reason. */
const EXAMPLES_PER_REASON = 5;

export interface UsedEvent {
  provider: string;
  eventId: number;
  title: string | null;
  /** Rules of the source that read it. */
  rules: number;
}

export interface MissingEventsCount {
  reason: MissingEvents;
  rules: number;
  examples: string[];
}

export interface SourceEventReport {
  rules: number;
  /** Rules resolving to at least one event of the catalog's providers. */
  withEvents: number;
  /** `withEvents / rules`, rounded to three decimals; 0 for a source without rules. */
  share: number;
  /** Distinct events the source's rules read. */
  distinctEvents: number;
  /** The events read by most rules, most first. */
  events: UsedEvent[];
  /** Rules without events, by reason, most first. */
  withoutEvents: MissingEventsCount[];
}

export interface EventReport {
  sources: Partial<Record<SourceName, SourceEventReport>>;
}

type ReportedRule = CoveredRule & Pick<Rule, 'id' | 'source'>;

interface Tally {
  rules: number;
  withEvents: number;
  events: Map<string, UsedEvent>;
  reasons: Map<MissingEvents, MissingEventsCount>;
}

export function eventReport(rules: Iterable<ReportedRule>): EventReport {
  const tallies = new Map<SourceName, Tally>();
  for (const rule of rules) {
    const tally = tallies.get(rule.source) ?? emptyTally();
    tallies.set(rule.source, tally);
    count(tally, rule);
  }

  const sources: Partial<Record<SourceName, SourceEventReport>> = {};
  for (const [source, tally] of tallies) sources[source] = reportOf(tally);
  return { sources };
}

function emptyTally(): Tally {
  return { rules: 0, withEvents: 0, events: new Map(), reasons: new Map() };
}

function count(tally: Tally, rule: ReportedRule): void {
  const { events, missing } = eventResolution(rule);
  tally.rules += 1;
  if (missing !== null) {
    const entry = tally.reasons.get(missing) ?? { reason: missing, rules: 0, examples: [] };
    entry.rules += 1;
    if (entry.examples.length < EXAMPLES_PER_REASON) entry.examples.push(rule.id);
    tally.reasons.set(missing, entry);
    return;
  }
  tally.withEvents += 1;
  for (const { provider, eventId, title } of events) {
    const key = `${provider}#${eventId}`;
    const used = tally.events.get(key) ?? { provider, eventId, title, rules: 0 };
    used.rules += 1;
    tally.events.set(key, used);
  }
}

function reportOf(tally: Tally): SourceEventReport {
  const events = [...tally.events.values()].sort(
    (a, b) => b.rules - a.rules || a.provider.localeCompare(b.provider) || a.eventId - b.eventId,
  );
  const withoutEvents = [...tally.reasons.values()].sort(
    (a, b) => b.rules - a.rules || a.reason.localeCompare(b.reason),
  );
  const share = tally.rules === 0 ? 0 : Math.round((tally.withEvents / tally.rules) * 1000) / 1000;
  return {
    rules: tally.rules,
    withEvents: tally.withEvents,
    share,
    distinctEvents: events.length,
    events: events.slice(0, MOST_USED_EVENTS),
    withoutEvents,
  };
}
