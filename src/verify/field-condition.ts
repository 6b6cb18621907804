// One condition a witness value must meet or avoid, and our own reading of whether a value meets
// it. The reading only chooses candidate values: the rules' evaluators have the last word.

import type { Op, Predicate, Scalar } from '../ir/index.js';
import { compileLinearRegex, isLinearRegex, type LinearRegex } from '../match/linear-regex.js';
import { writtenPattern, type WildcardPattern } from '../match/elastic/wildcard-match.js';
import { cidrOf, inRange } from '../match/spl/ip-range.js';
import { foldCase, numericValue } from '../semantics/value-key.js';

export interface FieldCondition {
  /** Never `in`: an `in` list is `eq` with several values. */
  op: Op;
  /** A met condition holds for one of these values; an avoided one for none of them. */
  values: Scalar[];
  caseSensitive: boolean;
  /** Regex flags (`i`, `m`, `s`); empty for other operators. */
  flags: string;
  /** True when the value must avoid the condition (it sits under a NOT). */
  negated: boolean;
  /**
   * Whether a missing field makes the avoided condition unknown rather than true (SPL `where`,
   * EQL): the field must then have a value that avoids it.
   */
  missingIsUnknown: boolean;
}

/** The condition a predicate puts on its written field, met or avoided. */
export function predicateCondition(
  predicate: Predicate,
  negated: boolean,
  missingIsUnknown: boolean,
): FieldCondition {
  return {
    op: predicate.op === 'in' ? 'eq' : predicate.op,
    values: predicate.op === 'exists' ? [] : predicate.values,
    caseSensitive: predicate.caseSensitive,
    flags: predicate.op === 'regex' ? (predicate.flags ?? '') : '',
    negated,
    missingIsUnknown,
  };
}

/** Operators whose values the witness cannot produce: a field reference, a placeholder. */
export const UNMODELLED_OPS: ReadonlySet<Op> = new Set(['fieldref', 'placeholder']);

/**
 * Whether `value` (a field's one value; null when the field is absent) meets the condition read
 * positively: one of its values compares true. Null when that cannot be told (a regex RE2
 * cannot run, a placeholder).
 */
export function meets(condition: FieldCondition, value: Scalar): boolean | null {
  if (condition.op === 'exists') return value !== null;
  if (UNMODELLED_OPS.has(condition.op)) return null;
  if (condition.op === 'ne') {
    if (value === null) return false;
    const equal = anyEqual(condition, value);
    return equal === null ? null : !equal;
  }
  if (condition.op === 'eq' || condition.op === 'in') return anyEqual(condition, value);
  if (value === null) return false;

  let unknown = false;
  for (const written of condition.values) {
    const compared = compares(condition, written, value);
    if (compared === true) return true;
    if (compared === null) unknown = true;
  }
  return unknown ? null : false;
}

function anyEqual(condition: FieldCondition, value: Scalar): boolean {
  return condition.values.some((written) => {
    if (written === null || value === null) return written === value;
    const writtenNumber = numericValue(written);
    const number = numericValue(value);
    if (writtenNumber !== null && number !== null) return writtenNumber === number;
    return sameText(condition, String(written), String(value));
  });
}

function compares(condition: FieldCondition, written: Scalar, value: Scalar): boolean | null {
  if (written === null) return false;
  const text = String(value);
  const pattern = String(written);
  switch (condition.op) {
    case 'contains':
      return folded(condition, text).includes(folded(condition, pattern));
    case 'startswith':
      return folded(condition, text).startsWith(folded(condition, pattern));
    case 'endswith':
      return folded(condition, text).endsWith(folded(condition, pattern));
    case 'wildcard':
      return globOf(condition, pattern).test(text);
    case 'regex': {
      const regex = regexOf(condition, pattern);
      return regex === null ? null : regex.test(text);
    }
    case 'cidr': {
      const range = cidrOf(pattern);
      return range !== null && inRange(range, text);
    }
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
      return inOrder(condition.op, numericValue(value), numericValue(written));
    default:
      return null;
  }
}

function inOrder(op: Op, value: number | null, bound: number | null): boolean {
  if (value === null || bound === null) return false;
  if (op === 'lt') return value < bound;
  if (op === 'le') return value <= bound;
  if (op === 'gt') return value > bound;
  return value >= bound;
}

function sameText(condition: FieldCondition, written: string, value: string): boolean {
  return folded(condition, written) === folded(condition, value);
}

function folded(condition: FieldCondition, text: string): string {
  return condition.caseSensitive ? text : foldCase(text);
}

/** Patterns compiled once per text and case rule: a witness tries several candidates. */
const globs = new Map<string, WildcardPattern>();
const regexes = new Map<string, LinearRegex | null>();
/** Compiled patterns kept, so that a long run does not grow without bound. */
const KEPT_PATTERNS = 4096;

function globOf(condition: FieldCondition, pattern: string): WildcardPattern {
  const key = `${condition.caseSensitive}\u0000${pattern}`;
  let glob = globs.get(key);
  if (!glob) {
    glob = writtenPattern(pattern, { caseInsensitive: !condition.caseSensitive, escapes: true });
    if (globs.size >= KEPT_PATTERNS) globs.clear();
    globs.set(key, glob);
  }
  return glob;
}

function regexOf(condition: FieldCondition, pattern: string): LinearRegex | null {
  const caseInsensitive = condition.flags.includes('i') || !condition.caseSensitive;
  const key = `${caseInsensitive}${condition.flags}\u0000${pattern}`;
  let regex = regexes.get(key);
  if (regex === undefined) {
    const compiled = compileLinearRegex(pattern, {
      caseInsensitive,
      dotAll: condition.flags.includes('s'),
      multiline: condition.flags.includes('m'),
    });
    regex = isLinearRegex(compiled) ? compiled : null;
    if (regexes.size >= KEPT_PATTERNS) regexes.clear();
    regexes.set(key, regex);
  }
  return regex;
}
