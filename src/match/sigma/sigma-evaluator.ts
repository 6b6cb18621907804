// Evaluates a Sigma rule on events from its own text — the detection block re-read from the
// stored query and the condition parsed by languages/sigma — with Sigma's semantics, never from
// the lowered predicate tree, so that it stays an independent check of the lowering.

import type { Rule } from '../../ir/index.js';
import type { EventRecord } from '../event-record.js';
import type { NotEvaluable, RuleEvaluator, Verdict } from '../verdict.js';
import { conditionCheck } from './condition-check.js';
import { viewOf } from './event-view.js';
import { allOf, anyOf, failing, type Check, type Judgement } from './judgement.js';
import { readLogicBlock, type LogicNode } from './logic-block.js';
import { logsourceCheck } from './logsource-check.js';
import { searchIdentifier } from './search-identifier.js';
import type { PlaceholderValues } from './value-tests.js';

export interface SigmaMatchOptions {
  /** Values for `%name%` placeholders under `expand`; without one such a value is undecided. */
  placeholders?: PlaceholderValues;
  /** Judge rules on their detection alone, without checking the log source. */
  ignoreLogsource?: boolean;
}

/** What the evaluator reads of a rule: its logic block as written, its kind, its log source. */
export interface SigmaRuleText {
  /** The `detection:` (or `correlation:`, `filter:`) block as it stands in the rule file. */
  query: string;
  /** `correlation`, `filter`, or null for a detection rule. */
  type: string | null;
  /** The `logsource:` attributes as written. */
  logsource: unknown;
}

/** Keys of `detection:` that are not search identifiers. */
const RESERVED_KEYS = new Set(['condition', 'timeframe']);

const MATCHED: Verdict = Object.freeze({ status: 'matched', reason: null });

/** The evaluator of a catalog rule, whose log source is its first stage's arguments. */
export function sigmaEvaluator(
  rule: Pick<Rule, 'query' | 'type' | 'pipeline'>,
  options: SigmaMatchOptions = {},
): RuleEvaluator | NotEvaluable {
  const logsource = rule.pipeline.find((stage) => stage.command === 'logsource')?.args ?? null;
  return sigmaTextEvaluator({ query: rule.query, type: rule.type, logsource }, options);
}

/** The evaluator of a rule given by its text, as a rule file holds it. */
export function sigmaTextEvaluator(
  rule: SigmaRuleText,
  options: SigmaMatchOptions = {},
): RuleEvaluator | NotEvaluable {
  if (rule.type === 'correlation') return correlationEvaluator();
  if (rule.type === 'filter') {
    // LIMITATION: filter rules are not applied to the rules they name — those rules match as
    // if no filter existed, and the filter itself is not evaluable.
    return { notEvaluable: 'a filter rule removes events from the rules it names; alone it '
      + 'detects nothing' };
  }

  const read = readLogicBlock(rule.query);
  if ('problem' in read) return { notEvaluable: read.problem };
  const detection = detectionCheck(read.block, options.placeholders ?? new Map());
  if ('notEvaluable' in detection) return detection;

  const logsource = options.ignoreLogsource ? null : logsourceCheck(rule.logsource);
  const check = logsource ? allOf([logsource, detection.check]) : detection.check;
  return { partial: detection.aggregates, evaluate: (event) => verdictOf(check, event) };
}

function verdictOf(check: Check, event: EventRecord): Verdict {
  const judgement: Judgement = check(viewOf(event));
  if (judgement.truth === 'true') return MATCHED;
  const status = judgement.truth === 'false' ? 'not-matched' : 'undecided';
  return { status, reason: judgement.reason };
}

// LIMITATION: a correlation rule is not evaluated per event, even on the events of the rules it
// names — it is partial and every event gets `undecided` for it.
function correlationEvaluator(): RuleEvaluator {
  const verdict: Verdict = Object.freeze({
    status: 'undecided',
    reason: 'a correlation rule counts events of the rules it names across several events',
  });
  return { partial: true, evaluate: () => verdict };
}

function detectionCheck(
  block: LogicNode,
  placeholders: PlaceholderValues,
): { check: Check; aggregates: boolean } | NotEvaluable {
  if (block.kind !== 'map') return { notEvaluable: 'the detection is not a map' };

  const identifiers = new Map<string, Check>();
  let condition: LogicNode | null = null;
  for (const entry of block.entries) {
    if (entry.key === 'condition') condition = entry.value;
    if (RESERVED_KEYS.has(entry.key)) continue;
    identifiers.set(entry.key, searchIdentifier(entry.key, entry.value, placeholders));
  }
  if (!condition) return { notEvaluable: 'the detection has no condition' };

  const texts = condition.kind === 'list' ? condition.items : [condition];
  const checks: Check[] = [];
  let aggregates = false;
  for (const text of texts) {
    if (text.kind !== 'scalar' || typeof text.value !== 'string') {
      return { notEvaluable: 'a condition is not a string' };
    }
    const compiled = conditionCheck(text.value, identifiers);
    if ('problem' in compiled) return { notEvaluable: compiled.problem };
    checks.push(compiled.check);
    aggregates ||= compiled.aggregates;
  }
  if (checks.length === 0) return { notEvaluable: 'the list of conditions is empty' };
  if (checks.length === 1) return { check: checks[0], aggregates };
  const written = texts.map((text) => (text as { value: string }).value).join('; ');
  return { check: anyOf(checks, failing(`condition: none of ${written}`)), aggregates };
}
