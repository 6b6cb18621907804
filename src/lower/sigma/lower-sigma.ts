// Lowers a Sigma rule document into stages: log source, detection (and the obsolete v1
// aggregation), or a correlation over other rules, or a filter applied to other rules.

import { hasOpaque, type Expr, type RuleDocument, type Stage } from '../../ir/index.js';
import type { SigmaContext } from '../../sources/sigma/sigma-context.js';
import { eventFilterOf } from '../finish-rule.js';
import type { LoweredQuery } from '../lowered-query.js';
import { aggregationStages, timeframeStage } from './aggregation-stages.js';
import { correlationStages } from './correlation-stages.js';
import { lowerDetectionBlock } from './detection-block.js';
import { detectionTreeOf } from './detection-tree.js';
import { filterStage } from './filter-stage.js';
import { logsourceStage } from './logsource-stage.js';
import { SigmaDiagnostics, type ReportProblem } from './sigma-diagnostics.js';

export function lowerSigma(doc: RuleDocument, context: SigmaContext): LoweredQuery {
  return lowerDocument(doc, context, new Set());
}

// LIMITATION: correlations nested deeper than this (each referring to the next) are cut, to keep
// the stack safe — the rule shows an opaque part. Filters already lowered are reused, so the cut
// only happens when the deepest rule is lowered first.
const MAXIMUM_REFERENCE_DEPTH = 256;

/**
 * Event filters of referenced rules, per repository, so that rules referred to by many
 * correlations (or along a long chain) are lowered once.
 */
const referencedFilters = new WeakMap<SigmaContext, Map<string, Expr | null>>();

/** `visiting` holds the correlations being lowered, so a reference cycle ends. */
function lowerDocument(
  doc: RuleDocument,
  context: SigmaContext,
  visiting: Set<string>,
): LoweredQuery {
  const diagnostics = new SigmaDiagnostics(doc);
  const reportFor = (stage: number) => diagnostics.forStage(stage);

  let pipeline: Stage[];
  if (doc.type === 'correlation') {
    const inner = new Set([...visiting, doc.upstreamId]);
    const eventFilterOfRule = (referenced: RuleDocument): Expr | null => {
      return referencedEventFilter(referenced, context, inner, reportFor(1));
    };
    pipeline = correlationStages(doc, context, eventFilterOfRule, reportFor);
  } else if (doc.type === 'filter') {
    pipeline = [filterStage(doc, context, reportFor(1))];
  } else {
    pipeline = detectionStages(doc, reportFor);
  }
  return { pipeline, diagnostics: diagnostics.list };
}

function referencedEventFilter(
  referenced: RuleDocument,
  context: SigmaContext,
  visiting: Set<string>,
  report: ReportProblem,
): Expr | null {
  const id = referenced.upstreamId;
  const opaque = (code: string, reason: string): Expr => {
    report('error', code, reason);
    return { kind: 'opaque', text: id, reason };
  };
  if (visiting.has(id)) return opaque('sigma.correlation-cycle', `'${id}' refers back to it`);
  if (visiting.size >= MAXIMUM_REFERENCE_DEPTH) {
    const reason = `references nest deeper than ${MAXIMUM_REFERENCE_DEPTH} correlations`;
    return opaque('sigma.correlation-too-deep', reason);
  }

  let filters = referencedFilters.get(context);
  if (!filters) referencedFilters.set(context, (filters = new Map()));
  if (!filters.has(id)) {
    filters.set(id, eventFilterOf(lowerDocument(referenced, context, visiting)));
  }
  const filter = filters.get(id) ?? null;
  if (filter && hasOpaque(filter)) {
    const reason = `the referenced rule '${id}' is not fully understood`;
    report('warning', 'sigma.referenced-rule-not-understood', reason);
  }
  return filter;
}

function detectionStages(
  doc: RuleDocument,
  reportFor: (stage: number) => ReportProblem,
): Stage[] {
  const logsource = logsourceStage(doc.raw.logsource, 1, reportFor(1));
  const tree = detectionTreeOf(doc.query, 'detection', doc.raw.detection);
  const block = lowerDetectionBlock(tree, ['condition', 'timeframe'], doc.query, reportFor(2));
  const detection: Stage = {
    index: 2,
    command: 'detection',
    text: doc.query,
    effect: 'filter',
    args: {
      condition: block.conditions.length === 1 ? block.conditions[0] : block.conditions,
      searchIdentifiers: block.searchIdentifiers,
    },
    predicate: block.predicate,
    span: { start: 0, end: doc.query.length },
  };

  const stages = [logsource, detection];
  const timeframe = timeframeOf(doc.raw.detection);
  for (const aggregation of block.aggregations) {
    const aggregated = aggregationStages(aggregation, timeframe, stages.length + 1, reportFor);
    for (const stage of aggregated) stages.push(stage);
  }
  if (timeframe !== null && block.aggregations.length === 0) {
    stages.push(timeframeStage(timeframe, stages.length + 1, reportFor(stages.length + 1)));
  }
  return stages;
}

function timeframeOf(detection: unknown): string | null {
  if (detection === null || typeof detection !== 'object') return null;
  const timeframe = (detection as Record<string, unknown>).timeframe;
  return typeof timeframe === 'string' || typeof timeframe === 'number' ? String(timeframe) : null;
}
