// Lowers a block of search identifiers plus a condition — `detection:`, or the selections of a
// filter rule — into one predicate tree.

import type { Expr } from '../../ir/index.js';
import type { DetectionEntry, DetectionNode } from './detection-tree.js';
import { lowerCondition, type PlacedAggregation } from './condition-expression.js';
import { lowerSearchIdentifier } from './search-identifier.js';
import type { ReportProblem } from './sigma-diagnostics.js';

export interface LoweredBlock {
  predicate: Expr;
  /** The conditions as written. */
  conditions: string[];
  searchIdentifiers: string[];
  aggregations: PlacedAggregation[];
}

/**
 * `reserved` keys of the block are not search identifiers (`condition`, and `timeframe` or
 * `rules` depending on the block).
 */
export function lowerDetectionBlock(
  block: DetectionNode,
  reserved: string[],
  query: string,
  report: ReportProblem,
): LoweredBlock {
  if (block.kind !== 'map') {
    const reason = 'the block is not a map of search identifiers and a condition';
    report('error', 'sigma.invalid-detection', reason, block.span?.start);
    const predicate: Expr = { kind: 'opaque', text: block.text, reason };
    return { predicate, conditions: [], searchIdentifiers: [], aggregations: [] };
  }

  const entries = new Map<string, DetectionEntry>();
  for (const entry of block.entries) {
    if (!reserved.includes(entry.key)) entries.set(entry.key, entry);
  }
  const searchIdentifiers = [...entries.keys()];
  const lowered = new Map<string, Expr>();
  // The condition only asks for names in `searchIdentifiers`, so every lookup finds its entry.
  const identifiers = {
    names: searchIdentifiers,
    lower(name: string): Expr {
      const known = lowered.get(name);
      if (known) return known;
      const entry = entries.get(name) as DetectionEntry;
      const expr = lowerSearchIdentifier(name, entry.value, report);
      lowered.set(name, expr);
      return expr;
    },
  };

  const condition = block.entries.find((entry) => entry.key === 'condition');
  if (!condition) {
    const reason = 'the detection has no condition';
    report('error', 'sigma.missing-condition', reason, block.span?.start);
    const predicate: Expr = { kind: 'opaque', text: block.text, reason };
    return { predicate, conditions: [], searchIdentifiers, aggregations: [] };
  }

  const result = lowerCondition(condition.value, query, identifiers, report);
  return {
    predicate: result.expr,
    conditions: result.texts,
    searchIdentifiers,
    aggregations: result.aggregations,
  };
}
