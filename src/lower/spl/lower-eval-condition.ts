// `where` conditions (eval syntax) to predicate trees: comparisons are case-sensitive; like,
// match, cidrmatch, isnull, isnotnull, in, coalesce, lower/upper and len are understood; what no
// predicate can state (both sides computed) is kept as a computed condition.
// `coalesce(a, b)` compared with a value is the first present field compared: a's comparison,
// or b's where a is missing.

import { and, fieldsRead, not, or, type Expr, type Op, type Scalar } from '../../ir/index.js';
import type { EvalNode } from '../../languages/spl/syntax.js';
import { computationOf } from './eval-computation.js';
import type { LoweringScope } from './lowering-scope.js';
import { globOfLike, shapeOfGlob } from './value-shape.js';

export function lowerEvalCondition(node: EvalNode, scope: LoweringScope): Expr {
  switch (node.kind) {
    case 'binary':
      if (node.operator === 'AND' || node.operator === 'OR') {
        const args = [lowerEvalCondition(node.left, scope), lowerEvalCondition(node.right, scope)];
        return node.operator === 'AND' ? and(args) : or(args);
      }
      if (node.operator === 'LIKE') return lowerLike(node.left, node.right, node, scope);
      if (COMPARISONS[node.operator]) return lowerComparison(node, scope);
      if (node.operator === 'XOR') return computedOrOpaque(node, 'exclusive or', scope);
      return scope.opaque(node.span, `\`${node.operator}\` is not a condition`);
    case 'not':
      return not(lowerEvalCondition(node.arg, scope));
    case 'in':
      return lowerIn(node.arg, node.values, node, scope);
    case 'call':
      return lowerCall(node, scope);
    default:
      return computedOrOpaque(node, 'not a condition ruledex understands', scope);
  }
}

/**
 * A condition no predicate states, kept as its computation; opaque only when part of it is
 * known only when the search runs.
 */
function computedOrOpaque(node: EvalNode, reason: string, scope: LoweringScope): Expr {
  const condition = computationOf(node);
  if (!condition) return scope.opaque(node.span, reason);
  return scope.computed(condition, fieldsRead(condition), node.span);
}

const COMPARISONS: Partial<Record<string, Op>> = {
  '=': 'eq',
  '==': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
};
const MIRRORED: Partial<Record<Op, Op>> = { lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };

/** Functions of one field whose result a predicate can name, e.g. `len(process) > 100`. */
const COMPUTED = new Set(['len', 'mvcount', 'tonumber', 'tostring', 'trim', 'abs', 'round']);

/** A field, or a function of one field (`lower(f)`, `len(f)`), as a predicate can use it. */
interface FieldSide {
  field: string;
  caseSensitive: boolean;
  /** `lower` or `upper` when the field is compared case-folded. */
  folded: 'lower' | 'upper' | null;
}

function fieldSide(node: EvalNode): FieldSide | null {
  if (node.kind === 'field') return { field: node.name, caseSensitive: true, folded: null };
  if (node.kind !== 'call' || node.args.length !== 1 || node.args[0].kind !== 'field') return null;
  const name = node.name.toLowerCase();
  const field = node.args[0].name;
  if (name === 'lower' || name === 'upper') return { field, caseSensitive: false, folded: name };
  if (COMPUTED.has(name)) return { field: `${name}(${field})`, caseSensitive: true, folded: null };
  return null;
}

/** The fields a compared value comes from: one, or those of `coalesce(a, b, …)` in order. */
function sidesOf(node: EvalNode): FieldSide[] | null {
  if (node.kind !== 'call' || node.name.toLowerCase() !== 'coalesce') {
    const side = fieldSide(node);
    return side && [side];
  }
  const sides: FieldSide[] = [];
  for (const arg of node.args) {
    if (arg.kind !== 'field') return null;
    sides.push({ field: arg.name, caseSensitive: true, folded: null });
  }
  return sides.length > 0 ? sides : null;
}

/** `condition` on the first of `sides` that is present: each side where those before it lack. */
function onFirstPresent(
  sides: FieldSide[],
  node: EvalNode,
  scope: LoweringScope,
  condition: (side: FieldSide) => Expr,
): Expr {
  return or(sides.map((side, i) => and([
    ...sides.slice(0, i).map((earlier) => not(presence(earlier, node, scope))),
    condition(side),
  ])));
}

function presence(side: FieldSide, node: EvalNode, scope: LoweringScope): Expr {
  return scope.predicate(
    { field: side.field, op: 'exists', values: [], caseSensitive: true },
    node.span,
  );
}

function literal(node: EvalNode): Scalar | undefined {
  if (node.kind === 'string' || node.kind === 'number') return node.value;
  if (node.kind === 'call' && node.args.length === 0) {
    const name = node.name.toLowerCase();
    if (name === 'true') return true;
    if (name === 'false') return false;
  }
  return undefined;
}

function lowerComparison(node: Extract<EvalNode, { kind: 'binary' }>, scope: LoweringScope): Expr {
  const op = COMPARISONS[node.operator] as Op;
  const leftSides = sidesOf(node.left);
  const rightSides = sidesOf(node.right);
  const leftValue = literal(node.left);
  const rightValue = literal(node.right);

  if (leftSides && rightValue !== undefined) {
    return onFirstPresent(leftSides, node, scope, (side) =>
      compareField(side, op, rightValue, node, scope));
  }
  if (rightSides && leftValue !== undefined) {
    const mirrored = MIRRORED[op] ?? op;
    return onFirstPresent(rightSides, node, scope, (side) =>
      compareField(side, mirrored, leftValue, node, scope));
  }
  const left = leftSides?.length === 1 ? leftSides[0] : null;
  const right = rightSides?.length === 1 ? rightSides[0] : null;
  if (left && right && !left.folded && !right.folded && (op === 'eq' || op === 'ne')) {
    const same = scope.predicate(
      { field: left.field, op: 'fieldref', values: [right.field], caseSensitive: true },
      node.span,
    );
    if (op === 'eq') return same;
    // A comparison with a missing field is false, so `a != b` needs both fields, unlike NOT a=b.
    return and([presence(left, node, scope), presence(right, node, scope), not(same)]);
  }
  return computedOrOpaque(node, 'comparison of computed values', scope);
}

function compareField(
  side: FieldSide,
  op: Op,
  value: Scalar,
  node: EvalNode,
  scope: LoweringScope,
): Expr {
  if (side.folded && typeof value === 'string' && !matchesFold(value, side.folded)) {
    const reason = `\`${side.folded}()\` never equals a value in the other case`;
    return computedOrOpaque(node, reason, scope);
  }
  const values = [value];
  return scope.predicate(
    { field: side.field, op, values, caseSensitive: side.caseSensitive },
    node.span,
  );
}

function matchesFold(value: string, fold: 'lower' | 'upper'): boolean {
  return fold === 'lower' ? value === value.toLowerCase() : value === value.toUpperCase();
}

function lowerLike(
  target: EvalNode,
  pattern: EvalNode,
  node: EvalNode,
  scope: LoweringScope,
): Expr {
  const sides = sidesOf(target);
  if (!sides || pattern.kind !== 'string') {
    return computedOrOpaque(node, '`like` on a computed value', scope);
  }
  const glob = globOfLike(pattern.value);
  return onFirstPresent(sides, node, scope, (side) => {
    if (side.folded && !matchesFold(glob, side.folded)) {
      const reason = `\`${side.folded}()\` never matches a pattern in the other case`;
      return computedOrOpaque(node, reason, scope);
    }
    const shape = shapeOfGlob(glob);
    return scope.predicate(
      { field: side.field, op: shape.op, values: [shape.value], caseSensitive: side.caseSensitive },
      node.span,
    );
  });
}

/**
 * `f IN (…)`: the literals of the list as one `in` predicate, each field of it as a `fieldref`,
 * any of them (`new IN (old, "{0}", guid)` is new in "{0}", or new = old, or new = guid).
 */
function lowerIn(target: EvalNode, list: EvalNode[], node: EvalNode, scope: LoweringScope): Expr {
  const sides = sidesOf(target);
  const fields = list.filter((item) => item.kind === 'field');
  const values = list.filter((item) => item.kind !== 'field').map(literal);
  const comparable = values.every((value) => value !== undefined);
  const folded = sides?.some((side) => side.folded) ?? false;
  if (!sides || !comparable || (folded && fields.length > 0)) {
    return computedOrOpaque(node, '`in` on computed values', scope);
  }
  return onFirstPresent(
    sides,
    node,
    scope,
    (side) => inList(side, values as Scalar[], fields, node, scope),
  );
}

function inList(
  side: FieldSide,
  values: Scalar[],
  fields: Extract<EvalNode, { kind: 'field' }>[],
  node: EvalNode,
  scope: LoweringScope,
): Expr {
  const parts: Expr[] = [];
  if (values.length > 0 || fields.length === 0) {
    parts.push(scope.predicate(
      { field: side.field, op: 'in', values, caseSensitive: side.caseSensitive },
      node.span,
    ));
  }
  for (const item of fields) {
    parts.push(scope.predicate(
      { field: side.field, op: 'fieldref', values: [item.name], caseSensitive: true },
      node.span,
    ));
  }
  return or(parts);
}

function matchOf(side: FieldSide, pattern: string, node: EvalNode, scope: LoweringScope): Expr {
  const predicate = {
    field: side.field,
    op: 'regex' as const,
    values: [pattern],
    caseSensitive: side.caseSensitive,
  };
  return scope.predicate(side.caseSensitive ? predicate : { ...predicate, flags: 'i' }, node.span);
}

function lowerCall(node: Extract<EvalNode, { kind: 'call' }>, scope: LoweringScope): Expr {
  const name = node.name.toLowerCase();
  const [first, second] = node.args;
  switch (name) {
    case 'like':
      if (node.args.length === 2) return lowerLike(first, second, node, scope);
      break;
    case 'match': {
      const sides = first && sidesOf(first);
      if (node.args.length !== 2 || !sides || second.kind !== 'string') break;
      const pattern = second.value;
      return onFirstPresent(sides, node, scope, (side) => matchOf(side, pattern, node, scope));
    }
    case 'isnull':
    case 'isnotnull': {
      const sides = first && sidesOf(first);
      if (node.args.length !== 1 || !sides) break;
      // coalesce(a, b) is present when any of its fields is.
      const present = or(sides.map((side) => presence(side, node, scope)));
      return name === 'isnull' ? not(present) : present;
    }
    case 'cidrmatch': {
      const sides = second && sidesOf(second);
      if (node.args.length !== 2 || !sides || first.kind !== 'string') break;
      const block = first.value;
      return onFirstPresent(sides, node, scope, (side) => scope.predicate(
        { field: side.field, op: 'cidr', values: [block], caseSensitive: true },
        node.span,
      ));
    }
    case 'in':
      if (node.args.length >= 2) return lowerIn(first, node.args.slice(1), node, scope);
      break;
    case 'not':
      if (node.args.length === 1) return not(lowerEvalCondition(first, scope));
      break;
  }
  const reason = `\`${node.name}(…)\` is not a condition ruledex understands`;
  return computedOrOpaque(node, reason, scope);
}
