// One command of the per-event part of a search, applied to one event: it keeps the event,
// drops it (saying why), may or may not keep it, or turns it into several (mvexpand).

import type { SplEvent } from './spl-event.js';
import type { Truth } from './truth.js';
import { termText } from './term-text.js';

export type StepOutcome =
  | { kind: 'pass' }
  | { kind: 'drop'; reason: string }
  | { kind: 'unknown'; reason: string }
  | { kind: 'fork'; events: SplEvent[] };

/** Applies a command to the event, changing its fields in place. */
export type EventStep = (event: SplEvent) => StepOutcome;

export const PASS: StepOutcome = { kind: 'pass' };

/** A filter's outcome: a false condition drops the event, naming the term in the rule text. */
export function outcomeOf(truth: Truth, text: string): StepOutcome {
  if (truth.value === true) return PASS;
  if (truth.value === 'unknown') return { kind: 'unknown', reason: truth.reason };
  return { kind: 'drop', reason: termText(text, truth.failed) };
}
