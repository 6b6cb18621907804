// Neighbors, first version: for each rule the rules provably broader and narrower than it.
//
// A is broader than B when every event B keeps, A keeps: each case of B's condition implies
// A's condition (implication/), and A's later stages drop none of those events
// (stage-containment). Nothing is claimed that is not shown; rules that cannot be modelled
// (event-scope) get no claims. Candidates come from an index of anchors (candidate-index).
// Equivalent rules (each broader than the other) are listed in both lists, first, with reasons
// starting "equivalent —", until they get a list of their own.

import type { Neighbor, Neighbors, Rule } from '../../ir/index.js';
import type { Formula } from '../implication/formula.js';
import { casesImply, type ConditionMapping } from '../implication/implies.js';
import type { Literal } from '../implication/literal.js';
import { CandidateIndex } from './candidate-index.js';
import { eventScopeOf, type EventScope } from './event-scope.js';
import { sourceCovers } from './event-source.js';
import { broaderReason, narrowerReason } from './reason.js';
import { stageContainment, type Containment } from './stage-containment.js';

/**
 * Most neighbors listed per relation and rule, closest first: equivalent rules, then those
 * whose difference is the fewest conditions of the narrower rule the broader one does not need.
 */
export const NEIGHBOR_LIMIT = 20;

/** One proven relation: every event `narrower` keeps, `broader` keeps. */
export interface Claim {
  broader: Rule;
  narrower: Rule;
  /** The broader rule's condition, proven from each case of the narrower rule's. */
  condition: Formula;
  mapping: ConditionMapping[];
  /** The narrower rule's literals no condition of the broader rule needed. */
  added: Literal[];
  containment: Containment;
  /** Whether the reverse holds too: both rules keep the same events. */
  equivalent: boolean;
}

export interface NeighborSearch {
  /** Per rule id (every rule given), its listed neighbors. */
  neighbors: Map<string, Neighbors>;
  /** Every claim found, before the per-rule limit. */
  claims: Claim[];
  /** Rules never compared, counted by why. */
  excluded: Map<string, number>;
  /** Comparable rules whose condition has more cases than the bound: never narrower. */
  tooManyCases: number;
}

export function findNeighbors(rules: Rule[]): Map<string, Neighbors> {
  return searchNeighbors(rules).neighbors;
}

export function searchNeighbors(rules: Rule[]): NeighborSearch {
  const scopes: EventScope[] = [];
  const excluded = new Map<string, number>();
  for (const rule of rules) {
    const result = eventScopeOf(rule);
    if ('scope' in result) scopes.push(result.scope);
    else excluded.set(result.excluded, (excluded.get(result.excluded) ?? 0) + 1);
  }

  const claims = claimsAmong(scopes);
  const neighbors = new Map<string, Neighbors>(
    rules.map((rule) => [rule.id, { broader: [], narrower: [] }]),
  );
  for (const [id, listed] of listedNeighbors(claims)) neighbors.set(id, listed);

  const tooManyCases = scopes.filter((scope) => !scope.cases).length;
  return { neighbors, claims, excluded, tooManyCases };
}

function claimsAmong(scopes: EventScope[]): Claim[] {
  const index = new CandidateIndex(scopes);
  const claims: Claim[] = [];
  for (const narrower of scopes) {
    for (const broader of index.candidatesFor(narrower)) {
      const claim = claimOf(broader, narrower);
      if (claim) claims.push(claim);
    }
  }

  const pairs = new Set(claims.map((c) => pairKey(c.broader, c.narrower)));
  for (const claim of claims) claim.equivalent = pairs.has(pairKey(claim.narrower, claim.broader));
  return claims;
}

function claimOf(broader: EventScope, narrower: EventScope): Claim | null {
  if (broader.vocabulary !== narrower.vocabulary || !narrower.cases) return null;
  if (!sourceCovers(broader.source, narrower.source)) return null;
  const containment = stageContainment(broader, narrower);
  if (!containment) return null;
  const mapping = casesImply(narrower.cases, broader.condition);
  if (!mapping) return null;

  const used = new Set(mapping.map((step) => step.impliedBy));
  const usedKeys = new Set([...used].map(literalKey));
  const added = [...new Set(narrower.cases.flat())].filter(
    (literal) => !used.has(literal) && !usedKeys.has(literalKey(literal)),
  );
  return {
    broader: broader.rule,
    narrower: narrower.rule,
    condition: broader.condition,
    mapping,
    added,
    containment,
    equivalent: false,
  };
}

function listedNeighbors(claims: Claim[]): Map<string, Neighbors> {
  const broaderOf = new Map<string, Claim[]>();
  const narrowerOf = new Map<string, Claim[]>();
  for (const claim of claims) {
    pushTo(broaderOf, claim.narrower.id, claim);
    pushTo(narrowerOf, claim.broader.id, claim);
  }

  const listed = new Map<string, Neighbors>();
  const entry = (id: string) => {
    const neighbors = listed.get(id) ?? { broader: [], narrower: [] };
    listed.set(id, neighbors);
    return neighbors;
  };
  for (const [id, list] of broaderOf) {
    entry(id).broader = closest(list, (c) => c.broader.id).map((c) =>
      neighborOf(c.broader, broaderReason(c)),
    );
  }
  for (const [id, list] of narrowerOf) {
    entry(id).narrower = closest(list, (c) => c.narrower.id).map((c) =>
      neighborOf(c.narrower, narrowerReason(c)),
    );
  }
  return listed;
}

/** Equivalent rules first, then fewest added conditions, then id; at most the limit. */
function closest(claims: Claim[], idOf: (claim: Claim) => string): Claim[] {
  return [...claims]
    .sort(
      (a, b) =>
        Number(b.equivalent) - Number(a.equivalent) ||
        a.added.length - b.added.length ||
        idOf(a).localeCompare(idOf(b)),
    )
    .slice(0, NEIGHBOR_LIMIT);
}

function neighborOf(rule: Rule, reason: string): Neighbor {
  const { id, upstreamId, source, title } = rule;
  return { id, upstreamId, source, title, reason };
}

/** Literals with equal keys are the same condition written twice (`all of` equal selections). */
function literalKey(literal: Literal): string {
  const { field, op, caseSensitive, flags, negated, dialect, verbatim, values } = literal;
  const written = values.map((value) => `${typeof value}:${String(value)}`).join('\u0001');
  return [field, op, caseSensitive, flags, negated, dialect, verbatim, written].join('\u0000');
}

function pairKey(broader: Rule, narrower: Rule): string {
  return `${broader.id}\u0000${narrower.id}`;
}

function pushTo(map: Map<string, Claim[]>, id: string, claim: Claim): void {
  const list = map.get(id);
  if (list) list.push(claim);
  else map.set(id, [claim]);
}
