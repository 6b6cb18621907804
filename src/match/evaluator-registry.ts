// Which evaluator judges a rule on events, by the rule's query language. Each language's
// evaluator reads the rule's own syntax, so the matcher stays a check of the lowering.

import type { AnalyzedRule, Language } from '../ir/index.js';
import { eqlEvaluator } from './elastic/eql-evaluator.js';
import { esqlEvaluator } from './elastic/esql-evaluator.js';
import { kueryEvaluator } from './elastic/kuery-evaluator.js';
import { sigmaEvaluator, type SigmaMatchOptions } from './sigma/sigma-evaluator.js';
import { splEvaluator } from './spl/spl-evaluator.js';
import type { NotEvaluable, RuleEvaluator } from './verdict.js';

export type EvaluatorFactory = (rule: AnalyzedRule) => RuleEvaluator | NotEvaluable;

/** What the user can tell the evaluators: for now, Sigma placeholders and log sources. */
export type MatchOptions = SigmaMatchOptions;

function factories(options: MatchOptions): Partial<Record<Language, EvaluatorFactory>> {
  return {
    sigma: (rule) => sigmaEvaluator(rule, options),
    spl: splEvaluator,
    kuery: kueryEvaluator,
    eql: eqlEvaluator,
    esql: esqlEvaluator,
  };
}

/** Whether rules of a language (as catalog listings name it) have an evaluator. */
export function hasEvaluator(language: string): boolean {
  return Object.hasOwn(factories({}), language);
}

/** Why rules of a language without an evaluator are not evaluated. */
export function noEvaluatorReason(language: string): string {
  if (language === 'none') return 'no query to evaluate (machine-learning jobs, osquery SQL)';
  return `no evaluator for ${language} rules yet`;
}

/** The rule's evaluator, or why it has none. */
export function evaluatorFor(
  rule: AnalyzedRule,
  options: MatchOptions = {},
): RuleEvaluator | NotEvaluable {
  const factory = factories(options)[rule.language];
  if (!factory) return { notEvaluable: noEvaluatorReason(rule.language) };
  return factory(rule);
}
