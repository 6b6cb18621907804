// Fixtures for the Elastic evaluators: catalog rules built from a `[rule]` table the way a build
// stores them, and events written as their dotted fields.

import type { AnalyzedRule } from '../../../src/ir/index.js';
import { lowerElastic } from '../../../src/lower/elastic/lower-elastic.js';
import { finishRule } from '../../../src/lower/finish-rule.js';
import type { EventRecord, EventValue } from '../../../src/match/event-record.js';
import {
  isEvaluator,
  type NotEvaluable,
  type RuleEvaluator,
  type Verdict,
} from '../../../src/match/verdict.js';
import { elasticDocument } from '../../elastic/elastic-fixture.js';

/** A rule as the catalog returns it: lowered, with empty analysis and no raw document. */
export function catalogRule(rule: Record<string, unknown>): AnalyzedRule {
  const doc = elasticDocument(rule);
  const lowered = finishRule(doc, lowerElastic(doc, { commit: null }));
  return {
    ...lowered,
    raw: {},
    attack: [],
    events: [],
    indicators: [],
    neighbors: { broader: [], narrower: [] },
  };
}

/** Fields that name the index an event is searched through (src/match/elastic/event-index.ts). */
const INDEX_NAMING = [
  '_index', 'data_stream.dataset', 'event.dataset', 'Channel', 'winlog.channel',
];

/**
 * An event of `fields`. One that names no index is searched through `logs-fixture-default`,
 * which the tests' `logs-*` rules read; `_index` is metadata, not part of the raw text.
 */
export function event(fields: Record<string, EventValue>): EventRecord {
  const named = INDEX_NAMING.some((field) => Object.hasOwn(fields, field));
  const index: Record<string, EventValue> = named ? {} : { _index: 'logs-fixture-default' };
  return {
    file: 'events.json',
    index: 0,
    fields: new Map(Object.entries({ ...index, ...fields })),
    raw: JSON.stringify(fields),
  };
}

/** An event of `fields` exactly, naming its index only if they do. */
export function eventAsWritten(fields: Record<string, EventValue>): EventRecord {
  return {
    file: 'events.json',
    index: 0,
    fields: new Map(Object.entries(fields)),
    raw: JSON.stringify(fields),
  };
}

export function evaluatorOf(made: RuleEvaluator | NotEvaluable): RuleEvaluator {
  if (!isEvaluator(made)) throw new Error(`not evaluable: ${made.notEvaluable}`);
  return made;
}

/** `matched`, `not-matched: <reason>` or `undecided: <reason>`, for one-line assertions. */
export function verdictText(verdict: Verdict): string {
  return verdict.reason === null ? verdict.status : `${verdict.status}: ${verdict.reason}`;
}
