// Corpus counts: for each indicator value, how many other rules look for the same thing.
//
// Two values are the same thing when canonical field, operator (an `in` list counts as `eq`
// for each of its values), negation and normalized value (semantics/value-key) are equal —
// exactly, nothing fuzzy. Excluding a value is not looking for it, so negation is in the key.

import type { Indicator, IndicatorValue, Op, Rule, Scalar, SourceName } from '../ir/index.js';
import { valueKey } from '../semantics/value-key.js';

type SourceCounts = Map<SourceName, number>;

/**
 * The indicators of every rule with corpus counts filled in: per value, the number of other
 * rules among `rules` (each counted once) with the same indicator key, in total and per source.
 * The input is not changed. Indicators of ids missing from `rules` count for nobody.
 */
export function withCorpusCounts(
  rules: Rule[],
  indicators: Map<string, Indicator[]>,
): Map<string, Indicator[]> {
  const sourceOf = new Map(rules.map((rule) => [rule.id, rule.source]));
  const counts = countRulesPerKey(sourceOf, indicators);

  const counted = new Map<string, Indicator[]>();
  for (const [id, list] of indicators) {
    const source = sourceOf.get(id);
    counted.set(
      id,
      list.map((indicator) => ({
        ...indicator,
        values: indicator.values.map((v) => countedValue(indicator, v, source, counts)),
      })),
    );
  }
  return counted;
}

/** The key under which a rule's indicator value is counted. */
export function indicatorKey(indicator: Indicator, value: Scalar): string {
  const op: Op = indicator.op === 'in' ? 'eq' : indicator.op;
  const normalized = valueKey(value, op, indicator.caseSensitive);
  return [indicator.canonicalField, op, indicator.negated ? 'not' : '', normalized].join('\u0000');
}

function countRulesPerKey(
  sourceOf: Map<string, SourceName>,
  indicators: Map<string, Indicator[]>,
): Map<string, SourceCounts> {
  const counts = new Map<string, SourceCounts>();
  for (const [id, list] of indicators) {
    const source = sourceOf.get(id);
    if (!source) continue;

    // One rule counts once per key, however often it repeats the value.
    const keys = new Set<string>();
    for (const indicator of list) {
      for (const { value } of indicator.values) keys.add(indicatorKey(indicator, value));
    }
    for (const key of keys) {
      let perSource = counts.get(key);
      if (!perSource) counts.set(key, (perSource = new Map()));
      perSource.set(source, (perSource.get(source) ?? 0) + 1);
    }
  }
  return counts;
}

function countedValue(
  indicator: Indicator,
  { value }: IndicatorValue,
  source: SourceName | undefined,
  counts: Map<string, SourceCounts>,
): IndicatorValue {
  const bySource: Partial<Record<SourceName, number>> = {};
  let total = 0;
  for (const [countedSource, count] of counts.get(indicatorKey(indicator, value)) ?? []) {
    // The rule itself is not one of the "other" rules.
    const others = countedSource === source ? count - 1 : count;
    if (others === 0) continue;
    bySource[countedSource] = others;
    total += others;
  }
  return { value, corpus: { total, bySource } };
}
