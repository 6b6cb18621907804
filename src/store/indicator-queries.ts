// Reads of the indicator index: for one canonical indicator, the rules that look for it or
// exclude it, counted per source, each with its own written form of the condition.

import type Database from 'better-sqlite3';
import type { AnalyzedRule, Op, Scalar, SourceName } from '../ir/index.js';
import { decodeEntry } from './catalog-entry.js';
import { keyedValues, keyOp, keyValue, type IndicatorKey } from './indicator-key.js';
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

  /** Each listed rule with how it writes the indicator, read from its stored entry. */
  private withUses(rules: RuleListing[], params: Record<string, string>): IndicatorRule[] {
    if (rules.length === 0) return [];
    const ids = rules.map((r) => r.id);
    const entries = this.db
      .prepare(`SELECT id, entry FROM rules WHERE id IN (${ids.map(() => '?').join(', ')})`)
      .all(...ids) as { id: string; entry: string }[];
    const uses = new Map(entries.map(({ id, entry }) => [id, usesIn(decodeEntry(entry), params)]));
    return rules.map((rule) => ({ rule, uses: uses.get(rule.id) ?? [] }));
  }
}

/** The rule's indicator values stored under the key, each as the rule writes it. */
function usesIn(rule: AnalyzedRule, key: Record<string, string>): IndicatorUse[] {
  const predicates = predicatesOfRule(rule);
  const uses: IndicatorUse[] = [];
  for (const indicator of rule.indicators) {
    if (indicator.canonicalField !== key.field) continue;
    for (const keyed of keyedValues(indicator)) {
      if (keyed.keyOp !== key.op || keyed.keyValue !== key.value) continue;
      const written = keyed.index < 0 ? {} : { value: indicator.values[keyed.index].value };
      const use = {
        field: indicator.field,
        op: indicator.op,
        ...written,
        negated: indicator.negated,
        caseSensitive: indicator.caseSensitive,
      };
      uses.push({ ...use, text: writtenText(predicates, use) });
    }
  }
  return uses;
}
