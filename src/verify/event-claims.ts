// Claims checked on real events: a rule claimed broader than another must match every event the
// other one matches (the Sigma regression events are such a set). Only pairs that read events as
// they are written are checked: rules of one vocabulary, and Sigma rules with Splunk searches,
// whose evaluators both read Windows and flat events under their own field names.

import { vocabularyOf } from '../analysis/neighbors/event-scope.js';
import type { AnalyzedRule } from '../ir/index.js';
import { evaluatorFor } from '../match/evaluator-registry.js';
import type { EventRecord } from '../match/event-record.js';
import { isEvaluator, type VerdictStatus } from '../match/verdict.js';
import type { ClaimToVerify, VerifiedRelation } from './verify-report.js';

/** Vocabularies whose rules read one event file alike. */
const WRITTEN_EVENT_VOCABULARIES: ReadonlySet<string> = new Set(['sigma', 'splunk']);

// LIMITATION: claims between an Elastic rule and a Sigma or Splunk rule are not checked on
// events — an event file is written either in ECS or in Windows field names, not both.
function readsEventsAlike(a: AnalyzedRule, b: AnalyzedRule): boolean {
  const [x, y] = [vocabularyOf(a), vocabularyOf(b)];
  return x === y || (WRITTEN_EVENT_VOCABULARIES.has(x) && WRITTEN_EVENT_VOCABULARIES.has(y));
}

export interface EventClaimFailure {
  relation: VerifiedRelation;
  /** The rule claimed to keep every event `b` keeps, which did not match the event. */
  a: string;
  b: string;
  event: { file: string; index: number };
  /** Why `a` did not match, in its own text. */
  reason: string;
}

export interface EventCheckReport {
  events: number;
  /** Claims checked: broader and equivalent ones whose two rules read events alike. */
  claims: number;
  /** Events a narrower rule matched, counted per claim and direction: each one a check. */
  checks: number;
  /** Checks where the broader rule's evaluator could not decide. */
  undecided: number;
  failures: EventClaimFailure[];
}

/** Checks each claim on every event its narrower rule matches. */
export function checkClaimsOnEvents(
  claims: ClaimToVerify[],
  events: EventRecord[],
): EventCheckReport {
  const report: EventCheckReport = {
    events: events.length,
    claims: 0,
    checks: 0,
    undecided: 0,
    failures: [],
  };
  const statuses = new VerdictTable(events);

  for (const claim of claims) {
    if (claim.relation === 'overlapping') continue;
    if (!readsEventsAlike(claim.a, claim.b)) continue;
    report.claims++;
    const directions: [AnalyzedRule, AnalyzedRule][] = [[claim.a, claim.b]];
    if (claim.relation === 'equivalent') directions.push([claim.b, claim.a]);

    for (const [broader, narrower] of directions) {
      const narrowerStatuses = statuses.of(narrower);
      events.forEach((event, position) => {
        if (narrowerStatuses[position].status !== 'matched') return;
        report.checks++;
        const verdict = statuses.of(broader)[position];
        if (verdict.status === 'undecided') report.undecided++;
        if (verdict.status !== 'not-matched') return;
        report.failures.push({
          relation: claim.relation,
          a: broader.id,
          b: narrower.id,
          event: { file: event.file, index: event.index },
          reason: verdict.reason,
        });
      });
    }
  }
  return report;
}

/** Each rule's verdict on every event, evaluated once however many claims name the rule. */
class VerdictTable {
  private readonly table = new Map<string, { status: VerdictStatus; reason: string }[]>();

  constructor(private readonly events: EventRecord[]) {}

  of(rule: AnalyzedRule): { status: VerdictStatus; reason: string }[] {
    let statuses = this.table.get(rule.id);
    if (statuses) return statuses;
    const evaluator = evaluatorFor(rule);
    statuses = this.events.map((event) => {
      if (!isEvaluator(evaluator)) return { status: 'undecided', reason: evaluator.notEvaluable };
      const verdict = evaluator.evaluate(event);
      return { status: verdict.status, reason: verdict.reason ?? verdict.status };
    });
    this.table.set(rule.id, statuses);
    return statuses;
  }
}
