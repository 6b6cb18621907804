// What `ruledex verify` reports: every neighbor claim checked, each confirmed by its witnesses,
// unknown (no witness could decide it), or failed with the witness a rule did not match.

import type { AnalyzedRule } from '../ir/index.js';
import type { UnknownReason } from './witness-value.js';

/**
 * The relations checked. A narrower claim is a broader claim read from the other rule: each
 * pair is checked once, as `broader` (`a` broader than `b`).
 */
export type VerifiedRelation = 'broader' | 'equivalent' | 'overlapping';

export const VERIFIED_RELATIONS: readonly VerifiedRelation[] = [
  'broader',
  'equivalent',
  'overlapping',
];

export interface ClaimToVerify {
  relation: VerifiedRelation;
  /** For `broader`, the broader rule; for the other relations, either rule. */
  a: AnalyzedRule;
  b: AnalyzedRule;
}

/** Why a claim could not be decided. */
export type UnknownKind =
  | UnknownReason
  /** The rule the witness was built from does not match it: the witness is wrong, not the claim. */
  | 'own-witness'
  /** An evaluator could not decide on the witness (a Splunk metadata field, a regex RE2 lacks). */
  | 'undecided'
  /** A rule of the claim has no evaluator. */
  | 'not-evaluable'
  /**
   * The broader rule's match needs several events (a threshold, a filter on aggregated rows):
   * a witness event decides only its per-event part.
   */
  | 'partial'
  /** The narrower rule's condition has no bounded cases to build witnesses from. */
  | 'no-cases'
  /** No pair of cases of two overlapping rules gave a common witness. */
  | 'no-common-witness';

export interface ClaimFailure {
  relation: VerifiedRelation;
  /** The rule that had to match the witness and did not. */
  a: string;
  /** The other rule of the claim: for `broader` and `equivalent`, the one the witness is of. */
  b: string;
  /** The event document `a` was evaluated on. */
  witness: object;
  /** Why `a` did not match, in its own text (the evaluator's reason). */
  reason: string;
}

export type ClaimOutcome =
  | { status: 'confirmed'; witnesses: number }
  | { status: 'unknown'; kind: UnknownKind; detail: string; witnesses: number }
  | { status: 'failed'; failure: ClaimFailure; witnesses: number };

export interface VerifyReport {
  claims: number;
  /** Claims checked: confirmed + unknown + failed, always equal to `claims`. */
  checked: number;
  byRelation: Record<VerifiedRelation, number>;
  confirmed: number;
  /** Claims checked but undecided: counted in `checked`, never in `failures`. */
  unknown: number;
  unknownReasons: Partial<Record<UnknownKind, number>>;
  /** Witness events evaluated by a rule that had to match them. */
  witnesses: number;
  failures: ClaimFailure[];
}
