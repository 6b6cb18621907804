// A rule's indicators: every field, operator and value its filters match, grouped for the page.
//
// Log-source constraints (Sigma `logsource.*`, Splunk `source`/`sourcetype`/`index`, Elastic
// `event.category`/`event.dataset`…) are real conditions, so they are indicators too; they are
// listed after the rule's own conditions so that they do not crowd out what makes it specific.

import {
  predicatesOf,
  type CanonicalComparison,
  type Effect,
  type Indicator,
  type Predicate,
  type Rule,
} from '../ir/index.js';
import { canonicalComparisonOf } from '../semantics/canonical-comparison.js';
import { COVERED_EVENT_FIELDS } from '../semantics/sigma-log-sources.js';
import { valueKey } from '../semantics/value-key.js';
import { isElasticSource } from '../sources/elastic/elastic-source.js';

/**
 * Stage effects whose predicate is a condition on events. Conditions on aggregated rows
 * (`where count > 5`, a threshold's `count() >= 25`) test computed values no other rule can
 * look for in an event, so they are shown on the rule's stages but are not indicators.
 */
const MATCHING_EFFECTS: ReadonlySet<Effect> = new Set(['filter', 'aggregate']);

const SPLUNK_LOG_SOURCE_FIELDS: ReadonlySet<string> = new Set([
  'index',
  'source',
  'sourcetype',
  'eventtype',
]);

/** The fields log-source taxonomy constraints are written on (Sigma's, Splunk macros'). */
const TAXONOMY_FIELDS: ReadonlySet<string> = new Set(
  Object.values(COVERED_EVENT_FIELDS),
);

const ELASTIC_LOG_SOURCE_FIELDS: ReadonlySet<string> = new Set([
  '_index',
  'event.category',
  'event.dataset',
  'event.module',
  'data_stream.dataset',
]);

interface IndicatorGroup {
  indicator: Indicator;
  valueKeys: Set<string>;
  logSource: boolean;
}

/**
 * Every field/operator the rule matches in events, with its values: the predicates of its
 * event filters (not of conditions on aggregated rows or computed values), grouped by
 * (field, operator, negated, case sensitivity) as written and as canonical, values
 * deduplicated, in order of first appearance, each with its canonical form where that differs.
 * Corpus counts are left at zero.
 */
export function indicatorsOf(rule: Rule): Indicator[] {
  const groups = new Map<string, IndicatorGroup>();
  const matched = matchedPredicates(rule).filter(({ predicate }) => !isComputed(predicate.field));
  const stated = new Set<string>();
  for (const { predicate, negated } of matched) {
    if (predicate.derivedFrom !== undefined) continue;
    const canonical = canonicalComparisonOf(predicate, rule);
    for (const key of canonicalKeys(canonical, negated)) stated.add(key);
    addPredicate(groups, rule, predicate, negated, canonical);
  }
  // A condition derived from a log-source term is listed for the values the rule does not
  // state itself: `Channel=Security` and the `winlog.channel` its `source` implies are one.
  for (const { predicate, negated } of matched) {
    if (predicate.derivedFrom === undefined) continue;
    const canonical = canonicalComparisonOf(predicate, rule);
    const keys = canonicalKeys(canonical, negated);
    if (keys.length > 0 && keys.every((key) => stated.has(key))) continue;
    addPredicate(groups, rule, predicate, negated, canonical);
  }

  const ordered = [...groups.values()];
  return [...ordered.filter((g) => !g.logSource), ...ordered.filter((g) => g.logSource)].map(
    (g) => g.indicator,
  );
}

/** One key per canonical value, case folded: the same condition stated twice has equal keys. */
function canonicalKeys(canonical: CanonicalComparison, negated: boolean): string[] {
  const { field, op } = canonical;
  return canonical.values.map((value) => {
    return [field, op, negated, valueKey(value, op, false)].join('\u0000');
  });
}

/** A computed value such as `len(CommandLine)` or `count()`, not a field of the event. */
function isComputed(field: string): boolean {
  return field.includes('(');
}

/** Whether a predicate selects the log source rather than the activity the rule looks for. */
export function isLogSourceConstraint(predicate: Predicate, rule: Rule): boolean {
  if (predicate.field.startsWith('logsource.')) return true;
  if (rule.source === 'sigma') return TAXONOMY_FIELDS.has(predicate.field);
  // Splunk rules never write ECS names: one is a constraint its macros' log source implies.
  if (rule.source === 'splunk') {
    return SPLUNK_LOG_SOURCE_FIELDS.has(predicate.field)
      || TAXONOMY_FIELDS.has(predicate.field);
  }
  if (isElasticSource(rule.source)) return ELASTIC_LOG_SOURCE_FIELDS.has(predicate.field);
  return false;
}

/**
 * The predicates of every matching stage, then those of the event filter no stage carries
 * (a lowering may add log-source constraints there).
 */
function matchedPredicates(rule: Rule): { predicate: Predicate; negated: boolean }[] {
  const matched: { predicate: Predicate; negated: boolean }[] = [];
  for (const stage of rule.pipeline) {
    if (stage.predicate && MATCHING_EFFECTS.has(stage.effect)) {
      for (const found of predicatesOf(stage.predicate)) matched.push(found);
    }
  }
  if (!rule.eventFilter) return matched;

  const staged = new Set(matched.map(({ predicate }) => predicate));
  for (const found of predicatesOf(rule.eventFilter)) {
    if (!staged.has(found.predicate)) matched.push(found);
  }
  return matched;
}

function addPredicate(
  groups: Map<string, IndicatorGroup>,
  rule: Rule,
  predicate: Predicate,
  negated: boolean,
  canonical: CanonicalComparison,
): void {
  const { field, op, caseSensitive } = predicate;
  const key = [field, canonical.field, op, canonical.op, negated, caseSensitive].join('\u0000');

  let group = groups.get(key);
  if (!group) {
    const indicator: Indicator = {
      field,
      canonicalField: canonical.field,
      op,
      ...(canonical.op === op ? {} : { canonicalOp: canonical.op }),
      negated,
      caseSensitive,
      values: [],
    };
    group = { indicator, valueKeys: new Set(), logSource: isLogSourceConstraint(predicate, rule) };
    groups.set(key, group);
  }

  // `exists` has no values: the indicator is the field itself.
  if (op === 'exists' || canonical.op === 'exists') return;
  predicate.values.forEach((value, i) => {
    const normalized = valueKey(value, op, caseSensitive);
    if (group.valueKeys.has(normalized)) return;
    group.valueKeys.add(normalized);

    // A canonical value that compares equal to the written one (4104 as "4104") is not repeated.
    const corpus = { total: 0, bySource: {} };
    const other = i < canonical.values.length ? canonical.values[i] : value;
    const same = canonical.op === op && valueKey(other, op, caseSensitive) === normalized;
    group.indicator.values.push(same ? { value, corpus } : { value, canonical: other, corpus });
  });
}
