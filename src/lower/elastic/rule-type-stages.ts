// Stages for what an Elastic rule type adds around its query: thresholds, new terms, indicator
// matches, machine-learning jobs, alert suppression and exception lists.

import { and, type Expr, type Stage } from '../../ir/index.js';
import type { NewStage } from './elastic-pipeline.js';
import { inlineToml } from './inline-toml.js';
import { stringsOf, tableOf, tablesOf, type RuleTable } from './rule-table.js';

/** `threshold`: groups matching events by the fields and alerts when a group reaches the count. */
export function thresholdStage(rule: RuleTable): NewStage {
  const threshold = tableOf(rule.threshold);
  const fields = stringsOf(threshold.field);
  const cardinality = tablesOf(threshold.cardinality).map((entry) => ({
    field: entry.field ?? null,
    value: entry.value ?? null,
  }));
  return {
    command: 'threshold',
    text: inlineToml('threshold', rule.threshold ?? {}),
    effect: 'aggregate',
    args: { field: fields, value: threshold.value ?? null, cardinality },
    // Events missing a threshold field fall out of the terms aggregation.
    groupBy: { fields, filled: [] },
  };
}

/**
 * What a threshold rule requires of each group: at least `value` events, and at least the given
 * number of distinct values of each cardinality field. Conditions on aggregated rows, on the
 * pseudo fields `count()` and `cardinality(<field>)`.
 */
export function thresholdConditionStage(rule: RuleTable): NewStage | null {
  const threshold = tableOf(rule.threshold);
  const conditions: Expr[] = [];
  if (typeof threshold.value === 'number') {
    conditions.push(atLeast('count()', threshold.value, `count() >= ${threshold.value}`));
  }
  for (const entry of tablesOf(threshold.cardinality)) {
    if (typeof entry.field !== 'string' || typeof entry.value !== 'number') continue;
    const field = `cardinality(${entry.field})`;
    conditions.push(atLeast(field, entry.value, `${field} >= ${entry.value}`));
  }
  if (conditions.length === 0) return null;
  return {
    command: 'threshold condition',
    text: conditions.map((c) => (c.kind === 'predicate' ? c.predicate.text : '')).join(' AND '),
    effect: 'filter-aggregated',
    args: {},
    predicate: and(conditions),
  };
}

function atLeast(field: string, value: number, text: string): Expr {
  return {
    kind: 'predicate',
    predicate: { field, op: 'ge', values: [value], caseSensitive: true, text },
  };
}

/** `new_terms`: alerts on values of the fields not seen since the history window start. */
export function newTermsStage(rule: RuleTable): NewStage {
  const newTerms = tableOf(rule.new_terms);
  const fields = stringsOf(newTerms.value);
  const historyWindowStart = tablesOf(newTerms.history_window_start)[0]?.value ?? null;
  return {
    command: 'new_terms',
    text: inlineToml('new_terms', rule.new_terms ?? {}),
    effect: 'aggregate',
    args: { fields, historyWindowStart },
    groupBy: { fields, filled: [] },
  };
}

/**
 * `threat_match`: keeps events whose mapped fields equal an indicator's fields in the threat
 * indices. The indicators are data, not rule text, so the stage has no predicate.
 */
export function threatMatchStage(rule: RuleTable): NewStage {
  const mapping = tablesOf(rule.threat_mapping).map((group) =>
    tablesOf(group.entries).map((entry) => ({
      field: entry.field ?? null,
      indicatorField: entry.value ?? null,
    })),
  );
  return {
    command: 'threat_match',
    text: inlineToml('threat_mapping', rule.threat_mapping ?? []),
    effect: 'filter',
    args: {
      threatIndex: stringsOf(rule.threat_index),
      threatQuery: rule.threat_query ?? null,
      threatLanguage: rule.threat_language ?? null,
      threatFilters: tablesOf(rule.threat_filters).length,
      indicatorPath: rule.threat_indicator_path ?? null,
      mapping,
    },
  };
}

/** `machine_learning`: alerts on anomalies an ML job scores; there is no query to lower. */
export function machineLearningStage(rule: RuleTable): NewStage {
  const jobIds = stringsOf(rule.machine_learning_job_id);
  return {
    command: 'machine_learning',
    text: inlineToml('machine_learning_job_id', rule.machine_learning_job_id ?? []),
    effect: 'aggregate',
    args: { jobIds, anomalyThreshold: rule.anomaly_threshold ?? null },
  };
}

/** `alert_suppression`: one alert per group of fields within a duration; matching is unchanged. */
export function alertSuppressionStage(rule: RuleTable): NewStage {
  const suppression = tableOf(rule.alert_suppression);
  const duration = tableOf(suppression.duration);
  const args: Stage['args'] = {
    groupBy: stringsOf(suppression.group_by),
    duration: Object.keys(duration).length === 0 ? null : `${duration.value}${duration.unit}`,
    missingFieldsStrategy: suppression.missing_fields_strategy ?? null,
  };
  const text = inlineToml('alert_suppression', rule.alert_suppression);
  return { command: 'alert_suppression', text, effect: 'format', args };
}

/** `exceptions_list`: exception lists maintained in Kibana remove events; empty until filled. */
export function exceptionsStage(rule: RuleTable): NewStage {
  const lists = tablesOf(rule.exceptions_list).map((list) => list.list_id ?? list.id ?? null);
  return {
    command: 'exceptions',
    text: inlineToml('exceptions_list', rule.exceptions_list),
    effect: 'tuning-hook',
    args: { lists },
  };
}
