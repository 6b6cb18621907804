// Eval expressions as computations: the structured form of a `where` condition that compares
// values computed from the event (`count > avg + 3 * stdev`) and so has no predicate form.

import type { Computation } from '../../ir/index.js';
import type { EvalNode } from '../../languages/spl/syntax.js';

/**
 * The computation an eval expression describes; null when part of it is only known when the
 * search runs (a subsearch, or a macro call that did not expand).
 */
export function computationOf(node: EvalNode): Computation | null {
  switch (node.kind) {
    case 'field':
      return { kind: 'field', name: node.name };
    case 'string':
    case 'number':
      return { kind: 'literal', value: node.value };
    case 'call':
      return callOf(node.name, node.args);
    case 'binary':
      return operatorOf(node.operator, [node.left, node.right]);
    case 'not':
      return operatorOf('NOT', [node.arg]);
    case 'negate':
      return operatorOf('-', [node.arg]);
    case 'in':
      return operatorOf('IN', [node.arg, ...node.values]);
    case 'macro':
    case 'subsearch':
      return null;
  }
}

function callOf(name: string, nodes: EvalNode[]): Computation | null {
  const args = argumentsOf(nodes);
  return args && { kind: 'call', name: name.toLowerCase(), args };
}

function operatorOf(operator: string, nodes: EvalNode[]): Computation | null {
  const args = argumentsOf(nodes);
  return args && { kind: 'operator', operator, args };
}

function argumentsOf(nodes: EvalNode[]): Computation[] | null {
  const args: Computation[] = [];
  for (const node of nodes) {
    const computation = computationOf(node);
    if (!computation) return null;
    args.push(computation);
  }
  return args;
}
