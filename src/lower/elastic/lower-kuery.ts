// Lowers a KQL syntax tree into a predicate tree. Matching follows the field's type: keyword
// fields compare whole values case-sensitively, text fields match words, ip fields take CIDRs.

import {
  and,
  not,
  or,
  predicate,
  RAW_FIELD,
  type Expr,
  type Op,
  type Scalar,
  type Severity,
  type Span,
} from '../../ir/index.js';
import { parseKuery } from '../../languages/kuery/kuery-parser.js';
import type {
  KueryBoolean,
  KueryLiteral,
  KueryMatch,
  KueryQuery,
  KueryRange,
  KueryValue,
  RangeOperator,
  ValuePart,
} from '../../languages/kuery/kuery-syntax.js';
import type { ElasticPipeline } from './elastic-pipeline.js';
import { analyzedWords } from './analyzed-words.js';
import { comparesCase, fieldFamilyOf } from './field-types.js';
import { literalScalar } from './literal-scalar.js';
import { hasWildcard, matchOf, type PatternPart } from './value-pattern.js';

/** Where a KQL text sits: spans are shifted by `offset` to point into the rule's query. */
export interface KueryScope {
  pipeline: ElasticPipeline;
  /** Index of the stage the predicates belong to, for diagnostics. */
  stage: number;
  text: string;
  offset: number;
}

const RANGE_OPS: Record<RangeOperator, Op> = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };

/** Parses and lowers KQL text; a syntax error gives an opaque predicate and a diagnostic. */
export function lowerKueryText(scope: KueryScope): Expr | null {
  const parsed = parseKuery(scope.text);
  if (parsed.ok) return parsed.query === null ? null : lowerKuery(parsed.query, scope, '');

  const message = `KQL syntax error: ${parsed.error.message}`;
  report(scope, 'error', 'kuery.syntax', message, parsed.error.span);
  const span = shift({ start: 0, end: scope.text.length }, scope);
  return { kind: 'opaque', text: scope.text, reason: parsed.error.message, span };
}

function lowerKuery(query: KueryQuery, scope: KueryScope, prefix: string): Expr {
  switch (query.kind) {
    case 'or':
      return or(query.args.map((arg) => lowerKuery(arg, scope, prefix)));
    case 'and':
      return and(query.args.map((arg) => lowerKuery(arg, scope, prefix)));
    case 'not':
      return not(lowerKuery(query.arg, scope, prefix));
    case 'match':
      return lowerMatch(query, scope, prefix);
    case 'range':
      return lowerRange(query, scope, prefix);
    case 'nested': {
      const field = prefix + fieldName(query.field, scope);
      // LIMITATION: `field:{ a and b }` needs a and b to hold in the same nested object; the
      // lowered predicates only need each to hold in some object — a warning says so.
      if (combinesConditions(query.query)) {
        const message = `nested query on ${field}: conditions are not tied to one nested object`;
        report(scope, 'warning', 'kuery.nested', message, query.span);
      }
      return lowerKuery(query.query, scope, `${field}.`);
    }
    case 'free-text':
      return lowerFreeText(query.literal, scope);
  }
}

/**
 * Whether a nested query ties conditions to one object (`and`, `not`): some object meeting `a or
 * b` is some object meeting a or some meeting b, so an `or` of single conditions loses nothing.
 */
function combinesConditions(query: KueryQuery | KueryBoolean<KueryValue>): boolean {
  switch (query.kind) {
    case 'and':
    case 'not':
      return true;
    case 'or':
      return query.args.some(combinesConditions);
    case 'nested':
      return combinesConditions(query.query);
    case 'match':
      return combinesConditions(query.values);
    default:
      return false;
  }
}

function lowerRange(range: KueryRange, scope: KueryScope, prefix: string): Expr {
  const written = literalText(range.value);
  return predicate({
    field: prefix + fieldName(range.field, scope),
    op: RANGE_OPS[range.operator],
    values: [range.value.quoted ? written : literalScalar(written)],
    caseSensitive: true,
    text: sliceOf(range.span, scope),
    span: shift(range.span, scope),
  });
}

/** `field: value` or `field: (a or b and not c)`: one predicate per value, same structure. */
function lowerMatch(node: KueryMatch, scope: KueryScope, prefix: string): Expr {
  const field = prefix + fieldName(node.field, scope);
  const single = node.values.kind === 'value';
  const fieldText = sliceOf(node.field.span, scope);

  const lowerValues = (values: KueryBoolean<KueryValue>): Expr => {
    switch (values.kind) {
      case 'or':
        return or(values.args.map(lowerValues));
      case 'and':
        return and(values.args.map(lowerValues));
      case 'not':
        return not(lowerValues(values.arg));
      case 'value': {
        const text = single ? sliceOf(node.span, scope) : `${fieldText}: ${values.literal.text}`;
        return lowerValue(field, values.literal, text, scope);
      }
    }
  };
  return lowerValues(node.values);
}

function lowerValue(field: string, literal: KueryLiteral, text: string, scope: KueryScope): Expr {
  const span = shift(literal.span, scope);
  const make = (op: Op, values: Scalar[], caseSensitive: boolean): Expr =>
    predicate({ field, op, values, caseSensitive, text, span });
  const parts = patternParts(literal.parts);
  const type = fieldFamilyOf(field);

  if (type === 'text') return lowerTextValue(field, literal, text, scope);
  if (hasWildcard(parts)) {
    const match = matchOf(parts);
    return make(match.op, match.values, comparesCase(type));
  }
  if (type === 'ip') {
    const address = literalText(literal);
    return make(address.includes('/') ? 'cidr' : 'eq', [address], false);
  }
  const value = literal.quoted ? literalText(literal) : literalScalar(literalText(literal));
  return make('eq', [value], comparesCase(type));
}

/**
 * Text fields are analyzed: a quoted phrase matches those words in order, unquoted text matches
 * any of its analyzed words. Both are lowered to case-insensitive `contains`.
 */
// LIMITATION: word boundaries and the analyzer's tokenization are not modelled — `contains` also
// matches inside words, and a wildcard other than `*word*` on a text field stays opaque.
function lowerTextValue(
  field: string,
  literal: KueryLiteral,
  text: string,
  scope: KueryScope,
): Expr {
  const span = shift(literal.span, scope);
  const make = (op: Op, values: Scalar[]): Expr =>
    predicate({ field, op, values, caseSensitive: false, text, span });
  const parts = patternParts(literal.parts);

  if (literal.quoted) return make('contains', [literalText(literal)]);
  if (!hasWildcard(parts)) {
    return or(analyzedWords(literalText(literal)).map((word) => make('contains', [word])));
  }
  const match = matchOf(parts);
  if (match.op === 'contains' || match.op === 'exists') return make(match.op, match.values);

  const reason = 'wildcard on a text field matches single analyzed words';
  report(scope, 'warning', 'kuery.text-wildcard', `${reason}: ${text}`, literal.span);
  return { kind: 'opaque', text, reason, span };
}

/** Free text searches every field; it becomes a case-insensitive `contains` on `_raw`. */
// LIMITATION: free text is searched in the index's default fields (keyword fields exactly, text
// fields by word); `_raw contains` approximates that, and a warning marks it.
function lowerFreeText(literal: KueryLiteral, scope: KueryScope): Expr {
  const message = `free text ${literal.text} is matched as _raw contains`;
  report(scope, 'warning', 'kuery.free-text', message, literal.span);

  const parts = patternParts(literal.parts);
  const written = { op: 'eq' as Op, values: [literalText(literal)] };
  const match = literal.quoted ? written : matchOf(parts);
  return predicate({
    field: RAW_FIELD,
    op: match.op === 'eq' ? 'contains' : match.op,
    values: match.values,
    caseSensitive: false,
    text: literal.text,
    span: shift(literal.span, scope),
  });
}

/** A field name with escapes resolved; `*` in it matches several fields, noted as info. */
function fieldName(literal: KueryLiteral, scope: KueryScope): string {
  const name = literalText(literal);
  if (!literal.quoted && literal.parts.some((part) => part.kind === 'wildcard')) {
    const message = `field pattern ${name} matches every field it covers; kept as written`;
    report(scope, 'info', 'kuery.field-pattern', message, literal.span);
  }
  return name;
}

function literalText(literal: KueryLiteral): string {
  return literal.parts.map((part) => (part.kind === 'text' ? part.text : '*')).join('');
}

function patternParts(parts: ValuePart[]): PatternPart[] {
  return parts.map((part) => (part.kind === 'text' ? part : { kind: 'any' }));
}

function sliceOf(span: Span, scope: KueryScope): string {
  return scope.text.slice(span.start, span.end);
}

/** Reports a problem at a span of the KQL text. */
function report(
  scope: KueryScope,
  severity: Severity,
  code: string,
  message: string,
  span: Span,
): void {
  scope.pipeline.report(severity, code, message, scope.stage, shift(span, scope));
}

function shift(span: Span, scope: KueryScope): Span {
  return { start: span.start + scope.offset, end: span.end + scope.offset };
}
