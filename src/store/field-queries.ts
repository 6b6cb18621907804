// Reads of the canonical-field index: the fields rules compare, per field the names rules write
// it with, its indicators with their rule counts, and the rules comparing it.

import type Database from 'better-sqlite3';
import type { Op, Scalar, SourceName } from '../ir/index.js';
import { decodeRuleCount, ruleCountOf, type RuleCount } from './rule-count.js';
import {
  listRules,
  pageOf,
  window,
  type Page,
  type PageRequest,
  type RuleListing,
  type SourcePageRequest,
} from './rule-listing.js';

export interface FieldSummary {
  field: string;
  /** Rules comparing the field. */
  rules: RuleCount;
  /** Distinct indicators (operator and normalized value) on the field. */
  indicators: number;
}

/** A field name as rules write it, mapped to the canonical field. */
export interface WrittenField {
  source: SourceName;
  field: string;
  rules: number;
}

/** One indicator of a field: operator and value (absent when it has none), with its rules. */
export interface FieldIndicator {
  op: Op;
  value?: Scalar;
  rules: RuleCount;
}

/** Written names beyond this many are not listed (none of the real corpora's fields has 60). */
export const MAX_WRITTEN_FIELDS = 200;

interface SummaryRow {
  field: string;
  rules: number;
  by_source: string;
  indicators: number;
}

interface IndicatorCountRow {
  key_op: Op;
  key_value: string;
  value: string | null;
  source: SourceName;
  rules: number;
}

export class FieldQueries {
  constructor(private readonly db: Database.Database) {}

  /** Canonical fields, the most used first. */
  fields(request: PageRequest): Page<FieldSummary> {
    const { n } = this.db.prepare('SELECT count(*) AS n FROM canonical_fields').get() as {
      n: number;
    };
    const rows = this.db
      .prepare(
        `SELECT field, rules, by_source, indicators FROM canonical_fields
         ORDER BY rules DESC, field LIMIT @limit OFFSET @offset`,
      )
      .all(window(request)) as SummaryRow[];
    return pageOf(rows.map(summaryOf), request, n);
  }

  /** null when no rule compares the field. */
  field(name: string): FieldSummary | null {
    const row = this.db
      .prepare('SELECT field, rules, by_source, indicators FROM canonical_fields WHERE field = ?')
      .get(name) as SummaryRow | undefined;
    return row ? summaryOf(row) : null;
  }

  rulesWithField(name: string, request: SourcePageRequest): Page<RuleListing> {
    const matching = 'SELECT rule_seq FROM indicators WHERE canonical_field = @field';
    return listRules(this.db, matching, { field: name }, request);
  }

  /** Canonical fields that rules writing `name` are filed under, for a reader who typed it. */
  canonicalFieldsWritten(name: string): string[] {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT canonical_field FROM written_fields
         WHERE field = ? AND canonical_field != ? ORDER BY canonical_field LIMIT 20`,
      )
      .all(name, name) as { canonical_field: string }[];
    return rows.map((r) => r.canonical_field);
  }

  /** Canonical fields spelled like `name` in another letter case. */
  fieldsInOtherCase(name: string): string[] {
    const rows = this.db
      .prepare(
        `SELECT field FROM canonical_fields WHERE field = ? COLLATE NOCASE AND field != ?
         ORDER BY field LIMIT 20`,
      )
      .all(name, name) as { field: string }[];
    return rows.map((r) => r.field);
  }

  /** The names rules write the field with, per source, the most used first. */
  writtenFields(name: string): WrittenField[] {
    return this.db
      .prepare(
        `SELECT source, field, rules FROM written_fields WHERE canonical_field = ?
         ORDER BY rules DESC, source, field LIMIT ?`,
      )
      .all(name, MAX_WRITTEN_FIELDS) as WrittenField[];
  }

  /**
   * One page of the field's indicators, the most used first, each counted per source. The value
   * given is one of the canonical values with that normalized form.
   */
  fieldIndicators(name: string, request: PageRequest): Page<FieldIndicator> {
    // The page's keys are found on the index alone; values and sources only for those keys.
    const rows = this.db
      .prepare(
        `WITH shown AS (
           SELECT key_op, key_value, count(DISTINCT rule_seq) AS rules
           FROM indicators WHERE canonical_field = @field
           GROUP BY key_op, key_value
           ORDER BY rules DESC, key_op, key_value LIMIT @limit OFFSET @offset)
         SELECT s.key_op, s.key_value, max(i.value) AS value, r.source,
           count(DISTINCT i.rule_seq) AS rules
         FROM shown s
         JOIN indicators i ON i.canonical_field = @field AND i.key_op = s.key_op
           AND i.key_value = s.key_value
         JOIN rules r ON r.seq = i.rule_seq
         GROUP BY s.key_op, s.key_value, r.source
         ORDER BY s.rules DESC, s.key_op, s.key_value`,
      )
      .all({ field: name, ...window(request) }) as IndicatorCountRow[];

    const grouped = new Map<string, { value: string | null; counts: IndicatorCountRow[] }>();
    for (const row of rows) {
      const key = `${row.key_op}\u0000${row.key_value}`;
      const group = grouped.get(key) ?? { value: row.value, counts: [] };
      // One value whichever source comes first (the greatest), so links do not change.
      if (row.value !== null && (group.value === null || row.value > group.value)) {
        group.value = row.value;
      }
      group.counts.push(row);
      grouped.set(key, group);
    }
    const indicators = [...grouped.values()].map(({ value, counts }) => ({
      op: counts[0].key_op,
      ...(value === null ? {} : { value: JSON.parse(value) as Scalar }),
      rules: ruleCountOf(counts),
    }));
    return pageOf(indicators, request, this.field(name)?.indicators ?? 0);
  }
}

function summaryOf(row: SummaryRow): FieldSummary {
  return { field: row.field, rules: decodeRuleCount(row.by_source), indicators: row.indicators };
}
