// Words for predicates, shared by the rule page and the terminal: `field op value`, the case
// rule, and how scalar values are written.

import type { Op, Predicate, Scalar } from '../ir/index.js';

/** A value as a reader should see it: strings quoted, everything else bare. */
export function scalarText(value: Scalar): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** What the operator is applied to, written after the op: one value, a list, or nothing. */
export function operandText(op: Op, values: Scalar[]): string {
  if (op === 'exists') return '';
  if (op === 'fieldref') return values.map(String).join(', ');
  if (op === 'in' || values.length > 1) return `[${values.map(scalarText).join(', ')}]`;
  return values.length === 1 ? scalarText(values[0]) : '';
}

export function caseText(caseSensitive: boolean): string {
  return caseSensitive ? 'case-sensitive' : 'any case';
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
  return `${parts.join(' ')}${flags} (${caseText(predicate.caseSensitive)})`;
}
