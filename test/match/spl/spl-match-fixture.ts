// Small events and searches for the SPL evaluator's tests: an event from a plain object of
// fields, and the verdict of a search on it.

import assert from 'node:assert/strict';
import type { EventRecord, EventValue } from '../../../src/match/event-record.js';
import { splEvaluator } from '../../../src/match/spl/spl-evaluator.js';
import { isEvaluator, type RuleEvaluator, type Verdict } from '../../../src/match/verdict.js';

/** An event with these fields; its raw text is the fields as JSON unless given. */
export function eventOf(fields: Record<string, EventValue>, raw?: string): EventRecord {
  return {
    file: 'events.json',
    index: 0,
    fields: new Map(Object.entries(fields)),
    raw: raw ?? JSON.stringify(fields),
  };
}

export function evaluatorOf(search: string): RuleEvaluator {
  const evaluator = splEvaluator({ language: 'spl', query: search });
  assert.ok(isEvaluator(evaluator), `not evaluable: ${JSON.stringify(evaluator)}`);
  return evaluator;
}

export function verdictOf(search: string, fields: Record<string, EventValue>, raw?: string) {
  return evaluatorOf(search).evaluate(eventOf(fields, raw));
}

/** The verdict's status alone, for tables of cases. */
export function statusOf(search: string, fields: Record<string, EventValue>, raw?: string) {
  return verdictOf(search, fields, raw).status;
}

export function matched(): Verdict {
  return { status: 'matched', reason: null };
}

export function notMatched(reason: string): Verdict {
  return { status: 'not-matched', reason };
}
