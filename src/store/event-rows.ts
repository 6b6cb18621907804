// Writes the `rule_events` rows of each rule and, once every rule is in, the `events` summary the
// event pages list: per event its title and the rules covering it.

import type Database from 'better-sqlite3';
import type { AnalyzedRule, EventCoverage } from '../ir/index.js';
import { encodeBySource, RuleCounter } from './rule-count.js';
import { RowBatch } from './row-batch.js';

interface EventTally {
  provider: string;
  eventId: number;
  title: string | null;
  rules: RuleCounter;
}

export class EventRows {
  private readonly rows: RowBatch;
  private readonly events = new Map<string, EventTally>();

  constructor(private readonly db: Database.Database) {
    this.rows = new RowBatch(db, 'rule_events', ['rule_seq', 'provider', 'event_id']);
  }

  add(seq: number | bigint, rule: AnalyzedRule): void {
    const seen = new Set<EventTally>();
    for (const event of rule.events) {
      const tally = this.tallyOf(event);
      if (seen.has(tally)) continue;
      seen.add(tally);
      // The first spelling of a provider is the one every rule is filed under.
      this.rows.add(seq, tally.provider, tally.eventId);
      tally.rules.add(rule.source);
    }
  }

  /** Inserts the rows still queued and writes `events`; call once, after the last rule. */
  finish(): void {
    this.rows.flush();
    const insert = this.db.prepare(
      'INSERT INTO events (provider, event_id, title, rules, by_source) VALUES (?, ?, ?, ?, ?)',
    );
    for (const tally of this.events.values()) {
      const count = tally.rules.count();
      insert.run(tally.provider, tally.eventId, tally.title, count.total, encodeBySource(count));
    }
  }

  /** Providers are matched in any letter case, as Windows does. */
  private tallyOf(event: EventCoverage): EventTally {
    const key = `${event.provider.toLowerCase()}#${event.eventId}`;
    let tally = this.events.get(key);
    if (!tally) {
      tally = {
        provider: event.provider,
        eventId: event.eventId,
        title: event.title,
        rules: new RuleCounter(),
      };
      this.events.set(key, tally);
    }
    tally.title ??= event.title;
    return tally;
  }
}
