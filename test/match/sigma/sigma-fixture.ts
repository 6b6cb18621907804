// Small Sigma rules and events written inline in tests, and what the Sigma evaluator says.

import type { EventRecord, EventValue } from '../../../src/match/event-record.js';
import {
  sigmaTextEvaluator,
  type SigmaMatchOptions,
  type SigmaRuleText,
} from '../../../src/match/sigma/sigma-evaluator.js';
import { isEvaluator, type RuleEvaluator, type Verdict } from '../../../src/match/verdict.js';
import { dedent } from '../../sigma/rule-text.js';

/** A detection rule with the given `detection:` body (indented freely) and log source. */
export function detectionRule(
  detection: string,
  logsource: Record<string, string> = { product: 'windows' },
): SigmaRuleText {
  const body = dedent(detection).trimEnd().split('\n').map((line) => `    ${line}`).join('\n');
  return { query: `detection:\n${body}`, type: null, logsource };
}

export function evaluatorOf(rule: SigmaRuleText, options: SigmaMatchOptions = {}): RuleEvaluator {
  const evaluator = sigmaTextEvaluator(rule, options);
  if (!isEvaluator(evaluator)) throw new Error(`not evaluable: ${evaluator.notEvaluable}`);
  return evaluator;
}

/** An event with exactly these fields. */
export function event(fields: Record<string, EventValue>): EventRecord {
  return { file: 'fixture.json', index: 0, fields: new Map(Object.entries(fields)),
    raw: JSON.stringify(fields) };
}

/** The verdict of a rule whose only search identifier is `selection`, on an event. */
export function selectionVerdict(
  selection: string,
  fields: Record<string, EventValue>,
  options: SigmaMatchOptions = {},
): Verdict {
  const body = `selection:\n${indent(dedent(selection))}\ncondition: selection`;
  return evaluatorOf(detectionRule(body), options).evaluate(event(fields));
}

export function status(selection: string, fields: Record<string, EventValue>): string {
  return selectionVerdict(selection, fields).status;
}

function indent(text: string): string {
  return text.trimEnd().split('\n').map((line) => `    ${line}`).join('\n');
}
