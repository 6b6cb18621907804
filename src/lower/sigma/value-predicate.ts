// Turns one modified Sigma value into a predicate: glob patterns become eq, contains,
// startswith, endswith or exists where they can, `null` becomes "field absent", and the type
// modifiers pick their operator.

import { isIP } from 'node:net';
import { not, predicate, type Expr, type Op, type Predicate, type Span } from '../../ir/index.js';
import { formatPattern, type PatternPart } from '../../languages/sigma/string-value.js';
import { compileLinearRegex, isLinearRegex } from '../../match/linear-regex.js';
import { comparisonOfGlob, type GlobPart } from '../../semantics/value-pattern.js';
import type { ModifiedValue, ModifiedValues } from './modified-value.js';

/** Where the value was written: the predicate keeps this text and span. */
export interface ValueSource {
  field: string;
  text: string;
  span?: Span;
}

export type ValueOutcome = { ok: true; expr: Expr } | { ok: false; code: string; message: string };

const ORDER_OPS = { lt: 'lt', le: 'le', gt: 'gt', ge: 'ge' } as const;

export function valuePredicate(
  value: ModifiedValue,
  modified: ModifiedValues,
  source: ValueSource,
): ValueOutcome {
  const make = predicateMaker(source, modified.cased);
  switch (modified.comparison) {
    case 'match':
      return { ok: true, expr: matchPredicate(value, make) };
    case 'regex': {
      if (value.kind !== 'string') return invalid(`'re' needs a string pattern`);
      const problem = regexProblem(value.written, modified.regexFlags);
      if (problem) return { ok: false, ...problem };
      const caseSensitive = !modified.regexFlags.includes('i');
      const flags = modified.regexFlags === '' ? {} : { flags: modified.regexFlags };
      return { ok: true, expr: make('regex', [value.written], { caseSensitive, ...flags }) };
    }
    case 'cidr':
      if (value.kind !== 'string' || !isCidr(value.written)) {
        return invalid(`'cidr' needs an IPv4 or IPv6 network such as 10.0.0.0/8`);
      }
      return { ok: true, expr: make('cidr', [value.written], { caseSensitive: false }) };
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
      if (value.kind !== 'number') return invalid(`'${modified.comparison}' needs a number`);
      return { ok: true, expr: make(ORDER_OPS[modified.comparison], [value.value]) };
    case 'exists':
      if (value.kind !== 'boolean') return invalid(`'exists' needs true or false`);
      return { ok: true, expr: existence(value.value, make) };
    case 'fieldref':
      if (value.kind !== 'string') return invalid(`'fieldref' needs the name of another field`);
      return { ok: true, expr: make('fieldref', [value.written]) };
  }
}

type Make = (op: Op, values: Predicate['values'], extra?: Partial<Predicate>) => Expr;

/** Makes the value's predicates: on the source's field, text and span, in its letter case. */
function predicateMaker(source: ValueSource, caseSensitive: boolean): Make {
  return (op, values, extra = {}) => {
    const base: Predicate = { field: source.field, op, values, caseSensitive, text: source.text };
    if (source.span) base.span = source.span;
    return predicate({ ...base, ...extra });
  };
}

function invalid(message: string): ValueOutcome {
  return { ok: false, code: 'sigma.invalid-value', message };
}

function matchPredicate(value: ModifiedValue, make: Make): Expr {
  switch (value.kind) {
    case 'null':
      return existence(false, make);
    case 'number':
    case 'boolean':
      return make('eq', [value.value]);
    case 'string': {
      const { op, values } = patternOperation(value.parts);
      return op === 'exists' ? existence(true, make) : make(op, values);
    }
  }
}

/** `exists` has no values; a missing field is NOT exists (`null` in Sigma). */
function existence(present: boolean, make: Make): Expr {
  const exists = make('exists', [], { caseSensitive: false });
  return present ? exists : not(exists);
}

/**
 * The narrowest operator expressing a Sigma pattern, with the value it compares against; a
 * pattern of stars alone is `exists`, with no value.
 */
function patternOperation(parts: PatternPart[]): { op: Op; values: string[] } {
  const globParts: GlobPart[] = [];
  for (const part of parts) {
    if (part.kind === 'placeholder') return { op: 'placeholder', values: [formatPattern(parts)] };
    globParts.push(part);
  }
  return comparisonOfGlob(globParts);
}

// LIMITATION: RE2 syntax beyond the specification's regex flavor (`\d`, `\w`, inline `(?i)`) is
// lowered as written, without a diagnostic — many of the 217 snapshot regexes use such syntax.
/**
 * Why a pattern is malformed or cannot be run in linear time (RE2), or null. The
 * specification's flavor is a subset of what RE2 runs; what RE2 refuses (backreferences,
 * lookaround) is outside it too.
 */
function regexProblem(pattern: string, flags: string): { code: string; message: string } | null {
  const compiled = compileLinearRegex(pattern, {
    caseInsensitive: flags.includes('i'),
    multiline: flags.includes('m'),
    dotAll: flags.includes('s'),
  });
  if (isLinearRegex(compiled)) return null;
  if (compiled.invalid) {
    const message = `the regular expression has a syntax error: ${compiled.unsupported}`;
    return { code: 'sigma.invalid-regex', message };
  }
  const message = `the regular expression cannot be run in linear time: ${compiled.unsupported}`;
  return { code: 'sigma.unsupported-regex', message };
}

function isCidr(network: string): boolean {
  const slash = network.indexOf('/');
  const address = slash < 0 ? network : network.slice(0, slash);
  const version = isIP(address);
  if (version === 0) return false;
  if (slash < 0) return true;

  const prefix = network.slice(slash + 1);
  if (prefix === '' || [...prefix].some((character) => character < '0' || character > '9')) {
    return false;
  }
  return Number(prefix) <= (version === 4 ? 32 : 128);
}
