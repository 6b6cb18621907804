// Lowers a block of search identifiers plus a condition — `detection:`, or the selections of a
// filter rule — into one predicate tree.

import type { Expr } from '../../ir/index.js';
import type { DetectionEntry, DetectionNode } from './detection-tree.js';
import { lowerCondition, type PlacedAggregation } from './condition-expression.js';
import { lowerSearchIdentifier } from './search-identifier.js';
import type { ReportProblem } from './sigma-diagnostics.js';

/**
 * Tree nodes a condition may expand its search identifiers to, beyond one per four characters
 * of the query: every reference copies the identifier's tree into the analyses, so `sel and sel
 * and …` over a big selection would otherwise grow with the product of the two.
 */
// LIMITATION: a condition naming big selections more often than that is opaque from there on
// (one sigma.condition-too-large diagnostic) — the rule is not fully parsed, has no neighbors.
const EXPANSION_ALLOWANCE = 100_000;
const QUERY_CHARACTERS_PER_NODE = 4;

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
  const condition = block.entries.find((entry) => entry.key === 'condition');
  const allowed = EXPANSION_ALLOWANCE + Math.floor(query.length / QUERY_CHARACTERS_PER_NODE);
  const identifiers = {
    names: searchIdentifiers,
    lower: identifierLowering(entries, allowed, condition?.value.span?.start, report),
  };

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

/**
 * Lowers each search identifier once, and returns its tree for each reference until the trees
 * returned reach `allowed` nodes; past it a reference is opaque, reported once at `offset`.
 * The condition only asks for names that are entries, so every lookup finds its entry.
 */
function identifierLowering(
  entries: Map<string, DetectionEntry>,
  allowed: number,
  offset: number | undefined,
  report: ReportProblem,
): (name: string) => Expr {
  const lowered = new Map<string, { expr: Expr; size: number }>();
  let left = allowed;
  let reported = false;
  return (name) => {
    let known = lowered.get(name);
    if (!known) {
      const entry = entries.get(name) as DetectionEntry;
      const expr = lowerSearchIdentifier(name, entry.value, report);
      known = { expr, size: treeSize(expr) };
      lowered.set(name, known);
    }
    left -= known.size;
    if (left >= 0) return known.expr;

    const reason = 'the condition repeats its search identifiers too often to be analysed';
    if (!reported) report('error', 'sigma.condition-too-large', reason, offset);
    reported = true;
    return { kind: 'opaque', text: name, reason };
  };
}

/** Nodes of a predicate tree, counting a shared subtree once per place it appears. */
function treeSize(expr: Expr): number {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.args.reduce((sum, arg) => sum + treeSize(arg), 1);
    case 'not':
      return 1 + treeSize(expr.arg);
    case 'predicate':
    case 'computed':
    case 'subsearch':
    case 'opaque':
      return 1;
  }
}
