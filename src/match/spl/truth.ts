// Whether one SPL condition holds for one event: true, false (naming the term that failed)
// or unknown (saying why), combined as three-valued logic: a false conjunct decides even
// beside an unknown one, and so does a true disjunct.

import type { Span } from '../../ir/index.js';

export type Truth =
  | { value: true }
  | { value: false; failed: Span }
  | { value: 'unknown'; reason: string };

export const TRUE: Truth = { value: true };

export function failedAt(span: Span): Truth {
  return { value: false, failed: span };
}

export function unknownTruth(reason: string): Truth {
  return { value: 'unknown', reason };
}

/** All of the conditions, read left to right: the first false one is the one reported. */
export function allOf<T>(items: readonly T[], truthOf: (item: T) => Truth): Truth {
  let unknown: Truth | null = null;
  for (const item of items) {
    const truth = truthOf(item);
    if (truth.value === false) return truth;
    if (truth.value === 'unknown') unknown ??= truth;
  }
  return unknown ?? TRUE;
}

/** Any of the conditions; when none holds, the whole disjunction at `span` failed. */
export function anyOf<T>(items: readonly T[], truthOf: (item: T) => Truth, span: Span): Truth {
  let unknown: Truth | null = null;
  for (const item of items) {
    const truth = truthOf(item);
    if (truth.value === true) return truth;
    if (truth.value === 'unknown') unknown ??= truth;
  }
  return unknown ?? failedAt(span);
}

/** The negation; a negation that fails is reported as the whole `NOT …` at `span`. */
export function negation(truth: Truth, span: Span): Truth {
  if (truth.value === 'unknown') return truth;
  return truth.value ? failedAt(span) : TRUE;
}
