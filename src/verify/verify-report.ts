// What `ruledex verify` reports: every neighbor claim checked, each confirmed by its witnesses,
// unknown (no witness could decide it, named up to a bound), or failed with the witness a rule
// did not match.

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

/** An undecided claim as the report names it: the pair, the first reason met, and its text. */
export interface UnknownClaim {
  relation: VerifiedRelation;
  /** As in `ClaimToVerify`: for `broader`, the rule claimed broader. */
  a: string;
  b: string;
  kind: UnknownKind;
  /** One line on why, as the check gave it (cut to `UNKNOWN_WHY_SHOWN` characters). */
  why: string;
}

/** Unknown claims named in a report, in the order checked; the rest are only counted. */
export const UNKNOWN_CLAIMS_LISTED = 50;
/** Characters of an unknown claim's `why` kept; a longer one is cut with `…`. */
export const UNKNOWN_WHY_SHOWN = 200;

export interface VerifyReport {
  claims: number;
  /** Claims checked: confirmed + unknown + failed, always equal to `claims`. */
  checked: number;
  byRelation: Record<VerifiedRelation, number>;
  confirmed: number;
  /** Claims checked but undecided: counted in `checked`, never in `failures`. */
  unknown: number;
  unknownReasons: Partial<Record<UnknownKind, number>>;
  /**
   * The first `UNKNOWN_CLAIMS_LISTED` unknown claims; `unknown` minus their number were left
   * out. Absent from reports made before unknown claims were named.
   */
  unknownClaims?: UnknownClaim[];
  /** Witness events evaluated by a rule that had to match them. */
  witnesses: number;
  failures: ClaimFailure[];
}

/** Counts claim outcomes into a report, naming the first unknown claims. */
export class VerifyTally {
  readonly report: Required<VerifyReport>;

  constructor(claims: number) {
    const byRelation = Object.fromEntries(VERIFIED_RELATIONS.map((r) => [r, 0])) as Record<
      VerifiedRelation,
      number
    >;
    this.report = {
      claims,
      checked: 0,
      byRelation,
      confirmed: 0,
      unknown: 0,
      unknownReasons: {},
      unknownClaims: [],
      witnesses: 0,
      failures: [],
    };
  }

  add(claim: ClaimToVerify, outcome: ClaimOutcome): void {
    const { report } = this;
    report.checked++;
    report.byRelation[claim.relation]++;
    report.witnesses += outcome.witnesses;
    if (outcome.status === 'confirmed') report.confirmed++;
    if (outcome.status === 'failed') report.failures.push(outcome.failure);
    if (outcome.status !== 'unknown') return;
    report.unknown++;
    report.unknownReasons[outcome.kind] = (report.unknownReasons[outcome.kind] ?? 0) + 1;
    if (report.unknownClaims.length >= UNKNOWN_CLAIMS_LISTED) return;
    report.unknownClaims.push({
      relation: claim.relation,
      a: claim.a.id,
      b: claim.b.id,
      kind: outcome.kind,
      why: oneLine(outcome.detail),
    });
  }
}

/** A check's text on one line of bounded width: rule text may hold line breaks. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > UNKNOWN_WHY_SHOWN ? `${flat.slice(0, UNKNOWN_WHY_SHOWN)}…` : flat;
}
