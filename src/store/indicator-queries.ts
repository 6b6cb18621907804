// Reads of the indicator index: for one canonical indicator, the rules that look for it or
// exclude it, counted per source, each with its own written form of the condition.

import type Database from 'better-sqlite3';
import type { Op, Scalar, SourceName } from '../ir/index.js';
import { decodeEntry } from './catalog-entry.js';
import { keyOp, keyValue, type IndicatorKey } from './indicator-key.js';
import { ruleCountOf, type RuleCount } from './rule-count.js';
import { listRules, type Page, type RuleListing, type SourcePageRequest } from './rule-listing.js';
import { predicatesOfRule, writtenText } from './written-form.js';

/** How one rule writes the indicator. */
export interface IndicatorUse {
  /** Field as written in the rule. */
  field: string;
  op: Op;
  /** Absent for an indicator without a value. */
  value?: Scalar;
  /** True when the rule excludes the value rather than requires it. */
  negated: boolean;
  caseSensitive: boolean;
  /** The predicate's text in the rule's query; null when the catalog has none for it. */
  text: string | null;
}

export interface IndicatorRule {
  rule: RuleListing;
  uses: IndicatorUse[];
}

export interface IndicatorDetail {
  /** The key looked up, its operator as grouped (`in` is `eq`). */
  key: IndicatorKey;
  /** Rules with the indicator, whether they require or exclude it. */
  rules: RuleCount;
  /** Rules requiring it (some rules both require and exclude it, in different branches). */
  requiring: number;
  excluding: number;
  page: Page<IndicatorRule>;
}

interface UseRow {
  id: string;
  field: string;
  op: Op;
  value: string | null;
  negated: number;
  case_sensitive: number;
}

const MATCHING = `SELECT rule_seq FROM indicators
  WHERE canonical_field = @field AND key_op = @op AND key_value = @value`;

export class IndicatorQueries {
  constructor(private readonly db: Database.Database) {}

  /** null when no rule has the indicator. */
  indicator(key: IndicatorKey, request: SourcePageRequest): IndicatorDetail | null {
    const params = {
      field: key.canonicalField,
      op: keyOp(key.op),
      value: keyValue(key.op, key.value),
    };
    const counts = this.db
      .prepare(
        `SELECT r.source AS source, count(DISTINCT i.rule_seq) AS rules,
           count(DISTINCT CASE WHEN i.negated = 0 THEN i.rule_seq END) AS requiring,
           count(DISTINCT CASE WHEN i.negated = 1 THEN i.rule_seq END) AS excluding
         FROM indicators i JOIN rules r ON r.seq = i.rule_seq
         WHERE i.canonical_field = @field AND i.key_op = @op AND i.key_value = @value
         GROUP BY r.source`,
      )
      .all(params) as { source: SourceName; rules: number; requiring: number; excluding: number }[];
    if (counts.length === 0) return null;

    const listed = listRules(this.db, MATCHING, params, request);
    return {
      key: { ...key, op: params.op },
      rules: ruleCountOf(counts),
      requiring: counts.reduce((sum, c) => sum + c.requiring, 0),
      excluding: counts.reduce((sum, c) => sum + c.excluding, 0),
      page: { ...listed, items: this.withUses(listed.items, params) },
    };
  }

  /** Each listed rule with its rows of the indicator and the predicate text they came from. */
  private withUses(rules: RuleListing[], params: Record<string, string>): IndicatorRule[] {
    if (rules.length === 0) return [];
    const ids = rules.map((r) => r.id);
    const placeholders = ids.map(() => '?').join(', ');
    const rows = this.db
      .prepare(
        `SELECT r.id AS id, i.field, i.op, i.value, i.negated, i.case_sensitive
         FROM rules r JOIN indicators i ON i.rule_seq = r.seq
         WHERE r.id IN (${placeholders}) AND i.canonical_field = ? AND i.key_op = ?
           AND i.key_value = ?
         ORDER BY i.rowid`,
      )
      .all(...ids, params.field, params.op, params.value) as UseRow[];
    const entries = this.db
      .prepare(`SELECT id, entry FROM rules WHERE id IN (${placeholders})`)
      .all(...ids) as { id: string; entry: string }[];
    const predicates = new Map(
      entries.map(({ id, entry }) => [id, predicatesOfRule(decodeEntry(entry))]),
    );

    const uses = new Map<string, IndicatorUse[]>(ids.map((id) => [id, []]));
    for (const row of rows) {
      const use = useOf(row);
      uses.get(row.id)?.push({ ...use, text: writtenText(predicates.get(row.id) ?? [], use) });
    }
    return rules.map((rule) => ({ rule, uses: uses.get(rule.id) ?? [] }));
  }
}

function useOf(row: UseRow): Omit<IndicatorUse, 'text'> {
  return {
    field: row.field,
    op: row.op,
    ...(row.value === null ? {} : { value: JSON.parse(row.value) as Scalar }),
    negated: row.negated === 1,
    caseSensitive: row.case_sensitive === 1,
  };
}
