// The obsolete Sigma v1 aggregation (`selection | count(x) by y > n`, with `timeframe`) as two
// visible stages, the grouping and the threshold on it, flagged as superseded by correlations.

import { predicate, type Stage } from '../../ir/index.js';
import type { ComparisonOperator } from '../../languages/sigma/condition-syntax.js';
import type { PlacedAggregation } from './condition-expression.js';
import type { ReportProblem } from './sigma-diagnostics.js';

const THRESHOLD_OPS = {
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
  '=': 'eq',
  '!=': 'ne',
} as const satisfies Record<ComparisonOperator, string>;

export function aggregationStages(
  placed: PlacedAggregation,
  timeframe: string | null,
  firstIndex: number,
  reportFor: (stage: number) => ReportProblem,
): Stage[] {
  // LIMITATION: the v1 `timeframe` is kept as an argument only — no stage models the window.
  const { aggregation, text } = placed;
  const measure = `${aggregation.function}(${aggregation.field ?? ''})`;
  const groupFields = aggregation.groupBy ? [aggregation.groupBy] : [];
  reportFor(firstIndex)(
    'warning',
    'sigma.obsolete-aggregation',
    'aggregations in the condition are Sigma v1 syntax, replaced by correlation rules; ' +
      'they are shown as stages but their time window is not modelled',
    placed.span?.start,
  );

  const grouping: Stage = {
    index: firstIndex,
    command: 'aggregation',
    text,
    effect: 'aggregate',
    args: { function: aggregation.function, field: aggregation.field, timeframe },
    groupBy: { fields: groupFields, filled: [] },
  };
  const threshold: Stage = {
    index: firstIndex + 1,
    command: 'threshold',
    text: `${measure} ${aggregation.operator} ${aggregation.threshold}`,
    effect: 'filter-aggregated',
    args: {},
    predicate: predicate({
      field: measure,
      op: THRESHOLD_OPS[aggregation.operator],
      values: [aggregation.threshold],
      caseSensitive: false,
      text,
    }),
  };
  if (placed.span) {
    grouping.span = placed.span;
    threshold.span = placed.span;
  }
  return [grouping, threshold];
}

/** A `timeframe` with no aggregation to apply to: shown, and said to have no defined effect. */
export function timeframeStage(timeframe: string, index: number, report: ReportProblem): Stage {
  report(
    'warning',
    'sigma.timeframe-without-aggregation',
    `'timeframe: ${timeframe}' has no aggregation in the condition to apply to`,
  );
  return {
    index,
    command: 'timeframe',
    text: `timeframe: ${timeframe}`,
    effect: 'filter',
    args: { timeframe },
    opaque: true,
  };
}
