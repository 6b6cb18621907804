// Lowers ES|QL WHERE conditions into predicate trees. ES|QL compares strings exactly and
// case-sensitively; `to_lower(x)`/`to_upper(x)` (directly or through an EVAL column) make a
// comparison on x case-insensitive.

import {
  not,
  or,
  predicate,
  type Expr,
  type Op,
  type Scalar,
  type Span,
} from '../../ir/index.js';
import type { EsqlExpr } from '../../languages/esql/esql-syntax.js';
import { analyzedWords } from './analyzed-words.js';
import { computedCondition } from './computed-condition.js';
import { lowerConnective } from './connective-condition.js';
import { TRUE_CONDITION } from './constant-conditions.js';
import type { ElasticPipeline } from './elastic-pipeline.js';
import { columnOf, type ColumnSource, type Columns } from './esql-columns.js';
import { esqlComputationOf } from './esql-computation.js';
import { fieldTypeOf } from './field-types.js';
import { lowerKueryText } from './lower-kuery.js';
import { opaqueCondition } from './opaque-condition.js';
import { matchOf, patternOf } from './value-pattern.js';

export interface EsqlScope {
  pipeline: ElasticPipeline;
  stage: number;
  text: string;
  /** Columns defined by earlier EVAL and RENAME commands, by name. */
  columns: Columns;
}

type Node<Kind extends EsqlExpr['kind']> = EsqlExpr & { kind: Kind };

const COMPARISON_OPS: Record<string, Op> = {
  '==': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
};

/** `5 > a` is `a < 5`: the operator seen from the other side. */
const MIRRORED: Record<string, string> = {
  '==': '==',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

/** String functions that are one predicate on their first argument. */
const FUNCTION_OPS: Record<string, Op> = {
  starts_with: 'startswith',
  ends_with: 'endswith',
  contains: 'contains',
  cidr_match: 'cidr',
};

// LIMITATION: ES|QL compares a multi-valued field as null (no match, with a warning) where the
// predicate, as in KQL and EQL, matches when any value does.
export function lowerEsqlCondition(expr: EsqlExpr, scope: EsqlScope): Expr {
  switch (expr.kind) {
    case 'or':
    case 'and':
    case 'not':
    case 'boolean':
      return lowerConnective(expr, (arg) => lowerEsqlCondition(arg, scope));
    case 'compare':
      return lowerComparison(expr, scope);
    case 'pattern':
      return lowerPattern(expr, scope);
    case 'in':
      return lowerIn(expr, scope);
    case 'is-null':
      return lowerIsNull(expr, scope);
    case 'match':
      return lowerFullText(expr.left, [expr.query], expr.span, scope);
    case 'call':
      return lowerFunction(expr, scope);
    case 'field': {
      const column = columnOf(expr, scope.columns);
      if (column === null) return opaque(expr.span, 'a computed column as a condition', scope);
      return make(column, 'eq', [true], expr.span, scope);
    }
    default:
      return opaque(expr.span, 'this expression as a condition', scope);
  }
}

function lowerComparison(expr: Node<'compare'>, scope: EsqlScope): Expr {
  const leftColumn = columnOf(expr.left, scope.columns);
  const rightColumn = columnOf(expr.right, scope.columns);
  if (leftColumn !== null && rightColumn !== null) {
    if (expr.operator !== '==' && expr.operator !== '!=') return computed(expr, scope);
    const compared = make(leftColumn, 'fieldref', [rightColumn.field], expr.span, scope);
    return expr.operator === '==' ? compared : not(compared);
  }

  const mirrored = leftColumn === null;
  const column = leftColumn ?? rightColumn;
  const value = scalarOf(mirrored ? expr.left : expr.right);
  if (column === null || value === undefined) return computed(expr, scope);
  if (value === null) return opaque(expr.span, 'a comparison with null (always null)', scope);

  const operator = mirrored ? MIRRORED[expr.operator] : expr.operator;
  return make(column, COMPARISON_OPS[operator], [value], expr.span, scope);
}

/** LIKE takes `*`/`?` wildcards with `\` escapes; RLIKE a regular expression. */
// LIMITATION: RLIKE patterns are Lucene regular expressions that must match the whole value;
// they are kept as written, without anchors.
function lowerPattern(expr: Node<'pattern'>, scope: EsqlScope): Expr {
  const keyword = expr.operator.toUpperCase();
  const column = columnOf(expr.left, scope.columns);
  if (column === null && expr.patterns.length === 1) return computed(expr, scope);
  if (column === null) return opaque(expr.span, `${keyword} on a computed value`, scope);

  const lowered: Expr[] = [];
  for (const pattern of expr.patterns) {
    if (pattern.kind !== 'string') {
      return opaque(expr.span, `${keyword} with a computed pattern`, scope);
    }
    const span = expr.patterns.length === 1 ? expr.span : pattern.span;
    if (expr.operator === 'rlike') {
      const flags = column.caseInsensitive ? 'i' : undefined;
      lowered.push(make(column, 'regex', [pattern.value], span, scope, flags));
      continue;
    }
    const match = matchOf(patternOf(pattern.value, { single: true, escapes: true }));
    lowered.push(make(column, match.op, match.values, span, scope));
  }
  const any = or(lowered);
  return expr.negated ? not(any) : any;
}

function lowerIn(expr: Node<'in'>, scope: EsqlScope): Expr {
  if (expr.left.kind === 'boolean' && expr.left.value) return lowerAnyTrue(expr, scope);
  const column = columnOf(expr.left, scope.columns);
  if (column === null) return opaque(expr.span, 'IN on a computed value', scope);

  const lowered: Expr[] = [];
  for (const item of expr.values) {
    const value = scalarOf(item);
    if (value === undefined || value === null) {
      return opaque(expr.span, 'IN with a computed or null value', scope);
    }
    lowered.push(make(column, 'eq', [value], item.span, scope));
  }
  const any = or(lowered);
  return expr.negated ? not(any) : any;
}

/** `true in (a, b, …)` holds when one of the conditions does. */
function lowerAnyTrue(expr: Node<'in'>, scope: EsqlScope): Expr {
  const any = or(expr.values.map((value) => lowerEsqlCondition(value, scope)));
  return expr.negated ? not(any) : any;
}

function lowerIsNull(expr: Node<'is-null'>, scope: EsqlScope): Expr {
  const column = columnOf(expr.arg, scope.columns);
  if (column === null) return opaque(expr.span, 'IS NULL on a computed value', scope);
  const exists = make({ ...column, caseInsensitive: false }, 'exists', [], expr.span, scope);
  return expr.negated ? exists : not(exists);
}

/**
 * `starts_with`, `ends_with`, `contains`, `cidr_match`, `mv_contains` with one value, `match`,
 * and `kql("…")` with a KQL query.
 */
function lowerFunction(call: Node<'call'>, scope: EsqlScope): Expr {
  if (call.name === 'kql') return lowerEmbeddedKuery(call, scope);
  if (call.name === 'mv_contains') return lowerMultiValueContains(call, scope);
  if (call.name === 'match' && call.args.length >= 2) {
    return lowerFullText(call.args[0], call.args.slice(1), call.span, scope);
  }

  const op = Object.hasOwn(FUNCTION_OPS, call.name) ? FUNCTION_OPS[call.name] : undefined;
  const [subject, ...rest] = call.args;
  const column = subject === undefined ? null : columnOf(subject, scope.columns);
  const patterns = rest.filter((argument) => argument.kind === 'string');
  const literal = patterns.length === rest.length && rest.length > 0;
  if (op === undefined || column === null || !literal) return computed(call, scope);

  const lowered: Expr[] = [];
  for (const argument of patterns) {
    // Addresses have no case.
    const compared = op === 'cidr' ? { ...column, caseInsensitive: true } : column;
    lowered.push(make(compared, op, [argument.value], call.span, scope));
  }
  return or(lowered);
}

/**
 * Full-text match (`field : "words"`, `match(field, "words")`): on a text field, any of the
 * analyzed words (case-insensitive `contains`); on a keyword field, the exact value.
 */
// LIMITATION: `match()` with options (`{"fuzziness": 1}`) has no predicate or computed form —
// it stays opaque, with a warning, and the rule is not fully parsed.
function lowerFullText(subject: EsqlExpr, queries: EsqlExpr[], span: Span, scope: EsqlScope): Expr {
  const column = columnOf(subject, scope.columns);
  const [query] = queries;
  if (column === null || queries.length !== 1 || query.kind !== 'string') {
    return opaque(span, 'a full-text match on a computed value or with options', scope);
  }
  if (fieldTypeOf(column.field) !== 'text') return make(column, 'eq', [query.value], span, scope);

  const folded = { ...column, caseInsensitive: true };
  const words = analyzedWords(query.value);
  return or(words.map((word) => make(folded, 'contains', [word], span, scope)));
}

/** `mv_contains(field, "x")`: some value of the multi-valued field is x — an `eq` predicate. */
function lowerMultiValueContains(call: Node<'call'>, scope: EsqlScope): Expr {
  const [subject, value] = call.args;
  const column = subject === undefined ? null : columnOf(subject, scope.columns);
  const scalar = value === undefined ? undefined : scalarOf(value);
  if (call.args.length !== 2 || column === null || scalar === undefined || scalar === null) {
    return opaque(call.span, 'mv_contains() with a computed argument', scope);
  }
  return make(column, 'eq', [scalar], call.span, scope);
}

/** `kql("query")`: the string is KQL; its spans are shifted to point into the ES|QL text. */
function lowerEmbeddedKuery(call: Node<'call'>, scope: EsqlScope): Expr {
  const [argument] = call.args;
  if (call.args.length !== 1 || argument.kind !== 'string') {
    return opaque(call.span, 'kql() without a string', scope);
  }
  const quoteLength = scope.text.startsWith('"""', argument.span.start) ? 3 : 1;
  const lowered = lowerKueryText({
    pipeline: scope.pipeline,
    stage: scope.stage,
    text: argument.value,
    offset: argument.span.start + quoteLength,
  });
  return lowered ?? TRUE_CONDITION;
}

/** The scalar a literal denotes; undefined when the expression is not a literal. */
function scalarOf(expr: EsqlExpr): Scalar | undefined {
  switch (expr.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return expr.value;
    case 'null':
      return null;
    default:
      return undefined;
  }
}

function make(
  column: ColumnSource,
  op: Op,
  values: Scalar[],
  span: Span,
  scope: EsqlScope,
  flags?: string,
): Expr {
  const text = scope.text.slice(span.start, span.end);
  const caseSensitive = !column.caseInsensitive;
  const flagged = flags === undefined ? {} : { flags };
  return predicate({ field: column.field, op, values, caseSensitive, text, span, ...flagged });
}

/** A condition no predicate states, kept as its computation. */
function computed(expr: EsqlExpr, scope: EsqlScope): Expr {
  const condition = esqlComputationOf(expr, scope.columns);
  const description = 'a condition holding a value list, an option map or a parameter';
  const what = { code: 'esql.unsupported', description };
  return computedCondition(condition, true, expr.span, what, scope);
}

function opaque(span: Span, what: string, scope: EsqlScope): Expr {
  return opaqueCondition('esql.unsupported', span, what, scope);
}
