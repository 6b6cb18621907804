// Search syntax to predicate trees: values match case-insensitively with `*` wildcards;
// address blocks match the addresses in them; `f!=x` (f present and not x) stays distinct from
// `NOT f=x`; bare terms match raw text.

import { and, not, or, RAW_FIELD, type Expr, type Span } from '../../ir/index.js';
import { isTuningHook } from '../../languages/spl/macros.js';
import type { SearchNode, SearchValue } from '../../languages/spl/syntax.js';
import type { LoweringScope } from './lowering-scope.js';
import { returnedFields } from './subsearch-fields.js';
import { hasWildcard, isCidrBlock, scalarOf, shapeOfPattern } from './value-shape.js';

/** Time modifiers are bounds on the event time, not fields. */
const TIME_BOUNDS: Record<string, 'ge' | 'lt'> = { earliest: 'ge', latest: 'lt' };

export function lowerSearchExpression(node: SearchNode, scope: LoweringScope): Expr {
  switch (node.kind) {
    case 'and':
      return and(node.args.map((arg) => lowerSearchExpression(arg, scope)));
    case 'or':
      return or(node.args.map((arg) => lowerSearchExpression(arg, scope)));
    case 'not':
      return not(lowerSearchExpression(node.arg, scope));
    case 'compare':
      return lowerComparison(node, scope);
    case 'in':
      return lowerIn(node.field, node.values, node.span, scope);
    case 'term':
      return lowerTerm(node.value, node.span, false, scope);
    case 'directive':
      return lowerDirective(node, scope);
    case 'macro':
      if (isTuningHook(node.call.name)) {
        return scope.opaque(node.span, 'a tuning hook nested inside a search expression');
      }
      return scope.opaque(node.span, 'macro call that did not expand');
    case 'subsearch':
      return scope.subsearch(returnedFields(node.pipeline), node.pipeline, node.span);
  }
}

function lowerComparison(
  node: Extract<SearchNode, { kind: 'compare' }>,
  scope: LoweringScope,
): Expr {
  const { field, value, span } = node;
  const timeBound = TIME_BOUNDS[field.toLowerCase()];
  if (timeBound && node.comparator === '=') {
    const values = [literalOf(value)];
    return scope.predicate({ field: '_time', op: timeBound, values, caseSensitive: false }, span);
  }

  switch (node.comparator) {
    case '=':
      return valuePredicate(field, value.pattern, span, scope);
    case '!=': {
      if (value.pattern === '*') return scope.opaque(span, '`!=*` matches no event');
      if (isPlain(value)) {
        const values = [scalarOf(literalOf(value))];
        return scope.predicate({ field, op: 'ne', values, caseSensitive: false }, span);
      }
      const present = scope.predicate(
        { field, op: 'exists', values: [], caseSensitive: false },
        span,
      );
      return and([present, not(valuePredicate(field, value.pattern, span, scope))]);
    }
    default: {
      const op = ({ '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' } as const)[node.comparator];
      const values = [scalarOf(literalOf(value))];
      return scope.predicate({ field, op, values, caseSensitive: false }, span);
    }
  }
}

/** `field=pattern`: `*` alone means the field is present; an address block, an address in it. */
function valuePredicate(field: string, pattern: string, span: Span, scope: LoweringScope): Expr {
  if (pattern === '*') {
    return scope.predicate({ field, op: 'exists', values: [], caseSensitive: false }, span);
  }
  const block = literalOfPattern(pattern);
  if (!hasWildcard(pattern) && isCidrBlock(block)) {
    return scope.predicate({ field, op: 'cidr', values: [block], caseSensitive: false }, span);
  }
  const shape = shapeOfPattern(pattern);
  return scope.predicate(
    { field, op: shape.op, values: [shape.value], caseSensitive: false },
    span,
  );
}

/**
 * Plain values join into one `in`; values with wildcards and address blocks become predicates of
 * their own.
 */
function lowerIn(field: string, values: SearchValue[], span: Span, scope: LoweringScope): Expr {
  const plain = values.filter(isPlain);
  const patterns = values.filter((value) => !isPlain(value));
  const parts: Expr[] = [];
  if (plain.length > 0) {
    const scalars = plain.map((value) => scalarOf(literalOf(value)));
    parts.push(scope.predicate({ field, op: 'in', values: scalars, caseSensitive: false }, span));
  }
  for (const value of patterns) parts.push(valuePredicate(field, value.pattern, value.span, scope));
  if (parts.length === 0) return scope.opaque(span, 'an empty IN list matches no event');
  return or(parts);
}

/**
 * `TERM(x)` matches x as one indexed term, breakers included; `CASE(x)` matches the term x
 * case-sensitively. Both are raw-text terms; the predicate text keeps the directive.
 * LIMITATION: `field=TERM(x)` and `field=CASE(x)` are not modelled — they are opaque
 * predicates with a warning.
 */
function lowerDirective(
  node: Extract<SearchNode, { kind: 'directive' }>,
  scope: LoweringScope,
): Expr {
  if (node.field !== null) {
    return scope.opaque(node.span, `\`${node.directive}(…)\` as a field value is not modelled`);
  }
  if (!node.value) {
    return scope.opaque(node.span, `\`${node.directive}(…)\` must hold exactly one term`);
  }
  return lowerTerm(node.value, node.span, node.directive === 'CASE', scope);
}

/**
 * A bare term matches raw event text.
 * LIMITATION: Splunk matches bare terms (and `TERM(x)`) against indexed segments, not
 * substrings — a term is shown as `_raw contains term`, which also covers events where it is
 * part of a longer word.
 */
function lowerTerm(
  value: SearchValue,
  span: Span,
  caseSensitive: boolean,
  scope: LoweringScope,
): Expr {
  if (value.pattern === '*') {
    return scope.predicate(
      { field: RAW_FIELD, op: 'exists', values: [], caseSensitive: false },
      span,
    );
  }
  const trimmed = trimStars(value.pattern);
  const shape = hasWildcard(trimmed)
    ? { op: 'wildcard' as const, value: `*${trimmed}*` }
    : { op: 'contains' as const, value: literalOfPattern(trimmed) };
  return scope.predicate(
    { field: RAW_FIELD, op: shape.op, values: [shape.value], caseSensitive },
    span,
  );
}

/** A value compared as it is written: no wildcard, not an address block. */
function isPlain(value: SearchValue): boolean {
  return !hasWildcard(value.pattern) && !isCidrBlock(literalOf(value));
}

function trimStars(pattern: string): string {
  let start = 0;
  let end = pattern.length;
  while (start < end && pattern[start] === '*') start += 1;
  while (end > start && pattern[end - 1] === '*' && pattern[end - 2] !== '\\') end -= 1;
  return pattern.slice(start, end);
}

function literalOf(value: SearchValue): string {
  return literalOfPattern(value.pattern);
}

function literalOfPattern(pattern: string): string {
  let text = '';
  for (let i = 0; i < pattern.length; i += 1) {
    if (pattern[i] === '\\' && i + 1 < pattern.length) i += 1;
    text += pattern[i];
  }
  return text;
}
