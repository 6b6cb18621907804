// Turns a rule document and its lowered pipeline into a Rule: catalog id, event filter, status.

import { and, hasOpaque, or, type Expr, type Rule, type RuleDocument } from '../ir/index.js';
import type { LoweredQuery } from './lowered-query.js';

/**
 * Longest catalog id a rule may have: longer than any in the real corpora (source, colon, a UUID
 * or a short name). The build reports a longer one as a failure and the web refuses it.
 */
export const MAX_CATALOG_ID_LENGTH = 300;

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

/** Commands adding the rows of other searches to the results (SPL `append`, `union`). */
const ROW_ADDING = new Set(['append', 'union', 'multisearch']);

/**
 * The AND of every event-dropping predicate up to and including the first aggregation's own
 * filter. Later filters act on aggregated rows and are not part of it. A search whose rows are
 * added (`append [search …]`) brings its own events: the filter becomes the OR of both, so
 * that it never claims fewer events than the rule alerts on.
 */
export function eventFilterOf(lowered: Pick<LoweredQuery, 'pipeline'>): Expr | null {
  let filter: Expr | null = null;
  let aggregated = false;
  for (const stage of lowered.pipeline) {
    if (ROW_ADDING.has(stage.command.toLowerCase()) && stage.subsearches) {
      const added = stage.subsearches.map((s) => eventFilterOf({ pipeline: s.stages }));
      filter = added.includes(null) || filter === null ? null : or([filter, ...(added as Expr[])]);
      continue;
    }
    if (aggregated) continue;
    const filters = stage.effect === 'filter' || stage.effect === 'aggregate';
    if (filters && stage.predicate) {
      filter = filter === null ? stage.predicate : and([filter, stage.predicate]);
    }
    if (stage.effect === 'aggregate') aggregated = true;
  }
  return filter;
}

function isFullyParsed(lowered: LoweredQuery): boolean {
  if (lowered.diagnostics.some((d) => d.severity !== 'info')) return false;
  return lowered.pipeline.every((s) => !s.opaque && !(s.predicate && hasOpaque(s.predicate)));
}
