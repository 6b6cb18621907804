// What a part of a Sigma rule says about one event — holds, fails, or cannot be decided — with
// the part of the rule's text that failed, and how parts combine (Kleene's three-valued logic).

import type { EventView } from './event-view.js';

export type Truth = 'true' | 'false' | 'undecided';

export interface Judgement {
  truth: Truth;
  /** Null when it holds; else the rule text that failed, or why it cannot be decided. */
  reason: string | null;
}

/** A compiled part of a rule. */
export type Check = (event: EventView) => Judgement;

export const HOLDS: Judgement = Object.freeze({ truth: 'true', reason: null });

export function failing(reason: string): Judgement {
  return Object.freeze({ truth: 'false', reason });
}

export function undecided(reason: string): Judgement {
  return Object.freeze({ truth: 'undecided', reason });
}

/** Fails with the first part that fails; else undecided if a part is; else holds. */
export function allOf(checks: Check[]): Check {
  if (checks.length === 1) return checks[0];
  return (event) => {
    let open: Judgement | null = null;
    for (const check of checks) {
      const judgement = check(event);
      if (judgement.truth === 'false') return judgement;
      if (judgement.truth === 'undecided') open ??= judgement;
    }
    return open ?? HOLDS;
  };
}

/** Holds when a part holds; else undecided if a part is; else fails as `failed` says. */
export function anyOf(checks: Check[], failed: Judgement): Check {
  return (event) => {
    let open: Judgement | null = null;
    for (const check of checks) {
      const judgement = check(event);
      if (judgement.truth === 'true') return judgement;
      if (judgement.truth === 'undecided') open ??= judgement;
    }
    return open ?? failed;
  };
}

/** Holds when the part fails; fails as `failed` says when it holds. */
export function negation(check: Check, failed: Judgement): Check {
  return (event) => {
    const judgement = check(event);
    if (judgement.truth === 'true') return failed;
    if (judgement.truth === 'false') return HOLDS;
    return judgement;
  };
}
