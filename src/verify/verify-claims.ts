// Checks every neighbor claim of a set of rules: the claims are found again from the rules (the
// catalog keeps each rule's listed neighbors, at most 20 per relation, not the claims), then each
// is checked with witnesses (claim-check) and the outcomes are counted into a report.

import { searchNeighbors, type NeighborSearch } from '../analysis/neighbors/find-neighbors.js';
import type { AnalyzedRule } from '../ir/index.js';
import { ClaimChecker } from './claim-check.js';
import { VerifyTally, type ClaimToVerify, type VerifyReport } from './verify-report.js';

/** Finds the rules' neighbor claims and checks each one. */
export function verifyRules(rules: AnalyzedRule[]): VerifyReport {
  return verifyClaims(claimsToVerify(searchNeighbors(rules), rules));
}

/**
 * The claims of a neighbor search, each pair once: a claim whose reverse also holds is one
 * `equivalent` claim, any other one `broader` claim (its narrower reading is the same pair), and
 * each overlap one `overlapping` claim, its `a` the rule the common event is named after.
 */
export function claimsToVerify(search: NeighborSearch, rules: AnalyzedRule[]): ClaimToVerify[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const analyzed = (id: string): AnalyzedRule => {
    const rule = byId.get(id);
    if (!rule) throw new Error(`claim names rule ${id}, which was not given`);
    return rule;
  };

  const claims: ClaimToVerify[] = [];
  const equivalentPairs = new Set<string>();
  for (const claim of search.claims) {
    const a = analyzed(claim.broader.id);
    const b = analyzed(claim.narrower.id);
    if (!claim.equivalent) {
      claims.push({ relation: 'broader', a, b });
      continue;
    }
    const pair = [a.id, b.id].sort().join('\u0000');
    if (equivalentPairs.has(pair)) continue;
    equivalentPairs.add(pair);
    claims.push({ relation: 'equivalent', a, b });
  }
  for (const overlap of search.overlaps) {
    claims.push({ relation: 'overlapping', a: analyzed(overlap.a.id), b: analyzed(overlap.b.id) });
  }
  return claims;
}

export function verifyClaims(claims: ClaimToVerify[]): VerifyReport {
  const checker = new ClaimChecker();
  const tally = new VerifyTally(claims.length);
  for (const claim of claims) tally.add(claim, checker.check(claim));
  return tally.report;
}
