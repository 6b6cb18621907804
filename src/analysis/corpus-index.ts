// Corpus counts: for each indicator value, how many other rules look for the same thing.
//
// Two values are the same thing when their canonical comparisons — field, operator (an `in`
// list counts as `eq` for each of its values) and normalized value (semantics/value-key) — and
// negation are equal, letter case folded: `CMD.exe` looked for case-sensitively and `cmd.exe`
// case-insensitively are one indicator, so vendors with different case rules count together.
// (Neighbors never call such rules equivalent: implication compares case rules.) Excluding a
// value is not looking for it, so negation is in the key.

import type { Indicator, IndicatorValue, Rule, SourceName } from '../ir/index.js';
import { indicatorValueKey } from '../semantics/value-key.js';

/**
 * The indicators of every rule with corpus counts filled in: per value, the number of other
 * rules among `rules` (each counted once) with the same indicator key, in total and per source.
 * The input is not changed. Indicators of ids missing from `rules` count for nobody.
 */
export function withCorpusCounts(
  rules: Rule[],
  indicators: Map<string, Indicator[]>,
): Map<string, Indicator[]> {
  const sources = [...new Set(rules.map((rule) => rule.source))];
  const sourceIndex = new Map(rules.map((rule) => [rule.id, sources.indexOf(rule.source)]));
  const keys = new Map<Indicator, string[]>();
  for (const list of indicators.values()) {
    for (const indicator of list) {
      keys.set(indicator, indicator.values.map((value) => indicatorKey(indicator, value)));
    }
  }

  // Rules per key and source; one rule counts once per key, however often it repeats it.
  const counts = new Map<string, KeyCount>();
  for (const [id, list] of indicators) {
    const source = sourceIndex.get(id);
    if (source === undefined) continue;
    for (const indicator of list) {
      for (const key of keys.get(indicator)!) {
        let count = counts.get(key);
        if (!count) {
          count = { perSource: new Array<number>(sources.length).fill(0), lastRule: '' };
          counts.set(key, count);
        }
        if (count.lastRule === id) continue;
        count.lastRule = id;
        count.perSource[source]++;
      }
    }
  }

  const counted = new Map<string, Indicator[]>();
  for (const [id, list] of indicators) {
    const own = sourceIndex.get(id) ?? -1;
    counted.set(
      id,
      list.map((indicator) => {
        const valueKeys = keys.get(indicator)!;
        const values = indicator.values.map((value, i) =>
          countedValue(value, counts.get(valueKeys[i])?.perSource, own, sources),
        );
        return { ...indicator, values };
      }),
    );
  }
  return counted;
}

interface KeyCount {
  perSource: number[];
  /** The last rule counted for the key: a rule repeating a key counts once. */
  lastRule: string;
}

/** The key under which a rule's indicator value is counted: its canonical form, case folded. */
export function indicatorKey(indicator: Indicator, value: IndicatorValue): string {
  const op = indicator.canonicalOp ?? indicator.op;
  const canonical = value.canonical === undefined ? value.value : value.canonical;
  const negation = indicator.negated ? 'not' : '';
  return `${indicator.canonicalField}\u0000${negation}\u0000${indicatorValueKey(op, canonical)}`;
}

/** The counts of one value, leaving out the rule itself (it is not one of the "other" rules). */
function countedValue(
  value: IndicatorValue,
  perSource: number[] | undefined,
  own: number,
  sources: SourceName[],
): IndicatorValue {
  const bySource: Partial<Record<SourceName, number>> = {};
  let total = 0;
  perSource?.forEach((count, source) => {
    const others = source === own ? count - 1 : count;
    if (others === 0) return;
    bySource[sources[source]] = others;
    total += others;
  });
  return { ...value, corpus: { total, bySource } };
}
