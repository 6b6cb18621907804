// Reads of the event index: the events rules cover, and per event the rules covering it.

import type Database from 'better-sqlite3';
import { decodeRuleCount, type RuleCount } from './rule-count.js';
import {
  listRules,
  pageOf,
  window,
  type Page,
  type PageRequest,
  type RuleListing,
  type SourcePageRequest,
} from './rule-listing.js';

export interface EventSummary {
  /** Full provider name, e.g. `Microsoft-Windows-PowerShell`. */
  provider: string;
  eventId: number;
  title: string | null;
  rules: RuleCount;
}

export interface EventDetail {
  summary: EventSummary;
  page: Page<RuleListing>;
}

interface SummaryRow {
  provider: string;
  event_id: number;
  title: string | null;
  by_source: string;
}

const SUMMARY_COLUMNS = 'provider, event_id, title, by_source';

export class EventQueries {
  constructor(private readonly db: Database.Database) {}

  /** Covered events by provider, then event id. */
  events(request: PageRequest): Page<EventSummary> {
    const { n } = this.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM events
         ORDER BY provider COLLATE NOCASE, event_id LIMIT @limit OFFSET @offset`,
      )
      .all(window(request)) as SummaryRow[];
    return pageOf(rows.map(summaryOf), request, n);
  }

  /** The event (provider in any letter case) and one page of its rules; null when not covered. */
  event(provider: string, eventId: number, request: SourcePageRequest): EventDetail | null {
    const row = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM events
         WHERE provider = ? COLLATE NOCASE AND event_id = ? LIMIT 1`,
      )
      .get(provider, eventId) as SummaryRow | undefined;
    if (!row) return null;

    const matching = `SELECT rule_seq FROM rule_events
      WHERE provider = @provider AND event_id = @eventId`;
    const params = { provider: row.provider, eventId: row.event_id };
    return { summary: summaryOf(row), page: listRules(this.db, matching, params, request) };
  }

  /** Covered events with this id, whatever their provider. */
  eventsWithId(eventId: number): EventSummary[] {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM events WHERE event_id = ? ORDER BY provider`)
      .all(eventId) as SummaryRow[];
    return rows.map(summaryOf);
  }
}

function summaryOf(row: SummaryRow): EventSummary {
  return {
    provider: row.provider,
    eventId: row.event_id,
    title: row.title,
    rules: decodeRuleCount(row.by_source),
  };
}
