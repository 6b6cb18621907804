// Neighbors of every rule: which rules are provably broader, narrower or equivalent, and which
// share an event with it.
//
// Each rule's event scope is modelled (event-scope), claims are proven among the scopes
// (claims), overlaps are found among the pairs left (overlaps), and each rule lists its closest
// ones (neighbor-list).

import { noNeighbors, type Neighbors, type Rule } from '../../ir/index.js';
import { claimsAmong, type Claim } from './claims.js';
import { eventScopeOf, type EventScope } from './event-scope.js';
import { listedNeighbors } from './neighbor-list.js';
import { overlapsAmong, type Overlap } from './overlaps.js';

export { NEIGHBOR_LIMIT } from './neighbor-list.js';
export type { Claim } from './claims.js';
export type { Overlap } from './overlaps.js';

export interface NeighborSearch {
  /** Per rule id (every rule given), its listed neighbors. */
  neighbors: Map<string, Neighbors>;
  /** Every claim found, before the per-rule limit. */
  claims: Claim[];
  /** Every overlap found, before the per-rule limit. */
  overlaps: Overlap[];
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
  const related = new Set(claims.map((claim) => pairKey(claim.broader, claim.narrower)));
  const overlaps = overlapsAmong(scopes, (a, b) => related.has(pairKey(a, b)));
  const neighbors = new Map<string, Neighbors>(rules.map((rule) => [rule.id, noNeighbors()]));
  const cases = new Map(scopes.map((scope) => [scope.rule, scope.cases]));
  const casesOf = (rule: Rule) => cases.get(rule);
  for (const [id, listed] of listedNeighbors(claims, overlaps, casesOf)) neighbors.set(id, listed);

  const tooManyCases = scopes.filter((scope) => !scope.cases).length;
  return { neighbors, claims, overlaps, excluded, tooManyCases };
}

/** The same key for a pair whichever rule comes first. */
function pairKey(a: Rule, b: Rule): string {
  return a.id < b.id ? `${a.id}\u0000${b.id}` : `${b.id}\u0000${a.id}`;
}
