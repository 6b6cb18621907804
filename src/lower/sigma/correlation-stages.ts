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
import type { SigmaContext } from '../../sources/sigma/sigma-context.js';
import { referencedRule, referencesOf, resolveReference } from './rule-references.js';
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

  const filters = references.map((reference) => {
    const referenced = resolveReference(reference, context);
    if (referenced) return eventFilterOfRule(referenced);
    const reason = `no rule with id or name '${reference}' in the repository`;
    report('warning', 'sigma.unresolved-rule-reference', reason);
    return { kind: 'opaque' as const, text: reference, reason };
  });
  const events = filters.includes(null) ? null : eitherOf(filters as Expr[]);
  const aggregated = events ? { ...stage, predicate: events } : stage;

  const field = asRecord(correlation.condition).field;
  if (type.startsWith('value_') && typeof field !== 'string') {
    report('error', 'sigma.missing-correlation-field', `'${type}' needs a field in its condition`);
  }
  const measured = measure(typeof field === 'string' ? field : '');
  return [aggregated, conditionStage(correlation, measured, references.length, reportFor(2))];
}

function conditionStage(
  correlation: Record<string, unknown>,
  measure: string,
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
  const make = (op: Op, value: number, text: string): Expr => {
    return predicate({ field: measure, op, values: [value], caseSensitive: false, text });
  };

  if (correlation.condition === undefined || correlation.condition === null) {
    const text = `all ${ruleCount} rules within ${String(correlation.timespan ?? '')}`.trim();
    if (correlation.type !== 'temporal' && correlation.type !== 'temporal_ordered') {
      report('error', 'sigma.missing-correlation-condition', 'the correlation has no condition');
      return { ...stage, text: 'condition:', opaque: true };
    }
    return { ...stage, text, predicate: make('ge', ruleCount, text) };
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
    comparisons.push(make(op, value, text));
  }
  const text = `${measure} ${lines.join(', ')}`;
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
