// The matcher's evaluator for KQL (`language = "kuery"`) rules: the rule's own query, parsed
// again and evaluated with Kibana's semantics, inside the rule's index patterns and filters.

import type { AnalyzedRule } from '../../ir/index.js';
import { parseKuery } from '../../languages/kuery/kuery-parser.js';
import type { NotEvaluable, RuleEvaluator } from '../verdict.js';
import { kueryCondition } from './kuery-condition.js';
import { verdictOf } from './outcome.js';
import { ruleEvaluator, ruleScope } from './rule-scope.js';

export function kueryEvaluator(rule: AnalyzedRule): RuleEvaluator | NotEvaluable {
  const scope = ruleScope(rule, 'kuery');
  if ('notEvaluable' in scope) return scope;

  const parsed = parseKuery(rule.query);
  if (!parsed.ok) return { notEvaluable: `KQL syntax error: ${parsed.error.message}` };
  const condition = kueryCondition(parsed.query, rule.query);
  return ruleEvaluator(scope, (event) => verdictOf(condition(event)));
}
