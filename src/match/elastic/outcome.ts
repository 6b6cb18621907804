// What a condition gives on one event: true, false, null (a comparison with a missing value, in
// ES|QL and EQL functions) or unknown (something the matcher cannot decide), with the text that
// explains a failure. Connectives combine them as Kleene logic: false decides an AND, true an OR.

import type { EventRecord } from '../event-record.js';
import type { Verdict } from '../verdict.js';

export type Outcome =
  | { kind: 'true' }
  /** `failed` is the condition that failed, in the rule's own text. */
  | { kind: 'false'; failed: string }
  | { kind: 'null'; failed: string }
  | { kind: 'unknown'; reason: string };

/** A condition on one event, compiled once from a rule. */
export type EventCondition = (event: EventRecord) => Outcome;

export const TRUE: Outcome = { kind: 'true' };

export function failed(text: string): Outcome {
  return { kind: 'false', failed: text };
}

export function unknown(reason: string): Outcome {
  return { kind: 'unknown', reason };
}

export function truthOf(holds: boolean, text: string): Outcome {
  return holds ? TRUE : failed(text);
}

/** AND of conditions evaluated in order; the first false one decides and is the explanation. */
export function allOf(parts: Iterable<() => Outcome>): Outcome {
  let undecided: Outcome | null = null;
  for (const part of parts) {
    const outcome = part();
    if (outcome.kind === 'false') return outcome;
    if (outcome.kind === 'unknown' && undecided?.kind !== 'unknown') undecided = outcome;
    if (outcome.kind === 'null' && undecided === null) undecided = outcome;
  }
  return undecided ?? TRUE;
}

/** OR of conditions evaluated in order; when none holds, `text` (the whole OR) explains it. */
export function anyOf(parts: Iterable<() => Outcome>, text: string): Outcome {
  let undecided: Outcome | null = null;
  for (const part of parts) {
    const outcome = part();
    if (outcome.kind === 'true') return outcome;
    if (outcome.kind === 'unknown' && undecided?.kind !== 'unknown') undecided = outcome;
    if (outcome.kind === 'null' && undecided === null) undecided = { kind: 'null', failed: text };
  }
  return undecided ?? failed(text);
}

/** NOT, written as `text`: null and unknown stay what they are. */
export function negation(outcome: Outcome, text: string): Outcome {
  switch (outcome.kind) {
    case 'true':
      return failed(text);
    case 'false':
      return TRUE;
    case 'null':
      return { kind: 'null', failed: text };
    case 'unknown':
      return outcome;
  }
}

/** Where a query runs as a search, a null comparison simply does not match. */
export function nullAsFalse(outcome: Outcome): Outcome {
  return outcome.kind === 'null' ? failed(outcome.failed) : outcome;
}

export function verdictOf(outcome: Outcome): Verdict {
  switch (outcome.kind) {
    case 'true':
      return { status: 'matched', reason: null };
    case 'false':
    case 'null':
      return { status: 'not-matched', reason: outcome.failed };
    case 'unknown':
      return { status: 'undecided', reason: outcome.reason };
  }
}
