// Lowers one detection item — `Field|modifiers: value(s)` or an unfielded keyword — into a
// predicate tree: values OR'ed (AND'ed under `all`), expansions OR'ed, `neq` negating.

import { and, not, or, RAW_FIELD, type Expr, type Span } from '../../ir/index.js';
import { parseFieldKey, type ModifierUse } from '../../languages/sigma/field-key.js';
import { mergeAdjacent, parseStringValue } from '../../languages/sigma/string-value.js';
import type { DetectionEntry, DetectionScalar } from './detection-tree.js';
import { applyModifiers } from './modifier-chain.js';
import type { ModifiedValue, ModifiedValues } from './modified-value.js';
import type { ReportProblem } from './sigma-diagnostics.js';
import { valuePredicate, type ValueSource } from './value-predicate.js';

interface ItemProblem {
  code: string;
  message: string;
  /** Offset into the query text, when known. */
  offset?: number;
}

/** A value with where it was written. */
interface WrittenValue {
  node: DetectionScalar;
  source: ValueSource;
}

/** Makes the item opaque, reporting why. */
type Opaque = (problem: ItemProblem) => Expr;

export function lowerDetectionItem(entry: DetectionEntry, report: ReportProblem): Expr {
  const key = parseFieldKey(entry.key);
  const keyOffset = keyContentOffset(entry);
  const opaque = opaqueItem(textOf(entry.keyText, entry.value.text), spanFrom(entry), report);

  const empty = key.emptyModifiers[0];
  if (empty) {
    const offset = keyOffset === undefined ? undefined : keyOffset + empty.start;
    const message = `empty modifier in '${entry.key}'`;
    return opaque({ code: 'sigma.invalid-field-key', message, offset });
  }

  const field = key.field === '' ? RAW_FIELD : key.field;
  const written = writtenValues(entry, field);
  if ('code' in written) return opaque(written);
  const lowered = lowerValues(field, key.modifiers, written, keyOffset, opaque);
  if (lowered.kind !== 'opaque') warnAboutValues(entry, key.modifiers, keyOffset, report);
  return lowered;
}

/**
 * Forms the specification forbids but whose meaning is plain, so they are lowered as read:
 * `all` over a single value, and `null` among other values.
 */
function warnAboutValues(
  entry: DetectionEntry,
  modifiers: ModifierUse[],
  keyOffset: number | undefined,
  report: ReportProblem,
): void {
  const value = entry.value;
  const all = modifiers.find((modifier) => modifier.name === 'all');
  const single = value.kind === 'scalar' || (value.kind === 'list' && value.items.length === 1);
  if (all && single) {
    const offset = keyOffset === undefined ? undefined : keyOffset + all.span.start;
    const message = `'all' over a single value of '${entry.key}': the specification forbids it`;
    report('warning', 'sigma.all-with-one-value', message, offset);
  }
  if (value.kind !== 'list') return;
  const empty = value.items.find((item) => item.kind === 'scalar' && item.value === null);
  if (!empty) return;
  const message = `null in the list of '${entry.key}': the specification wants its own selection`;
  report('warning', 'sigma.null-in-list', message, empty.span?.start ?? value.span?.start);
}

/** A bare string in a search identifier's list: matched anywhere in the raw event. */
export function lowerKeyword(node: DetectionScalar, report: ReportProblem): Expr {
  const source: ValueSource = { field: RAW_FIELD, text: node.text };
  if (node.span) source.span = node.span;
  const opaque = opaqueItem(node.text, node.span, report);
  return lowerValues(RAW_FIELD, [], [{ node, source }], undefined, opaque);
}

function lowerValues(
  field: string,
  modifiers: ModifierUse[],
  written: WrittenValue[],
  keyOffset: number | undefined,
  opaque: Opaque,
): Expr {
  const placeholders = modifiers.some((modifier) => modifier.name === 'expand');
  const values = written.map(({ node }) => modifiedValueOf(node.value, placeholders));
  const chain = applyModifiers(modifiers, values);
  if (!chain.ok) {
    const { code, message, span } = chain.problem;
    const offset = keyOffset !== undefined && span ? keyOffset + span.start : undefined;
    return opaque({ code, message, offset });
  }

  const modified = field === RAW_FIELD ? asKeywords(chain.modified) : chain.modified;
  const timePart = modified.timePart;
  if (timePart) {
    const numbers = modified.values.every((values) => values.every((v) => v.kind === 'number'));
    if (field === RAW_FIELD || !numbers) {
      const message = `'${timePart}' compares a field's date with numbers`;
      return opaque({ code: 'sigma.invalid-value', message });
    }
  }

  const perValue: Expr[] = [];
  for (const [index, alternatives] of modified.values.entries()) {
    const exprs: Expr[] = [];
    const asWritten = written[index].source;
    const source = timePart ? { ...asWritten, field: `${timePart}(${field})` } : asWritten;
    for (const alternative of alternatives) {
      const outcome = valuePredicate(alternative, modified, source);
      if (!outcome.ok) return opaque({ code: outcome.code, message: outcome.message });
      exprs.push(outcome.expr);
    }
    perValue.push(or(exprs));
  }

  const linked = modified.linkAll ? and(perValue) : or(perValue);
  return modified.negated ? not(linked) : linked;
}

function opaqueItem(text: string, span: Span | undefined, report: ReportProblem): Opaque {
  return (problem) => {
    report('error', problem.code, problem.message, problem.offset ?? span?.start);
    const expr: Expr = { kind: 'opaque', text, reason: problem.message };
    return span ? { ...expr, span } : expr;
  };
}

function modifiedValueOf(value: DetectionScalar['value'], placeholders: boolean): ModifiedValue {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  const parts = parseStringValue(value, { placeholders });
  return { kind: 'string', parts, written: value, bytes: false };
}

/**
 * Keywords match anywhere in the event unless a modifier anchors them, so plain keyword values
 * get wildcards on both sides (numbers as their text).
 */
function asKeywords(modified: ModifiedValues): ModifiedValues {
  if (modified.comparison !== 'match' || modified.anchored) return modified;
  const values = modified.values.map((alternatives) => alternatives.map(anywhere));
  return { ...modified, values };
}

function anywhere(value: ModifiedValue): ModifiedValue {
  if (value.kind !== 'string' && value.kind !== 'number') return value;
  const text = value.kind === 'number' ? String(value.value) : value.written;
  const parts = value.kind === 'number' ? [{ kind: 'text' as const, text }] : value.parts;
  const bytes = value.kind === 'string' && value.bytes;
  const wrapped = mergeAdjacent([{ kind: 'any' }, ...parts, { kind: 'any' }]);
  return { kind: 'string', parts: wrapped, written: text, bytes };
}

function writtenValues(entry: DetectionEntry, field: string): WrittenValue[] | ItemProblem {
  const value = entry.value;
  const problem = (message: string, offset?: number): ItemProblem => {
    return { code: 'sigma.invalid-value', message, offset };
  };

  const offset = value.span?.start;
  if (value.kind === 'map') return problem(`the value of '${entry.key}' is a map`, offset);
  if (value.kind === 'scalar') {
    return [{ node: value, source: sourceOf(field, entry.keyText, value, spanFrom(entry)) }];
  }
  if (value.items.length === 0) return problem(`'${entry.key}' has an empty list`, offset);

  const written: WrittenValue[] = [];
  for (const item of value.items) {
    if (item.kind !== 'scalar') {
      const message = `a value of '${entry.key}' is a ${item.kind}, not a string or number`;
      return problem(message, item.span?.start);
    }
    written.push({ node: item, source: sourceOf(field, entry.keyText, item, item.span) });
  }
  return written;
}

function sourceOf(field: string, keyText: string, node: DetectionScalar, span?: Span): ValueSource {
  const text = textOf(keyText, node.text);
  return span ? { field, text, span } : { field, text };
}

/** `Key: value` as written; a key with nothing after it (YAML null) is `Key:`. */
function textOf(keyText: string, valueText: string): string {
  return valueText === '' ? `${keyText}:` : `${keyText}: ${valueText}`;
}

/** From the start of the key to the end of its value. */
function spanFrom(entry: DetectionEntry): Span | undefined {
  const start = entry.keySpan;
  const end = entry.value.span;
  if (!start || !end) return undefined;
  return { start: start.start, end: Math.max(start.end, end.end) };
}

/** Offset of the key's first character inside its quotes, when the key has a position. */
function keyContentOffset(entry: DetectionEntry): number | undefined {
  if (!entry.keySpan) return undefined;
  const quoted = entry.keyText.startsWith("'") || entry.keyText.startsWith('"');
  return entry.keySpan.start + (quoted ? 1 : 0);
}
