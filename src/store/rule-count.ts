// How many rules share something (a field, an indicator, an event, a technique), in total and
// per source; kept as JSON in the summary tables the writer fills.

import type { SourceName } from '../ir/index.js';
import { sourceRank } from './rule-listing.js';

export interface RuleCount {
  total: number;
  /** Only sources with at least one rule, in the order pages list sources. */
  bySource: Partial<Record<SourceName, number>>;
}

/** Counts of distinct rules per source as they are added, one rule at a time. */
export class RuleCounter {
  private readonly perSource = new Map<SourceName, number>();

  add(source: SourceName): void {
    this.perSource.set(source, (this.perSource.get(source) ?? 0) + 1);
  }

  get total(): number {
    let total = 0;
    for (const n of this.perSource.values()) total += n;
    return total;
  }

  count(): RuleCount {
    return ruleCountOf([...this.perSource].map(([source, rules]) => ({ source, rules })));
  }
}

/** The count of rows holding the number of rules of each source. */
export function ruleCountOf(rows: { source: SourceName; rules: number }[]): RuleCount {
  const bySource: Partial<Record<SourceName, number>> = {};
  let total = 0;
  const ordered = [...rows].sort((a, b) => sourceRank(a.source) - sourceRank(b.source));
  for (const { source, rules } of ordered) {
    if (rules === 0) continue;
    bySource[source] = (bySource[source] ?? 0) + rules;
    total += rules;
  }
  return { total, bySource };
}

/** The stored form of `bySource`, in a `by_source` column. */
export function encodeBySource(count: RuleCount): string {
  return JSON.stringify(count.bySource);
}

export function decodeRuleCount(bySource: string): RuleCount {
  const parsed = JSON.parse(bySource) as Partial<Record<SourceName, number>>;
  const rows = (Object.entries(parsed) as [SourceName, number][]).map(([source, rules]) => ({
    source,
    rules,
  }));
  return ruleCountOf(rows);
}
