// Neighbors of every rule: which rules are provably broader and narrower than it.
//
// Each rule's event scope is modelled (event-scope), claims are proven among the scopes
// (claims), and each rule lists its closest ones (neighbor-list).

import type { Neighbors, Rule } from '../../ir/index.js';
import { claimsAmong, type Claim } from './claims.js';
import { eventScopeOf, type EventScope } from './event-scope.js';
import { listedNeighbors } from './neighbor-list.js';

export { NEIGHBOR_LIMIT } from './neighbor-list.js';
export type { Claim } from './claims.js';

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
