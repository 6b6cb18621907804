// Writes the `indicators` rows of each rule and, once every rule is in and indexed, the
// `canonical_fields` and `written_fields` summaries the field pages list.

import type Database from 'better-sqlite3';
import type { AnalyzedRule, Indicator, SourceName } from '../ir/index.js';
import { keyedValues, type KeyedValue } from './indicator-key.js';
import { encodeBySource, RuleCounter } from './rule-count.js';
import { RowBatch } from './row-batch.js';

const COLUMNS = ['rule_seq', 'canonical_field', 'key_op', 'key_value', 'negated', 'value'];

interface WrittenTally {
  canonicalField: string;
  source: SourceName;
  field: string;
  rules: number;
}

export class IndicatorRows {
  private readonly rows: RowBatch;
  private readonly fields = new Map<string, RuleCounter>();
  /** Rules per canonical field, source and written name, keyed by the three joined. */
  private readonly written = new Map<string, WrittenTally>();
  constructor(private readonly db: Database.Database) {
    this.rows = new RowBatch(db, 'indicators', COLUMNS);
  }

  add(seq: number | bigint, rule: AnalyzedRule): void {
    const fieldsOfRule = new Set<string>();
    const writtenOfRule = new Set<string>();
    for (const indicator of rule.indicators) {
      fieldsOfRule.add(indicator.canonicalField);
      writtenOfRule.add(this.writtenKey(indicator, rule.source));
      for (const keyed of keyedValues(indicator)) this.write(seq, indicator, keyed);
    }
    for (const field of fieldsOfRule) this.rulesOf(field).add(rule.source);
    for (const key of writtenOfRule) this.written.get(key)!.rules++;
  }

  /**
   * Inserts the rows still pending, then writes `canonical_fields`; call once, after the indexes
   * are made: distinct indicators are counted on the index, faster than in sets of keys.
   */
  finish(): void {
    this.rows.flush();

    const insert = this.db.prepare(
      'INSERT INTO canonical_fields (field, rules, by_source, indicators) VALUES (?, ?, ?, 0)',
    );
    for (const [field, rules] of this.fields) {
      const count = rules.count();
      insert.run(field, count.total, encodeBySource(count));
    }
    const insertWritten = this.db.prepare(
      'INSERT INTO written_fields (canonical_field, source, field, rules) VALUES (?, ?, ?, ?)',
    );
    for (const w of this.written.values()) {
      insertWritten.run(w.canonicalField, w.source, w.field, w.rules);
    }
    this.db.exec(`
      UPDATE canonical_fields SET indicators = (
        SELECT count(*) FROM (SELECT DISTINCT key_op, key_value FROM indicators
          WHERE canonical_field = canonical_fields.field))`);
  }

  private write(seq: number | bigint, indicator: Indicator, keyed: KeyedValue): void {
    this.rows.add(
      seq,
      indicator.canonicalField,
      keyed.keyOp,
      keyed.keyValue,
      indicator.negated ? 1 : 0,
      keyed.value === undefined ? null : JSON.stringify(keyed.value),
    );
  }

  /** The key of the indicator's written name, with its tally made when new. */
  private writtenKey(indicator: Indicator, source: SourceName): string {
    const key = `${indicator.canonicalField}\u0000${source}\u0000${indicator.field}`;
    if (!this.written.has(key)) {
      const { canonicalField, field } = indicator;
      this.written.set(key, { canonicalField, source, field, rules: 0 });
    }
    return key;
  }

  private rulesOf(field: string): RuleCounter {
    let rules = this.fields.get(field);
    if (!rules) {
      rules = new RuleCounter();
      this.fields.set(field, rules);
    }
    return rules;
  }
}

