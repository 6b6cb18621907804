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
import { lowerConnective } from './connective-condition.js';
import type { ElasticPipeline } from './elastic-pipeline.js';
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
    const what = left.kind === 'call' ? `${left.name}()` : left.kind;
    return opaque(comparison.span, `comparison of a computed value (${what})`, scope);
  }
  return or(comparison.values.map((value) => lowerComparedValue(left, value, comparison, scope)));
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
  const test = (op: Op, values: Scalar[], caseSensitive: boolean, flags?: string): Expr =>
    make(field, { op, values, caseSensitive, span, text, ...(flags ? { flags } : {}) }, scope);

  if (value.kind === 'null') return lowerNullComparison(field, comparison, scope);
  if (value.kind === 'field') {
    if (operator !== '==' && operator !== '!=') {
      return opaque(comparison.span, `'${operator}' between two fields`, scope);
    }
    const compared = test('fieldref', [value.path], true);
    return operator === '==' ? compared : not(compared);
  }
  if (value.kind !== 'string' && value.kind !== 'number' && value.kind !== 'boolean') {
    return opaque(value.span, 'comparison with a computed value', scope);
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
 * `endsWith`, `stringContains`, `wildcard`, `cidrMatch`, `match`, each with a `~` form.
 */
// LIMITATION: functions comparing two fields (`startsWith~(dll.name, process.name)`) or computed
// values (`length(x) > 3`, `substring(…)`) have no predicate form; they stay opaque, with a
// warning, and the rule is not fully parsed.
function lowerFunction(call: Call, scope: EqlScope): Expr {
  const name = call.name.toLowerCase();
  const [subject, ...rest] = call.args;
  const op = Object.hasOwn(FUNCTION_OPS, name) ? FUNCTION_OPS[name] : undefined;
  if (op === undefined && name !== 'wildcard') {
    const written = `${call.name}${call.insensitive ? '~' : ''}`;
    return opaque(call.span, `function ${written}() as a condition`, scope);
  }
  if (subject?.kind !== 'field' || rest.length === 0) {
    return opaque(call.span, `${call.name}() on a computed value`, scope);
  }

  const caseSensitive = !call.insensitive && op !== 'cidr';
  const tests: Expr[] = [];
  for (const argument of rest) {
    if (argument.kind !== 'string') {
      return opaque(call.span, `${call.name}() with a computed argument`, scope);
    }
    const match =
      op === undefined
        ? matchOf(patternOf(argument.value, { single: true, escapes: false }))
        : { op, values: [argument.value] };
    const flags = match.op === 'regex' && call.insensitive ? { flags: 'i' } : {};
    tests.push(make(subject, { ...match, caseSensitive, span: call.span, ...flags }, scope));
  }
  return or(tests);
}

function make(field: EqlField, test: Test, scope: EqlScope): Expr {
  const { text = sliceOf(test.span, scope), ...rest } = test;
  return predicate({ field: fieldName(field), text, ...rest });
}

/** `process.args[0]` keeps its position in the name: it is a different value than the array. */
function fieldName(field: EqlField): string {
  return field.path + field.indexes.map((index) => `[${index}]`).join('');
}

/** The comparison's text for one value: the whole comparison, or `field op value` in a list. */
function predicateText(
  field: EqlField,
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
