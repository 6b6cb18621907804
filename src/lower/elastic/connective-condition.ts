// AND, OR, NOT and the constants lower the same way in EQL and ES|QL conditions; each
// language lowers only its own leaves and hands that lowering in for the operands.

import { and, not, or, type Expr } from '../../ir/index.js';
import { FALSE_CONDITION, TRUE_CONDITION } from './constant-conditions.js';

/** The connective nodes both condition syntaxes have, over their own node type. */
export type Connective<Node> =
  | { kind: 'or'; args: Node[] }
  | { kind: 'and'; args: Node[] }
  | { kind: 'not'; arg: Node }
  | { kind: 'boolean'; value: boolean };

export function lowerConnective<Node>(expr: Connective<Node>, lower: (node: Node) => Expr): Expr {
  switch (expr.kind) {
    case 'or':
      return or(expr.args.map((arg) => lower(arg)));
    case 'and':
      return and(expr.args.map((arg) => lower(arg)));
    case 'not':
      return not(lower(expr.arg));
    case 'boolean':
      return expr.value ? TRUE_CONDITION : FALSE_CONDITION;
  }
}
