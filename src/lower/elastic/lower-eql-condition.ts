// Lowers EQL conditions into predicate trees: `:` is case-insensitive with wildcards, `==` and
// `in` exact and case-sensitive, `like`/`regex` patterns, every `~` form case-insensitive.

import {
  not,
  or,
  predicate,
  type Expr,
  type Op,
  type Scalar,
  type Span,
} from '../../ir/index.js';
import type { EqlExpr, EqlField, EqlOperator } from '../../languages/eql/eql-syntax.js';
import { computedCondition } from './computed-condition.js';
import { lowerConnective } from './connective-condition.js';
import type { ElasticPipeline } from './elastic-pipeline.js';
import { eqlComputationOf, eqlFieldName, isCaseless } from './eql-computation.js';
import { opaqueCondition } from './opaque-condition.js';
import { matchOf, patternOf } from './value-pattern.js';

export interface EqlScope {
  pipeline: ElasticPipeline;
  /** Index of the stage the predicates belong to, for diagnostics. */
  stage: number;
  /** The query text the spans point into. */
  text: string;
}

type Comparison = EqlExpr & { kind: 'compare' };
type Call = EqlExpr & { kind: 'call' };

/** What a predicate is made of besides its field. */
interface Test {
  op: Op;
  values: Scalar[];
  caseSensitive: boolean;
  span: Span;
  text?: string;
  flags?: string;
}

const ORDER_OPS: Partial<Record<EqlOperator, Op>> = {
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
};

/** String functions that are a single predicate on their first argument, by lower-case name. */
const FUNCTION_OPS: Record<string, Op> = {
  startswith: 'startswith',
  endswith: 'endswith',
  stringcontains: 'contains',
  cidrmatch: 'cidr',
  match: 'regex',
};

export function lowerEqlCondition(expr: EqlExpr, scope: EqlScope): Expr {
  switch (expr.kind) {
    case 'or':
    case 'and':
    case 'not':
    case 'boolean':
      return lowerConnective(expr, (arg) => lowerEqlCondition(arg, scope));
    case 'compare':
      return lowerComparison(expr, scope);
    case 'call':
      return lowerFunction(expr, scope);
    case 'field':
      return make(expr, { op: 'eq', values: [true], caseSensitive: true, span: expr.span }, scope);
    default:
      return opaque(expr.span, 'this expression as a condition', scope);
  }
}

/** A comparison with a list means any of the values. */
function lowerComparison(comparison: Comparison, scope: EqlScope): Expr {
  const { left } = comparison;
  if (left.kind !== 'field') {
    return or(comparison.values.map((value) => computedComparison(comparison, value, scope)));
  }
  return or(comparison.values.map((value) => lowerComparedValue(left, value, comparison, scope)));
}

/**
 * One value of a comparison whose sides are computed, as a computed condition. A list item is
 * compared as `in` compares: `==` exactly, and `in~` as `:` does when the value has no wildcard.
 */
function computedComparison(comparison: Comparison, value: EqlExpr, scope: EqlScope): Expr {
  const operator = comparison.list ? itemOperator(comparison.operator, value) : comparison.operator;
  const condition = eqlComputationOf({ ...comparison, operator, values: [value], list: false });
  const span = comparison.list ? value.span : comparison.span;
  const text = predicateText(comparison.left, value, comparison, scope);
  const caseSensitive = !isCaseless({ ...comparison, operator });
  const what = { code: 'eql.unsupported', description: 'this comparison of computed values' };
  return computedCondition(condition, caseSensitive, span, what, scope, text);
}

function itemOperator(operator: EqlOperator, value: EqlExpr): EqlOperator {
  if (operator === 'in') return '==';
  const text = value.kind === 'string' ? value.value : '';
  if (operator === 'in~' && !text.includes('*') && !text.includes('?')) return ':';
  return operator;
}

type ValueTest = (op: Op, values: Scalar[], caseSensitive: boolean, flags?: string) => Expr;

/** Makes the predicates of one compared value, on its field, span and text. */
function comparisonMaker(field: EqlField, span: Span, text: string, scope: EqlScope): ValueTest {
  return (op, values, caseSensitive, flags) =>
    make(field, { op, values, caseSensitive, span, text, ...(flags ? { flags } : {}) }, scope);
}

function lowerComparedValue(
  field: EqlField,
  value: EqlExpr,
  comparison: Comparison,
  scope: EqlScope,
): Expr {
  const { operator } = comparison;
  const span = comparison.list ? value.span : comparison.span;
  const text = predicateText(field, value, comparison, scope);
  const test = comparisonMaker(field, span, text, scope);

  if (value.kind === 'null') return lowerNullComparison(field, comparison, scope);
  if (value.kind === 'field' && (operator === '==' || operator === '!=')) {
    const compared = test('fieldref', [eqlFieldName(value)], true);
    return operator === '==' ? compared : not(compared);
  }
  if (value.kind !== 'string' && value.kind !== 'number' && value.kind !== 'boolean') {
    return computedComparison(comparison, value, scope);
  }

  const scalar: Scalar = value.value;
  switch (operator) {
    case '==':
      return test('eq', [scalar], true);
    // LIMITATION: `!=` becomes `ne`, which needs the field present; whether Elasticsearch's EQL
    // also matches events lacking the field is not modelled.
    case '!=':
      return test('ne', [scalar], true);
    case 'in':
    case 'in~':
      return test('eq', [scalar], operator === 'in');
    case ':':
    case 'like':
    case 'like~': {
      const caseSensitive = operator === 'like';
      if (typeof scalar !== 'string') return test('eq', [scalar], caseSensitive);
      const match = matchOf(patternOf(scalar, { single: true, escapes: false }));
      return test(match.op, match.values, caseSensitive);
    }
    // LIMITATION: EQL regexes are Lucene regular expressions matching the whole value; they are
    // kept as written, without anchors.
    case 'regex':
    case 'regex~':
      if (operator === 'regex') return test('regex', [String(scalar)], true);
      return test('regex', [String(scalar)], false, 'i');
    default: {
      const op = ORDER_OPS[operator];
      if (op === undefined) return opaque(comparison.span, `operator '${operator}'`, scope);
      return test(op, [scalar], true);
    }
  }
}

/** `field == null` means the field is missing; `field != null` that it is present. */
function lowerNullComparison(field: EqlField, comparison: Comparison, scope: EqlScope): Expr {
  const { operator, span } = comparison;
  const exists = make(field, { op: 'exists', values: [], caseSensitive: true, span }, scope);
  if (operator === '!=') return exists;
  if (operator === '==' || operator === ':') return not(exists);
  return opaque(span, `'${operator}' with null`, scope);
}

/**
 * Boolean functions that test their first argument against string arguments: `startsWith`,
 * `endsWith`, `stringContains`, `wildcard`, `cidrMatch`, `match`, each with a `~` form. Other
 * functions, and these on computed values or fields (`startsWith~(dll.name, process.name)`), are
 * computed conditions.
 */
function lowerFunction(call: Call, scope: EqlScope): Expr {
  const name = call.name.toLowerCase();
  const [subject, ...rest] = call.args;
  const op = Object.hasOwn(FUNCTION_OPS, name) ? FUNCTION_OPS[name] : undefined;
  const isTest = op !== undefined || name === 'wildcard';
  const patterns = rest.filter((argument) => argument.kind === 'string');
  const literal = patterns.length === rest.length && rest.length > 0;
  if (!isTest || subject?.kind !== 'field' || !literal) return computedCall(call, scope);

  const caseSensitive = !call.insensitive && op !== 'cidr';
  const tests: Expr[] = [];
  for (const argument of patterns) {
    const match =
      op === undefined
        ? matchOf(patternOf(argument.value, { single: true, escapes: false }))
        : { op, values: [argument.value] };
    const flags = match.op === 'regex' && call.insensitive ? { flags: 'i' } : {};
    tests.push(make(subject, { ...match, caseSensitive, span: call.span, ...flags }, scope));
  }
  return or(tests);
}

function computedCall(call: Call, scope: EqlScope): Expr {
  const written = `${call.name}${call.insensitive ? '~' : ''}`;
  const what = { code: 'eql.unsupported', description: `function ${written}() as a condition` };
  const caseSensitive = !isCaseless(call);
  return computedCondition(eqlComputationOf(call), caseSensitive, call.span, what, scope);
}

function make(field: EqlField, test: Test, scope: EqlScope): Expr {
  const { text = sliceOf(test.span, scope), ...rest } = test;
  return predicate({ field: eqlFieldName(field), text, ...rest });
}

/** The comparison's text for one value: the whole comparison, or `field op value` in a list. */
function predicateText(
  field: EqlExpr,
  value: EqlExpr,
  comparison: Comparison,
  scope: EqlScope,
): string {
  if (!comparison.list) return sliceOf(comparison.span, scope);
  return `${sliceOf(field.span, scope)} ${comparison.operator} ${sliceOf(value.span, scope)}`;
}

function opaque(span: Span, what: string, scope: EqlScope): Expr {
  return opaqueCondition('eql.unsupported', span, what, scope);
}

function sliceOf(span: Span, scope: EqlScope): string {
  return scope.text.slice(span.start, span.end);
}
