// Predicate trees in negation normal form over literals: what implication works on.

import type { CanonicalComparison, Expr, Op, Predicate, Scalar } from '../../ir/index.js';
import type { Literal } from './literal.js';

export type Formula =
  | { kind: 'and'; args: Formula[] }
  | { kind: 'or'; args: Formula[] }
  | { kind: 'literal'; literal: Literal }
  /**
   * An opaque part, a computed condition or a subsearch, under either polarity: it implies
   * nothing and nothing implies it.
   */
  | { kind: 'unknown'; text: string };

export interface FormulaContext {
  dialect: string;
  /** The predicate's comparison in the cross-vendor vocabulary (`predicate.canonical`). */
  comparisonOf(predicate: Predicate): CanonicalComparison;
  /** Whether the predicate matches words of text rather than values (see `Literal`). */
  isVerbatim(predicate: Predicate): boolean;
  /** Whether the dialect's whole-value comparisons compare across dialects (see `Literal`). */
  shared: boolean;
  /** Whether comparisons on missing fields are unknown in this dialect (see `Literal`). */
  missingIsUnknown: boolean;
}

/** Operators whose values are read by the dialect's own rules: never compared across dialects. */
const OWN_DIALECT_OPS: ReadonlySet<Op> = new Set(['regex', 'fieldref', 'placeholder']);

/**
 * The formula of a predicate tree: NOTs pushed down to literals, nested AND/OR flattened, and
 * same-field alternatives merged into one literal (`f=a OR f=b` is `f eq any of [a, b]`,
 * `NOT f=a AND NOT f=b` is `f eq none of [a, b]`) so that normal forms stay small.
 */
export function formulaOf(expr: Expr, context: FormulaContext, negated = false): Formula {
  switch (expr.kind) {
    case 'not':
      return formulaOf(expr.arg, context, !negated);
    case 'and':
    case 'or': {
      const isAnd = (expr.kind === 'and') !== negated;
      const args = expr.args.map((arg) => formulaOf(arg, context, negated));
      return isAnd ? allOf(args) : anyOf(args);
    }
    case 'predicate':
      return { kind: 'literal', literal: literalOf(expr.predicate, negated, context) };
    case 'computed':
      return { kind: 'unknown', text: expr.computed.text };
    case 'subsearch':
      return { kind: 'unknown', text: expr.subsearch.text };
    case 'opaque':
      return { kind: 'unknown', text: expr.text };
  }
}

/** The AND of formulas, flattened, with negated same-field literals merged. */
export function allOf(args: Formula[]): Formula {
  const flat = args.flatMap((arg) => (arg.kind === 'and' ? arg.args : [arg]));
  const merged = mergeLiterals(flat, true);
  return merged.length === 1 ? merged[0] : { kind: 'and', args: merged };
}

/** The OR of formulas, flattened, with positive same-field literals merged. */
export function anyOf(args: Formula[]): Formula {
  const flat = args.flatMap((arg) => (arg.kind === 'or' ? arg.args : [arg]));
  const merged = mergeLiterals(flat, false);
  return merged.length === 1 ? merged[0] : { kind: 'or', args: merged };
}

/** The literal of a predicate: its canonical comparison, under the dialect's rules. */
function literalOf(predicate: Predicate, negated: boolean, context: FormulaContext): Literal {
  const comparison = context.comparisonOf(predicate);
  const verbatim = context.isVerbatim(predicate);
  return {
    field: comparison.field,
    op: comparison.op === 'in' ? 'eq' : comparison.op,
    values: comparison.op === 'exists' ? [] : [...comparison.values],
    caseSensitive: comparison.caseSensitive,
    flags: comparison.op === 'regex' ? (predicate.flags ?? '') : '',
    negated,
    dialect: context.dialect,
    shared: context.shared && !verbatim && !OWN_DIALECT_OPS.has(comparison.op),
    verbatim,
    missingIsUnknown: context.missingIsUnknown,
    predicates: [predicate],
  };
}

/**
 * Merges literals of the given polarity that share field, operator, case, flags and dialect:
 * under OR positive ones (any of the values), under AND negated ones (none of the values).
 */
function mergeLiterals(args: Formula[], negated: boolean): Formula[] {
  const merged: Formula[] = [];
  const byKey = new Map<string, { literal: Literal; values: Set<Scalar> }>();
  for (const arg of args) {
    if (arg.kind !== 'literal' || arg.literal.negated !== negated) {
      merged.push(arg);
      continue;
    }
    const { field, op, caseSensitive, flags, dialect, verbatim } = arg.literal;
    const key = [field, op, caseSensitive, flags, dialect, verbatim].join('\u0000');
    const previous = byKey.get(key);
    if (!previous) {
      const values = [...new Set(arg.literal.values)];
      const literal = { ...arg.literal, values, predicates: [...arg.literal.predicates] };
      byKey.set(key, { literal, values: new Set(literal.values) });
      merged.push({ kind: 'literal', literal });
      continue;
    }
    for (const value of arg.literal.values) {
      if (previous.values.has(value)) continue;
      previous.values.add(value);
      previous.literal.values.push(value);
    }
    for (const predicate of arg.literal.predicates) previous.literal.predicates.push(predicate);
  }
  return merged;
}
