// What evaluating one rule on one event gives: matched, not matched, or not decidable.

import type { EventRecord } from './event-record.js';

export type VerdictStatus = 'matched' | 'not-matched' | 'undecided';

export interface Verdict {
  status: VerdictStatus;
  /**
   * For `--explain`: when not matched, the rule's first condition that failed, in the rule's
   * own text (`Image|endswith: '\\cmd.exe'`); when undecided, why (`a regex RE2 cannot run`).
   * Null when matched.
   */
  reason: string | null;
  /**
   * For a partial rule that matched, the part of the rule the event satisfied, in the rule's own
   * text (`step 2 of 3: [ process where … ]`), when the rule has several such parts.
   */
  part?: string;
}

/** Evaluates one catalog rule, compiled once, on any number of events. */
export interface RuleEvaluator {
  /**
   * True when the rule's match depends on several events (threshold, sequence, correlation,
   * new terms, aggregate conditions): only its per-event filter is evaluated.
   */
  partial: boolean;
  evaluate(event: EventRecord): Verdict;
}

/** Why a rule cannot be evaluated at all (no query, a language without an evaluator). */
export interface NotEvaluable {
  notEvaluable: string;
}

export function isEvaluator(value: RuleEvaluator | NotEvaluable): value is RuleEvaluator {
  return 'evaluate' in value;
}
