// EQL expressions as computations: the structured form of conditions that compare values
// computed from the event (`length(file.name) > 30`, `startsWith~(dll.name, process.name)`).

import type { Computation } from '../../ir/index.js';
import type { EqlExpr, EqlField } from '../../languages/eql/eql-syntax.js';

/** Operators that ignore case: `:` and every `~` form. */
const CASELESS_OPERATORS: ReadonlySet<string> = new Set([':', 'like~', 'regex~', 'in~']);

/**
 * The computation an EQL expression describes, operators and function names spelled as EQL
 * spells them (function names in lower case, `~` kept). Null for what a computation cannot hold:
 * a comparison with a list of values inside a larger expression.
 */
export function eqlComputationOf(expr: EqlExpr): Computation | null {
  switch (expr.kind) {
    case 'field':
      return { kind: 'field', name: eqlFieldName(expr) };
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: 'literal', value: expr.value };
    case 'null':
      return { kind: 'literal', value: null };
    case 'call':
      return callOf(expr);
    case 'arithmetic':
      return operatorOf(expr.operator, [expr.left, expr.right]);
    case 'negate':
      return operatorOf('-', [expr.arg]);
    case 'not':
      return operatorOf('not', [expr.arg]);
    case 'and':
    case 'or':
      return operatorOf(expr.kind, expr.args);
    case 'compare':
      if (expr.values.length !== 1) return null;
      return operatorOf(expr.operator, [expr.left, expr.values[0]]);
  }
}

/** Whether the expression compares or calls anything case-insensitively. */
export function isCaseless(expr: EqlExpr): boolean {
  switch (expr.kind) {
    case 'call':
      return expr.insensitive || expr.args.some(isCaseless);
    case 'compare':
      return CASELESS_OPERATORS.has(expr.operator) || [expr.left, ...expr.values].some(isCaseless);
    case 'arithmetic':
      return isCaseless(expr.left) || isCaseless(expr.right);
    case 'and':
    case 'or':
      return expr.args.some(isCaseless);
    case 'not':
    case 'negate':
      return isCaseless(expr.arg);
    default:
      return false;
  }
}

/** `process.args[0]` keeps its position in the name: it is a different value than the array. */
export function eqlFieldName(field: EqlField): string {
  return field.path + field.indexes.map((index) => `[${index}]`).join('');
}

function callOf(call: EqlExpr & { kind: 'call' }): Computation | null {
  const args = argumentsOf(call.args);
  const name = call.name.toLowerCase() + (call.insensitive ? '~' : '');
  return args && { kind: 'call', name, args };
}

function operatorOf(operator: string, nodes: EqlExpr[]): Computation | null {
  const args = argumentsOf(nodes);
  return args && { kind: 'operator', operator, args };
}

function argumentsOf(nodes: EqlExpr[]): Computation[] | null {
  const args: Computation[] = [];
  for (const node of nodes) {
    const computation = eqlComputationOf(node);
    if (computation === null) return null;
    args.push(computation);
  }
  return args;
}
