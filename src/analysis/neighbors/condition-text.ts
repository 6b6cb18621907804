// A condition as neighbor mappings show it: the predicates as the rule writes them, and the
// literal on its canonical field.

import type { ConditionText, Scalar } from '../../ir/index.js';
import type { Literal } from '../implication/literal.js';

/** Values named before the rest are only counted. */
const VALUES_SHOWN = 4;
/** Predicates named in the written form before the rest are only counted. */
const PREDICATES_SHOWN = 3;
/** Characters of one value or predicate text shown; a longer one is cut with `…`. */
const TEXT_SHOWN = 120;

/** Each literal's texts, made once: a literal is named in the mappings of many neighbors. */
const texts = new WeakMap<Literal, ConditionText>();

export function conditionText(literal: Literal): ConditionText {
  let text = texts.get(literal);
  if (!text) {
    text = { written: writtenText(literal), canonical: canonicalText(literal) };
    texts.set(literal, text);
  }
  return text;
}

/**
 * The predicates as written: any of them for a positive literal merged from several, none of
 * them for a negated one.
 */
function writtenText(literal: Literal): string {
  const texts = [...new Set(literal.predicates.map((predicate) => shortened(predicate.text)))];
  const hidden = texts.length - PREDICATES_SHOWN;
  const shown = texts.slice(0, PREDICATES_SHOWN).join(' OR ');
  const all = hidden > 0 ? `${shown} OR ${hidden} more` : shown;
  if (!literal.negated) return texts.length > 1 ? `(${all})` : all;
  return `NOT ${texts.length > 1 ? `(${all})` : all}`;
}

/** `process.name eq any of ["a.exe", "b.exe"] (any case)`. */
export function canonicalText(literal: Literal): string {
  const { field, op, values, caseSensitive, negated } = literal;
  const shown = values.slice(0, VALUES_SHOWN).map(valueText);
  const hidden = values.length - shown.length;
  const list = hidden > 0 ? `${shown.join(', ')} and ${hidden} more` : shown.join(', ');
  const operand = op === 'exists' ? '' : values.length === 1 ? ` ${list}` : ` any of [${list}]`;
  const letterCase = op === 'exists' ? '' : caseSensitive ? ' (case-sensitive)' : ' (any case)';
  const text = `${field} ${op}${operand}${letterCase}`;
  return negated ? `NOT (${text})` : text;
}

function valueText(value: Scalar): string {
  return typeof value === 'string' ? `"${shortened(value)}"` : String(value);
}

function shortened(text: string): string {
  return text.length > TEXT_SHOWN ? `${text.slice(0, TEXT_SHOWN)}…` : text;
}
