// Lowers EQL conditions into predicate trees: `:` is case-insensitive with wildcards, `==` and
// `in` exact and case-sensitive, `like`/`regex` patterns, every `~` form case-insensitive.

import { and, not, or, predicate, type Expr, type Op, type Predicate, type Scalar, type Span } from '../../ir/index.js';
import type { EqlExpr, EqlField, EqlOperator } from '../../languages/eql/eql-syntax.js';
import type { ElasticPipeline } from './elastic-pipeline.js';
import { matchOf, patternOf } from './value-pattern.js';

export interface EqlScope {
  pipeline: ElasticPipeline;
  /** Index of the stage the predicates belong to, for diagnostics. */
  stage: number;
  /** The query text the spans point into. */
  text: string;
}

const ORDER_OPS: Partial<Record<EqlOperator, Op>> = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };

/** String functions that are a single predicate on their first argument, by lower-case name. */
const FUNCTION_OPS: Record<string, Op> = {
  startswith: 'startswith',
  endswith: 'endswith',
  stringcontains: 'contains',
  cidrmatch: 'cidr',
  match: 'regex',
};

/** The always-true condition (`any where true`): an empty AND. */
const TRUE: Expr = { kind: 'and', args: [] };
const FALSE: Expr = { kind: 'or', args: [] };

export function lowerEqlCondition(expr: EqlExpr, scope: EqlScope): Expr {
  switch (expr.kind) {
    case 'or':
      return or(expr.args.map((arg) => lowerEqlCondition(arg, scope)));
    case 'and':
      return and(expr.args.map((arg) => lowerEqlCondition(arg, scope)));
    case 'not':
      return not(lowerEqlCondition(expr.arg, scope));
    case 'compare':
      return lowerComparison(expr, scope);
    case 'call':
      return lowerFunction(expr, scope);
    case 'boolean':
      return expr.value ? TRUE : FALSE;
    case 'field':
      return make(expr, 'eq', [true], true, scope, expr.span);
    default:
      return opaque(expr.span, 'this expression is not a condition', scope);
  }
}

function lowerComparison(expr: EqlExpr & { kind: 'compare' }, scope: EqlScope): Expr {
  const { left, operator } = expr;
  if (left.kind !== 'field') {
    return opaque(expr.span, `comparison of a computed value (${left.kind === 'call' ? `${left.name}()` : left.kind})`, scope);
  }

  const lowered = expr.values.map((value) => lowerComparedValue(left, operator, value, expr, scope));
  // `in` and lists mean any of the values; `!=` against a list is not EQL.
  return or(lowered);
}

function lowerComparedValue(
  field: EqlField,
  operator: EqlOperator,
  value: EqlExpr,
  comparison: EqlExpr & { kind: 'compare' },
  scope: EqlScope,
): Expr {
  const span = comparison.list ? value.span : comparison.span;
  const textOf = (): string => predicateText(field, operator, value, comparison, scope);

  if (value.kind === 'null') return lowerNullComparison(field, operator, comparison, scope);
  if (value.kind === 'field') {
    if (operator !== '==' && operator !== '!=') return opaque(comparison.span, `'${operator}' between two fields`, scope);
    const compared = make(field, 'fieldref', [value.path], true, scope, span, textOf());
    return operator === '==' ? compared : not(compared);
  }
  if (value.kind !== 'string' && value.kind !== 'number' && value.kind !== 'boolean') {
    return opaque(value.span, `comparison with a computed value`, scope);
  }

  const scalar: Scalar = value.value;
  switch (operator) {
    case '==':
      return make(field, 'eq', [scalar], true, scope, span, textOf());
    case '!=':
      return make(field, 'ne', [scalar], true, scope, span, textOf());
    case 'in':
    case 'in~':
      return make(field, 'eq', [scalar], operator === 'in', scope, span, textOf());
    case ':':
    case 'like':
    case 'like~': {
      const caseSensitive = operator === 'like';
      if (typeof scalar !== 'string') return make(field, 'eq', [scalar], caseSensitive, scope, span, textOf());
      const match = matchOf(patternOf(scalar, { single: true, escapes: false }));
      return make(field, match.op, match.values, caseSensitive, scope, span, textOf());
    }
    case 'regex':
    case 'regex~': {
      const flags = operator === 'regex~' ? { flags: 'i' } : {};
      return make(field, 'regex', [String(scalar)], operator === 'regex', scope, span, textOf(), flags);
    }
    default: {
      const op = ORDER_OPS[operator];
      if (op === undefined) return opaque(comparison.span, `operator '${operator}'`, scope);
      return make(field, op, [scalar], true, scope, span, textOf());
    }
  }
}

/** `field == null` means the field is missing; `field != null` that it is present. */
function lowerNullComparison(
  field: EqlField,
  operator: EqlOperator,
  comparison: EqlExpr & { kind: 'compare' },
  scope: EqlScope,
): Expr {
  const text = sliceOf(comparison.span, scope);
  const exists = make(field, 'exists', [], true, scope, comparison.span, text);
  if (operator === '!=') return exists;
  if (operator === '==' || operator === ':') return not(exists);
  return opaque(comparison.span, `'${operator}' with null`, scope);
}

/**
 * Boolean functions that test their first argument against string arguments: `startsWith`,
 * `endsWith`, `stringContains`, `wildcard`, `cidrMatch`, `match`, each with a `~` form.
 */
function lowerFunction(call: EqlExpr & { kind: 'call' }, scope: EqlScope): Expr {
  const name = call.name.toLowerCase();
  const [subject, ...argumentsAfter] = call.args;
  const isWildcard = name === 'wildcard';
  const op = FUNCTION_OPS[name];
  if (op === undefined && !isWildcard) {
    return opaque(call.span, `function ${call.name}${call.insensitive ? '~' : ''}() as a condition`, scope);
  }
  if (subject?.kind !== 'field' || argumentsAfter.length === 0) {
    return opaque(call.span, `${call.name}() on a computed value`, scope);
  }
  if (argumentsAfter.some((argument) => argument.kind !== 'string')) {
    return opaque(call.span, `${call.name}() with a computed argument`, scope);
  }

  const text = sliceOf(call.span, scope);
  const caseSensitive = !call.insensitive && op !== 'cidr';
  return or(
    argumentsAfter.map((argument) => {
      const value = (argument as { value: string }).value;
      if (!isWildcard) {
        const flags = op === 'regex' && call.insensitive ? { flags: 'i' } : {};
        return make(subject, op!, [value], caseSensitive, scope, call.span, text, flags);
      }
      const match = matchOf(patternOf(value, { single: true, escapes: false }));
      return make(subject, match.op, match.values, caseSensitive, scope, call.span, text);
    }),
  );
}

function make(
  field: EqlField,
  op: Op,
  values: Scalar[],
  caseSensitive: boolean,
  scope: EqlScope,
  span: Span,
  text = sliceOf(span, scope),
  extra: Partial<Predicate> = {},
): Expr {
  return predicate({ field: fieldName(field), op, values, caseSensitive, text, span, ...extra });
}

/** `process.args[0]` keeps its position in the name: it is a different value than the array. */
function fieldName(field: EqlField): string {
  return field.path + field.indexes.map((index) => `[${index}]`).join('');
}

/** The comparison's text for one value: the whole comparison, or `field op value` in a list. */
function predicateText(
  field: EqlField,
  operator: EqlOperator,
  value: EqlExpr,
  comparison: EqlExpr & { kind: 'compare' },
  scope: EqlScope,
): string {
  if (!comparison.list) return sliceOf(comparison.span, scope);
  return `${sliceOf(field.span, scope)} ${operator} ${sliceOf(value.span, scope)}`;
}

function opaque(span: Span, what: string, scope: EqlScope): Expr {
  const text = sliceOf(span, scope);
  const reason = `${what} is not lowered`;
  scope.pipeline.report('warning', 'eql.unsupported', `${reason}: ${text}`, scope.stage, span);
  return { kind: 'opaque', text, reason, span };
}

function sliceOf(span: Span, scope: EqlScope): string {
  return scope.text.slice(span.start, span.end);
}
