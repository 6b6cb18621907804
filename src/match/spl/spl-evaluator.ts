// The SPL rule evaluator: parses the rule's search (after macro expansion) with the SPL
// parser and runs its per-event part on each event with Splunk's semantics — independently
// of the lowered predicate tree, so that it checks the lowering.

import type { AnalyzedRule } from '../../ir/index.js';
import { parsePipeline } from '../../languages/spl/pipeline-parser.js';
import type { EventRecord } from '../event-record.js';
import type { NotEvaluable, RuleEvaluator, Verdict } from '../verdict.js';
import { compileEventPipeline } from './event-pipeline.js';
import { SplEvent } from './spl-event.js';
import { runSteps } from './step-run.js';

/** How a verdict's reason starts when the matcher itself failed on an event. */
export const MATCHER_FAILURE = 'the SPL matcher failed';

/** What the evaluator reads of a rule. */
export type SplRule = Pick<AnalyzedRule, 'language' | 'query' | 'expandedQuery'>;

export function splEvaluator(rule: SplRule): RuleEvaluator | NotEvaluable {
  if (rule.language !== 'spl') return { notEvaluable: `a ${rule.language} rule is not SPL` };
  const text = rule.expandedQuery ?? rule.query;
  if (text.trim() === '') return { notEvaluable: 'the rule has no search' };

  let compiled;
  try {
    compiled = compileEventPipeline(parsePipeline(text), text);
  } catch (error) {
    // The parsers recurse once per nesting level; thousands of nested brackets exhaust the
    // stack, which is the rule's fault.
    if (!(error instanceof RangeError)) throw error;
    return { notEvaluable: `the search nests too deeply to be read: ${error.message}` };
  }
  if ('notEvaluable' in compiled) return compiled;

  const { steps, partial } = compiled;
  return {
    partial,
    evaluate(event: EventRecord): Verdict {
      try {
        return runSteps(steps, SplEvent.of(event));
      } catch (error) {
        // Deep nesting exhausts the stack (RangeError); anything else is a matcher bug, which
        // must not stop the other rules — the reason says which it was.
        const message = error instanceof Error ? error.message : String(error);
        const reason = error instanceof RangeError
          ? `the search nests too deeply: ${message}`
          : `${MATCHER_FAILURE}: ${message}`;
        return { status: 'undecided', reason };
      }
    },
  };
}
