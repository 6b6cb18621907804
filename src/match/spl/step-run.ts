// Runs the per-event steps of a search on one event and gives the verdict: matched when
// every step keeps it, not matched at the first step that drops it, undecided when a step
// may or may not keep it and none drops it.

import type { Verdict } from '../verdict.js';
import type { EventStep } from './event-step.js';
import type { SplEvent } from './spl-event.js';

export function runSteps(steps: readonly EventStep[], event: SplEvent, from = 0): Verdict {
  let undecided: string | null = null;
  for (let i = from; i < steps.length; i += 1) {
    const outcome = steps[i](event);
    if (outcome.kind === 'drop') return { status: 'not-matched', reason: outcome.reason };
    if (outcome.kind === 'unknown') undecided ??= outcome.reason;
    if (outcome.kind === 'fork') {
      const verdicts = outcome.events.map((each) => runSteps(steps, each, i + 1));
      return forkVerdict(verdicts, undecided);
    }
  }
  return undecided === null
    ? { status: 'matched', reason: null }
    : { status: 'undecided', reason: undecided };
}

/** The events one event became: it matches when any of them does. */
function forkVerdict(verdicts: Verdict[], undecided: string | null): Verdict {
  const notMatched = verdicts.find((verdict) => verdict.status === 'not-matched');
  if (verdicts.every((verdict) => verdict.status === 'not-matched') && notMatched) {
    return notMatched;
  }
  if (undecided !== null) return { status: 'undecided', reason: undecided };
  if (verdicts.some((verdict) => verdict.status === 'matched')) {
    return { status: 'matched', reason: null };
  }
  const open = verdicts.find((verdict) => verdict.status === 'undecided');
  return open ?? { status: 'matched', reason: null };
}
