// A Sigma correlation rule as two stages: the aggregation over the events of the rules it
// refers to (their event filters OR'ed), then the condition on the aggregated rows.

import {
  and,
  or,
  predicate,
  type Expr,
  type Op,
  type RuleDocument,
  type Stage,
} from '../../ir/index.js';
import {
  referencesOf,
  resolveReference,
  type SigmaContext,
} from '../../sources/sigma/sigma-context.js';
import { correlationTimespan } from './correlation-timespan.js';
import { referencedRule } from './rule-references.js';
import type { ReportProblem } from './sigma-diagnostics.js';

/** What each correlation type measures per group, as the field its condition compares. */
const MEASURES: Record<string, (field: string) => string> = {
  event_count: () => 'count()',
  value_count: (field) => `value_count(${field})`,
  value_sum: (field) => `sum(${field})`,
  value_avg: (field) => `avg(${field})`,
  value_percentile: (field) => `percentile(${field})`,
  temporal: () => 'rule_count()',
  temporal_ordered: () => 'rule_count()',
};

const CONDITION_OPS: Record<string, Op> = {
  gt: 'gt',
  gte: 'ge',
  lt: 'lt',
  lte: 'le',
  eq: 'eq',
  neq: 'ne',
};

/** The event filter of a referenced rule (null: it keeps every event), or why there is none. */
export type EventFilterOfRule = (doc: RuleDocument) => Expr | null;

export function correlationStages(
  doc: RuleDocument,
  context: SigmaContext,
  eventFilterOfRule: EventFilterOfRule,
  reportFor: (stage: number) => ReportProblem,
): Stage[] {
  const report = reportFor(1);
  const correlation = asRecord(doc.raw.correlation);
  const type = typeof correlation.type === 'string' ? correlation.type : '';
  const references = referencesOf(correlation.rules);
  const groupBy = referencesOf(correlation['group-by']);
  const timespan = correlationTimespan(correlation.timespan, report);
  const stage: Stage = {
    index: 1,
    command: 'correlation',
    text: doc.query,
    effect: 'aggregate',
    args: {
      type,
      rules: references.map((reference) => referencedRule(reference, context)),
      groupBy,
      timespan: correlation.timespan ?? null,
      timespanSeconds: timespan,
      ...(type === 'temporal_ordered' && { ordered: true }),
      ...(correlation.aliases !== undefined && { aliases: correlation.aliases }),
      ...(correlation.generate !== undefined && { generate: correlation.generate }),
    },
    groupBy: { fields: groupBy, filled: [] },
    span: { start: 0, end: doc.query.length },
  };

  const measure = MEASURES[type];
  if (!Object.hasOwn(MEASURES, type)) {
    report('error', 'sigma.unknown-correlation-type', `'${type}' is not a correlation type`);
    return [{ ...stage, opaque: true }];
  }
  if (references.length === 0) {
    report('error', 'sigma.correlation-without-rules', 'the correlation names no rules');
    return [{ ...stage, opaque: true }];
  }
  checkAliases(correlation.aliases, references, context, report);

  const filters = references.map((reference) => {
    const referenced = resolveReference(reference, context);
    if (referenced) return eventFilterOfRule(referenced);
    const reason = `no rule with id or name '${reference}' in the repository`;
    report('warning', 'sigma.unresolved-rule-reference', reason);
    return { kind: 'opaque' as const, text: reference, reason };
  });
  const events = filters.includes(null) ? null : eitherOf(filters as Expr[]);
  const aggregated = events ? { ...stage, predicate: events } : stage;
  const windowed = timespan === null ? { ...aggregated, opaque: true } : aggregated;

  const fields = measuredFields(type, asRecord(correlation.condition).field, reportFor(2));
  const measures = fields.map(measure);
  return [windowed, conditionStage(correlation, measures, references.length, reportFor(2))];
}

/**
 * The fields a value correlation measures (several are each compared: the specification links
 * them with AND); one empty name for the counting types, which measure no field.
 */
function measuredFields(type: string, field: unknown, report: ReportProblem): string[] {
  if (!type.startsWith('value_')) return [''];
  const fields = referencesOf(field);
  if (fields.length > 0) return fields;
  report('error', 'sigma.missing-correlation-field', `'${type}' needs a field in its condition`);
  return [''];
}

/** Aliases map a name to a field per referenced rule; their rules must be ones referenced. */
function checkAliases(
  aliases: unknown,
  references: string[],
  context: SigmaContext,
  report: ReportProblem,
): void {
  if (aliases === undefined) return;
  const invalid = (message: string): void => {
    report('error', 'sigma.invalid-correlation-aliases', message);
  };
  if (aliases === null || typeof aliases !== 'object' || Array.isArray(aliases)) {
    return invalid('aliases is not a map of alias names');
  }
  const referenced = new Set(references.map((reference) => resolveReference(reference, context)));
  for (const [alias, fields] of Object.entries(aliases)) {
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
      invalid(`alias '${alias}' is not a map of rule names to fields`);
      continue;
    }
    for (const [name, field] of Object.entries(fields)) {
      if (typeof field !== 'string') invalid(`alias '${alias}' gives '${name}' no field name`);
      const rule = resolveReference(name, context);
      if (rule && referenced.has(rule)) continue;
      const message = `alias '${alias}' names '${name}', which the correlation does not refer to`;
      report('warning', 'sigma.alias-for-unreferenced-rule', message);
    }
  }
}

function conditionStage(
  correlation: Record<string, unknown>,
  measures: string[],
  ruleCount: number,
  report: ReportProblem,
): Stage {
  const stage: Stage = {
    index: 2,
    command: 'condition',
    text: '',
    effect: 'filter-aggregated',
    args: {},
  };
  const make = (measure: string, op: Op, value: number, text: string): Expr => {
    return predicate({ field: measure, op, values: [value], caseSensitive: false, text });
  };

  const timespan = String(correlation.timespan ?? '');
  if (correlation.condition === undefined || correlation.condition === null) {
    const order = correlation.type === 'temporal_ordered' ? ', in order,' : '';
    const text = `all ${ruleCount} rules${order} within ${timespan}`.trim();
    if (correlation.type !== 'temporal' && correlation.type !== 'temporal_ordered') {
      report('error', 'sigma.missing-correlation-condition', 'the correlation has no condition');
      return { ...stage, text: 'condition:', opaque: true };
    }
    return { ...stage, text, predicate: make(measures[0], 'ge', ruleCount, text) };
  }

  const condition = asRecord(correlation.condition);
  const comparisons: Expr[] = [];
  const lines: string[] = [];
  for (const [name, value] of Object.entries(condition)) {
    if (name === 'field') continue;
    const text = `${name}: ${String(value)}`;
    lines.push(text);
    const op = Object.hasOwn(CONDITION_OPS, name) ? CONDITION_OPS[name] : undefined;
    if (!op || typeof value !== 'number') {
      const reason = `'${text}' is not a comparison with a number`;
      report('error', 'sigma.invalid-correlation-condition', reason);
      comparisons.push({ kind: 'opaque', text, reason });
      continue;
    }
    for (const measure of measures) comparisons.push(make(measure, op, value, text));
  }
  const text = `${measures.join(', ')} ${lines.join(', ')}`;
  if (comparisons.length === 0) {
    report('error', 'sigma.invalid-correlation-condition', 'the condition has no comparison');
    return { ...stage, text, opaque: true };
  }
  return { ...stage, text, predicate: and(comparisons) };
}

/**
 * The OR of the referenced rules' filters, each filter once: correlations over correlations
 * reach the same rules by many paths, and repeating them would grow the tree exponentially.
 */
function eitherOf(filters: Expr[]): Expr {
  const alternatives = new Map<string, Expr>();
  for (const filter of filters) {
    for (const alternative of filter.kind === 'or' ? filter.args : [filter]) {
      alternatives.set(JSON.stringify(alternative), alternative);
    }
  }
  return or([...alternatives.values()]);
}

function asRecord(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return value as Record<string, unknown>;
}
