// Lowers a Sigma rule document into stages: log source, detection (and the obsolete v1
// aggregation), or a correlation over other rules, or a filter applied to other rules.

import type { Expr, RuleDocument, Stage } from '../../ir/index.js';
import type { SigmaContext } from '../../sources/sigma/sigma-context.js';
import { eventFilterOf } from '../finish-rule.js';
import type { LoweredQuery } from '../lowered-query.js';
import { aggregationStages, timeframeStage } from './aggregation-stages.js';
import { correlationStages } from './correlation-stages.js';
import { lowerDetectionBlock } from './detection-block.js';
import { detectionTreeOf } from './detection-tree.js';
import { filterStage } from './filter-stage.js';
import { logsourceStage } from './logsource-stage.js';
import { SigmaDiagnostics } from './sigma-diagnostics.js';

export function lowerSigma(doc: RuleDocument, context: SigmaContext): LoweredQuery {
  return lowerDocument(doc, context, new Set());
}

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
      if (inner.has(referenced.upstreamId)) {
        const reason = `'${referenced.upstreamId}' refers back to this correlation`;
        reportFor(1)('error', 'sigma.correlation-cycle', reason);
        return { kind: 'opaque', text: referenced.upstreamId, reason };
      }
      return eventFilterOf(lowerDocument(referenced, context, inner));
    };
    pipeline = correlationStages(doc, context, eventFilterOfRule, reportFor);
  } else if (doc.type === 'filter') {
    pipeline = [filterStage(doc, context, reportFor(1))];
  } else {
    pipeline = detectionStages(doc, reportFor);
  }
  return { pipeline, diagnostics: diagnostics.list };
}

function detectionStages(
  doc: RuleDocument,
  reportFor: (stage: number) => ReturnType<SigmaDiagnostics['forStage']>,
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
    stages.push(...aggregationStages(aggregation, timeframe, stages.length + 1, reportFor));
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
