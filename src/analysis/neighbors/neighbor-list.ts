// The neighbors a rule page lists: per rule, its claims closest first, at most a limit per
// relation, each turned into the other rule's name and the reason the relation holds.

import type { Neighbor, Neighbors, Rule } from '../../ir/index.js';
import type { Claim } from './claims.js';
import { broaderReason, narrowerReason } from './reason.js';

/**
 * Most neighbors listed per relation and rule, closest first: equivalent rules, then those
 * whose difference is the fewest conditions of the narrower rule the broader one does not need.
 */
export const NEIGHBOR_LIMIT = 20;

/**
 * Per rule named by a claim, its listed neighbors. Equivalent rules (each broader than the
 * other) are listed in both lists, first, with reasons starting "equivalent —".
 */
export function listedNeighbors(claims: Claim[]): Map<string, Neighbors> {
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

function pushTo(map: Map<string, Claim[]>, id: string, claim: Claim): void {
  const list = map.get(id);
  if (list) list.push(claim);
  else map.set(id, [claim]);
}
