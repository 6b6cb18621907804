// The relation of one pair of rules, computed for that pair alone: what a page comparing two
// rules shows, with the same proofs the neighbor search makes for the whole catalog.

import type { Neighbor, Rule } from '../../ir/index.js';
import { claimBetween } from './claims.js';
import { eventScopeOf } from './event-scope.js';
import { claimNeighbor, overlapNeighbor } from './neighbor-list.js';
import { overlapBetween } from './overlaps.js';
import { broaderReason, narrowerReason } from './reason.js';

/** How `a` relates to `b`: `broader` when a matches every event b does, and more. */
export type PairRelationKind = 'equivalent' | 'broader' | 'narrower' | 'overlapping' | 'none';

export interface PairRelation {
  relation: PairRelationKind;
  /** `b` as `a`'s page lists it when `a` is shown broader (b narrower); else null. */
  aBroader: Neighbor | null;
  /** `b` as `a`'s page lists it when `b` is shown broader; else null. */
  bBroader: Neighbor | null;
  /** `b` as `a`'s page lists it when a common event was found; only looked for otherwise. */
  overlap: Neighbor | null;
  /** Why each rule cannot be compared at all (event-scope), when it cannot. */
  notCompared: { a: string | null; b: string | null };
}

export function relationBetween(a: Rule, b: Rule): PairRelation {
  const aScope = eventScopeOf(a);
  const bScope = eventScopeOf(b);
  const notCompared = {
    a: 'excluded' in aScope ? aScope.excluded : null,
    b: 'excluded' in bScope ? bScope.excluded : null,
  };
  if (!('scope' in aScope) || !('scope' in bScope)) {
    return { relation: 'none', aBroader: null, bBroader: null, overlap: null, notCompared };
  }

  const aClaim = claimBetween(aScope.scope, bScope.scope);
  const bClaim = claimBetween(bScope.scope, aScope.scope);
  const equivalent = aClaim !== null && bClaim !== null;
  const aBroader = aClaim && claimNeighbor(aClaim, b, narrowerReason({ ...aClaim, equivalent }));
  const bBroader = bClaim && claimNeighbor(bClaim, b, broaderReason({ ...bClaim, equivalent }));
  const found = aClaim || bClaim ? null : overlapBetween(aScope.scope, bScope.scope);
  const overlap = found && overlapNeighbor(found, a.id);

  let relation: PairRelationKind = 'none';
  if (aClaim && bClaim) relation = 'equivalent';
  else if (aClaim) relation = 'broader';
  else if (bClaim) relation = 'narrower';
  else if (overlap) relation = 'overlapping';
  return { relation, aBroader, bBroader, overlap, notCompared };
}
