// Turns a rule document and its lowered pipeline into a Rule: catalog id, event filter, status.

import { and, hasOpaque, type Expr, type Rule, type RuleDocument } from '../ir/index.js';
import type { LoweredQuery } from './lowered-query.js';

export function catalogId(doc: Pick<RuleDocument, 'source' | 'upstreamId'>): string {
  return `${doc.source}:${doc.upstreamId}`;
}

export function finishRule(doc: RuleDocument, lowered: LoweredQuery): Rule {
  const rule: Rule = {
    ...doc,
    id: catalogId(doc),
    pipeline: lowered.pipeline,
    eventFilter: eventFilterOf(lowered),
    fullyParsed: isFullyParsed(lowered),
    diagnostics: [...(doc.readingNotes ?? []), ...lowered.diagnostics],
  };
  if (lowered.expandedQuery !== undefined) rule.expandedQuery = lowered.expandedQuery;
  return rule;
}

/**
 * The AND of every event-dropping predicate up to and including the first aggregation's own
 * filter. Later filters act on aggregated rows and are not part of it.
 */
export function eventFilterOf(lowered: LoweredQuery): Expr | null {
  const parts: Expr[] = [];
  for (const stage of lowered.pipeline) {
    if (stage.effect === 'filter' && stage.predicate) parts.push(stage.predicate);
    if (stage.effect === 'aggregate') {
      if (stage.predicate) parts.push(stage.predicate);
      break;
    }
  }
  return parts.length === 0 ? null : and(parts);
}

function isFullyParsed(lowered: LoweredQuery): boolean {
  if (lowered.diagnostics.some((d) => d.severity !== 'info')) return false;
  return lowered.pipeline.every((s) => !s.opaque && !(s.predicate && hasOpaque(s.predicate)));
}
