// Words for predicates, shared by the rule page and the terminal: `field op value`, the case
// rule, and how scalar values are written.

import type { CanonicalComparison, Op, Predicate, Scalar } from '../ir/index.js';
import { valueKey } from '../semantics/value-key.js';

/**
 * A value as a reader should see it: strings in double quotes exactly as matched (a backslash
 * is one backslash, so a path can be copied), everything else bare. Only control characters,
 * which cannot be seen, are written as escapes.
 */
export function scalarText(value: Scalar): string {
  if (typeof value !== 'string') return String(value);
  return `"${[...value].map(visibleCharacter).join('')}"`;
}

function visibleCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code !== 0x7f) return char;
  if (char === '\n') return '\\n';
  if (char === '\t') return '\\t';
  if (char === '\r') return '\\r';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** What the operator is applied to, written after the op: one value, a list, or nothing. */
export function operandText(op: Op, values: Scalar[]): string {
  if (op === 'exists') return '';
  if (op === 'fieldref') return values.map(String).join(', ');
  if (op === 'in' || values.length > 1) return `[${values.map(scalarText).join(', ')}]`;
  return values.length === 1 ? scalarText(values[0]) : '';
}

/**
 * The case rule of a comparison, or '' where case cannot matter: presence tests, address ranges
 * (`fe80::/10` is the same range in any case) and values without letters (`EventCode eq 4104`).
 */
export function caseText(caseSensitive: boolean, op: Op, values: Scalar[]): string {
  if (op === 'exists' || op === 'cidr' || !values.some(hasLetters)) return '';
  return caseSensitive ? 'case-sensitive' : 'any case';
}

function hasLetters(value: Scalar): boolean {
  return typeof value === 'string' && value.toLowerCase() !== value.toUpperCase();
}

/** The field as written, followed by its canonical name when that differs. */
export function fieldText(predicate: Pick<Predicate, 'field' | 'canonicalField'>): string {
  const canonical = predicate.canonicalField;
  if (canonical === undefined || canonical === predicate.field) return predicate.field;
  return `${predicate.field} (${canonical})`;
}

/** One line for a predicate: `field op value`, regex flags, and the case rule. */
export function predicateText(predicate: Predicate): string {
  const operand = operandText(predicate.op, predicate.values);
  const flags = predicate.op === 'regex' && predicate.flags ? ` /${predicate.flags}` : '';
  const parts = [fieldText(predicate), predicate.op, operand].filter((p) => p !== '');
  const rule = caseText(predicate.caseSensitive, predicate.op, predicate.values);
  return `${parts.join(' ')}${flags}${rule === '' ? '' : ` (${rule})`}`;
}

/**
 * The comparison in the vocabulary all sources share (`as process.name eq "x.exe"` for
 * `Image endswith "\\x.exe"`), or '' where it reads as written: a value only spelled otherwise
 * (4104 as "4104") is not repeated. The rule page and the terminal both say it this way.
 */
export function canonicalText(predicate: Predicate): string {
  const c = predicate.canonical;
  if (!c || !readsOtherwise(predicate, c)) return '';
  const operand = operandText(c.op, c.values);
  return `as ${c.field} ${c.op}${operand === '' ? '' : ` ${operand}`}`;
}

function readsOtherwise(p: Predicate, c: CanonicalComparison): boolean {
  if (c.field !== (p.canonicalField ?? p.field) || c.op !== p.op) return true;
  if (c.values.length !== p.values.length) return true;
  return c.values.some((value, i) => {
    const key = (v: Scalar) => valueKey(v, c.op, c.caseSensitive);
    return key(value) !== key(p.values[i]);
  });
}

/**
 * The rule text a condition was derived from (`source=XmlWinEventLog:Security` for
 * `winlog.channel eq "Security"`), or null for a condition the rule writes itself.
 */
export function derivedFrom(predicate: Predicate): string | null {
  return predicate.derivedFrom ?? null;
}
