// The neighbors a rule page lists: per rule and relation, the closest claims or overlaps, at
// most a limit, each with the other rule's name, the reason, and how the conditions meet.

import type { ConditionLink, ConditionText, Neighbor, Neighbors, Rule } from '../../ir/index.js';
import type { Literal } from '../implication/literal.js';
import type { Claim } from './claims.js';
import { conditionText } from './condition-text.js';
import { overlapReason } from './overlap-reason.js';
import type { Overlap } from './overlaps.js';
import { broaderReason, narrowerReason } from './reason.js';

/**
 * Most neighbors listed per relation and rule, closest first: for broader, narrower and
 * equivalent rules the fewest conditions of the narrower rule the broader one does not need;
 * for overlapping rules the largest share of required atoms in common.
 */
export const NEIGHBOR_LIMIT = 20;

/** Condition links kept per neighbor; the rest are counted in `mappingOmitted`. */
export const MAPPING_LIMIT = 8;

/**
 * Per rule named by a claim or an overlap, its listed neighbors. A pair proven both ways is
 * listed as equivalent only, on both rules' pages. `casesOf` gives a narrower rule's cases when
 * the caller has its scope already; otherwise the reasons model it again.
 */
export function listedNeighbors(
  claims: Claim[],
  overlaps: Overlap[] = [],
  casesOf: (rule: Rule) => Literal[][] | null | undefined = () => undefined,
): Map<string, Neighbors> {
  const listed = new Map<string, Required<Neighbors>>();
  const entry = (id: string) => {
    let neighbors = listed.get(id);
    if (!neighbors) {
      neighbors = { broader: [], narrower: [], equivalent: [], overlapping: [] };
      listed.set(id, neighbors);
    }
    return neighbors;
  };

  const broaderOf = new Map<string, Claim[]>();
  const narrowerOf = new Map<string, Claim[]>();
  const equivalentOf = new Map<string, Claim[]>();
  for (const claim of claims) {
    // Each equivalent pair has a claim each way: the one whose narrower rule is the page's.
    if (claim.equivalent) pushTo(equivalentOf, claim.narrower.id, claim);
    else {
      pushTo(broaderOf, claim.narrower.id, claim);
      pushTo(narrowerOf, claim.broader.id, claim);
    }
  }
  for (const [id, list] of broaderOf) {
    entry(id).broader = closestClaims(list, (c) => c.broader.id).map((c) =>
      claimNeighbor(c, c.broader, broaderReason(c)),
    );
  }
  for (const [id, list] of narrowerOf) {
    entry(id).narrower = closestClaims(list, (c) => c.narrower.id).map((c) =>
      claimNeighbor(c, c.narrower, narrowerReason({ ...c, narrowerCases: casesOf(c.narrower) })),
    );
  }
  for (const [id, list] of equivalentOf) {
    entry(id).equivalent = closestClaims(list, (c) => c.broader.id).map((c) =>
      claimNeighbor(c, c.broader, broaderReason(c)),
    );
  }

  const overlapsOf = new Map<string, Overlap[]>();
  for (const overlap of overlaps) {
    pushTo(overlapsOf, overlap.a.id, overlap);
    pushTo(overlapsOf, overlap.b.id, overlap);
  }
  for (const [id, list] of overlapsOf) {
    entry(id).overlapping = closestOverlaps(list, id).map((o) => overlapNeighbor(o, id));
  }
  return listed;
}

/** The neighbor a claim lists: `other` is the rule shown, the mapping is the claim's. */
export function claimNeighbor(claim: Claim, other: Rule, reason: string): Neighbor {
  // A condition pair proven in several cases is listed once.
  const links = new Map<ConditionText, Map<ConditionText, ConditionLink>>();
  const list: ConditionLink[] = [];
  for (const { condition, impliedBy } of claim.mapping) {
    const a = conditionText(condition);
    const b = conditionText(impliedBy);
    let byB = links.get(a);
    if (!byB) links.set(a, (byB = new Map()));
    if (byB.has(b)) continue;
    const link = { a, b };
    byB.set(b, link);
    list.push(link);
  }
  return {
    ...ruleOf(other),
    reason,
    ...boundedMapping(list),
    closeness: { measure: 'added-conditions', value: claim.added.length },
  };
}

/** The neighbor an overlap lists on the page of rule `id`: `a` conditions are that rule's. */
export function overlapNeighbor(overlap: Overlap, id: string): Neighbor {
  const own = overlap.a.id === id;
  const links = overlap.links.map((link) => {
    const [mine, theirs] = own ? [link.a, link.b] : [link.b, link.a];
    return {
      a: conditionText(mine[0]),
      b: conditionText(theirs[0]),
      ...(link.value === null ? {} : { value: link.value }),
    };
  });
  return {
    ...ruleOf(own ? overlap.b : overlap.a),
    reason: overlapReason(overlap),
    ...boundedMapping(links),
    closeness: { measure: 'shared-atoms', value: Math.round(overlap.closeness * 1000) / 1000 },
  };
}

/** Fewest added conditions, then id; at most the limit. */
function closestClaims(claims: Claim[], idOf: (claim: Claim) => string): Claim[] {
  return [...claims]
    .sort((a, b) => a.added.length - b.added.length || idOf(a).localeCompare(idOf(b)))
    .slice(0, NEIGHBOR_LIMIT);
}

/** Largest share of required atoms in common, then id; at most the limit. */
function closestOverlaps(overlaps: Overlap[], id: string): Overlap[] {
  const otherId = (o: Overlap) => (o.a.id === id ? o.b.id : o.a.id);
  return [...overlaps]
    .sort((a, b) => b.closeness - a.closeness || otherId(a).localeCompare(otherId(b)))
    .slice(0, NEIGHBOR_LIMIT);
}

function boundedMapping(links: ConditionLink[]): Pick<Neighbor, 'mapping' | 'mappingOmitted'> {
  const mapping = links.slice(0, MAPPING_LIMIT);
  const omitted = links.length - mapping.length;
  return omitted > 0 ? { mapping, mappingOmitted: omitted } : { mapping };
}

function ruleOf(rule: Rule): Pick<Neighbor, 'id' | 'upstreamId' | 'source' | 'title'> {
  const { id, upstreamId, source, title } = rule;
  return { id, upstreamId, source, title };
}

function pushTo<T>(map: Map<string, T[]>, id: string, item: T): void {
  const list = map.get(id);
  if (list) list.push(item);
  else map.set(id, [item]);
}
