// Compiles a Sigma condition (parsed by languages/sigma) over the rule's search identifiers:
// and/or/not, parentheses, `1 of`/`all of` a pattern or `them`. A condition that cannot be
// parsed or names what the detection does not define makes the rule not evaluable.

import { parseCondition } from '../../languages/sigma/condition-parser.js';
import type { ConditionNode, QuantifierTarget } from '../../languages/sigma/condition-syntax.js';
import { matchesIdentifierPattern } from '../../languages/sigma/identifier-pattern.js';
import { allOf, anyOf, failing, negation, type Check } from './judgement.js';

export interface CompiledCondition {
  check: Check;
  /** The condition aggregates over several events (Sigma v1 `| count() … > n`). */
  aggregates: boolean;
}

class ConditionProblem extends Error {}

/** `identifiers` in the order the detection defines them. */
export function conditionCheck(
  text: string,
  identifiers: ReadonlyMap<string, Check>,
): CompiledCondition | { problem: string } {
  const parsed = parseCondition(text);
  const problem = parsed.problems[0];
  if (problem) return { problem: `the condition '${text}' cannot be read: ${problem.message}` };
  if (!parsed.expression) return { problem: `the condition '${text}' is empty` };

  try {
    const check = compile(parsed.expression, text, identifiers);
    return { check, aggregates: parsed.aggregation !== null };
  } catch (error) {
    if (error instanceof ConditionProblem) return { problem: error.message };
    throw error;
  }
}

function compile(
  node: ConditionNode,
  text: string,
  identifiers: ReadonlyMap<string, Check>,
): Check {
  const written = text.slice(node.span.start, node.span.end);
  const inner = (child: ConditionNode) => compile(child, text, identifiers);

  switch (node.kind) {
    case 'identifier': {
      const check = identifiers.get(node.name);
      if (check) return check;
      throw new ConditionProblem(`the condition names '${node.name}', which is not defined`);
    }
    case 'and':
      return allOf(node.args.map(inner));
    case 'or':
      return anyOf(node.args.map(inner), failing(written));
    case 'not':
      return negation(inner(node.arg), failing(written));
    case 'quantified': {
      const names = [...identifiers.keys()].filter((name) => isQuantified(node.target, name));
      if (names.length === 0) {
        throw new ConditionProblem(`'${written}' matches no search identifier`);
      }
      const checks = names.map((name) => identifiers.get(name) as Check);
      return node.quantifier === 'all' ? allOf(checks) : anyOf(checks, failing(written));
    }
  }
}

/** `them` leaves out identifiers starting with `_`, as the specification says. */
function isQuantified(target: QuantifierTarget, name: string): boolean {
  if (target.kind === 'them') return !name.startsWith('_');
  return matchesIdentifierPattern(target.pattern, name);
}
