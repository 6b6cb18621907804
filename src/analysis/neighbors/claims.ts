// Proven broader/narrower relations between rules: for each rule, the candidates the index
// gives are checked one by one, and each pair whose implication holds becomes a claim.
//
// A is broader than B when every event B keeps, A keeps: each case of B's condition implies
// A's condition (implication/), and A's later stages drop none of those events
// (stage-containment). Rules of every source compare, on canonical comparisons under the event
// model (docs/event-model.md). Nothing is claimed that is not shown; rules that cannot be
// modelled (event-scope) get no claims.

import type { Rule } from '../../ir/index.js';
import type { Formula } from '../implication/formula.js';
import { casesImply, type ConditionMapping } from '../implication/implies.js';
import type { Literal } from '../implication/literal.js';
import { CandidateIndex } from './candidate-index.js';
import type { EventScope } from './event-scope.js';
import { sourceCovers } from './event-source.js';
import { stageContainment, type Containment } from './stage-containment.js';

/** One proven relation: every event `narrower` keeps, `broader` keeps. */
export interface Claim {
  broader: Rule;
  narrower: Rule;
  /** Whether the rules write different field names (sources): the claim rests on the model. */
  crossSource: boolean;
  /** The broader rule's condition, proven from each case of the narrower rule's. */
  condition: Formula;
  mapping: ConditionMapping[];
  /** The narrower rule's literals no condition of the broader rule needed. */
  added: Literal[];
  containment: Containment;
  /** Whether the reverse holds too: both rules keep the same events. */
  equivalent: boolean;
}

/** Every claim among the scopes, with `equivalent` set on pairs proven both ways. */
export function claimsAmong(scopes: EventScope[]): Claim[] {
  const index = new CandidateIndex(scopes);
  const claims: Claim[] = [];
  for (const narrower of scopes) {
    for (const broader of index.candidatesFor(narrower)) {
      const claim = claimBetween(broader, narrower);
      if (claim) claims.push(claim);
    }
  }

  const pairs = new Set(claims.map((c) => pairKey(c.broader, c.narrower)));
  for (const claim of claims) claim.equivalent = pairs.has(pairKey(claim.narrower, claim.broader));
  return claims;
}

/** The claim that `broader` keeps every event `narrower` keeps, or null when not shown. */
export function claimBetween(broader: EventScope, narrower: EventScope): Claim | null {
  if (!narrower.cases) return null;
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
    crossSource: broader.vocabulary !== narrower.vocabulary,
    condition: broader.condition,
    mapping,
    added,
    containment,
    equivalent: false,
  };
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
