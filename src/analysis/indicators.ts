// A rule's indicators: every field, operator and value its filters match, grouped for the page.
//
// Log-source constraints (Sigma `logsource.*`, Splunk `source`/`sourcetype`/`index`, Elastic
// `event.category`/`event.dataset`…) are real conditions, so they are indicators too; they are
// listed after the rule's own conditions so that they do not crowd out what makes it specific.

import {
  predicatesOf,
  type Effect,
  type Indicator,
  type Predicate,
  type Rule,
} from '../ir/index.js';
import { canonicalFieldOf } from '../semantics/canonical-field.js';
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

/** The fields a Sigma log source's taxonomy constraints are written on. */
const SIGMA_COVERED_EVENT_FIELDS: ReadonlySet<string> = new Set(
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
 * (field, operator, negated, case sensitivity),
 * values deduplicated, in order of first appearance. Corpus counts are left at zero.
 */
export function indicatorsOf(rule: Rule): Indicator[] {
  const groups = new Map<string, IndicatorGroup>();
  for (const { predicate, negated } of matchedPredicates(rule)) {
    if (isComputed(predicate.field)) continue;
    addPredicate(groups, rule, predicate, negated);
  }

  const ordered = [...groups.values()];
  return [...ordered.filter((g) => !g.logSource), ...ordered.filter((g) => g.logSource)].map(
    (g) => g.indicator,
  );
}

/** A computed value such as `len(CommandLine)` or `count()`, not a field of the event. */
function isComputed(field: string): boolean {
  return field.includes('(');
}

/** Whether a predicate selects the log source rather than the activity the rule looks for. */
export function isLogSourceConstraint(predicate: Predicate, rule: Rule): boolean {
  if (predicate.field.startsWith('logsource.')) return true;
  if (rule.source === 'sigma') return SIGMA_COVERED_EVENT_FIELDS.has(predicate.field);
  if (rule.source === 'splunk') return SPLUNK_LOG_SOURCE_FIELDS.has(predicate.field);
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
): void {
  const canonicalField = canonicalFieldOf(predicate, rule);
  const { field, op, caseSensitive } = predicate;
  const key = `${field}\u0000${canonicalField}\u0000${op}\u0000${negated}\u0000${caseSensitive}`;

  let group = groups.get(key);
  if (!group) {
    const indicator = { field, canonicalField, op, negated, caseSensitive, values: [] };
    group = { indicator, valueKeys: new Set(), logSource: isLogSourceConstraint(predicate, rule) };
    groups.set(key, group);
  }

  // `exists` has no values: the indicator is the field itself.
  if (op === 'exists') return;
  for (const value of predicate.values) {
    const normalized = valueKey(value, op, caseSensitive);
    if (group.valueKeys.has(normalized)) continue;
    group.valueKeys.add(normalized);
    group.indicator.values.push({ value, corpus: { total: 0, bySource: {} } });
  }
}
