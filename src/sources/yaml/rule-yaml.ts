// A YAML document whose contents are a mapping, as the rule readers use it: its value and where
// each top-level key and value stand. The block YAML reader gives it directly; documents it
// leaves to the yaml library are turned into the same shape here.

import { isMap, isNode, isScalar, isSeq, Scalar, type Document, type Pair } from 'yaml';

/** How a top-level value is written: the rule readers treat block scalars and non-text apart. */
export type ValueForm = 'scalar' | 'block-scalar' | 'list' | 'mapping' | 'empty' | 'other';

export interface RuleYamlEntry {
  /** The key's text; null for a key that is not a string (a number, a list…). */
  key: string | null;
  /** Offset of the key in the text; null for a key the library left without a node. */
  keyStart: number | null;
  /**
   * Offset where the value starts: a scalar's first character (its quote, or `|` for a block
   * scalar), a list's first `-`, a mapping's first key; null when there is no value.
   */
  valueStart: number | null;
  form: ValueForm;
}

export interface RuleYaml {
  /** The document's value, as the library's `toJS` gives it. */
  fields: Record<string, unknown>;
  /** Offset where the mapping starts (its first key). */
  start: number;
  /** Offset up to which the mapping may reach (trailing comments and blank lines included). */
  end: number;
  entries: RuleYamlEntry[];
}

/** The shape of a document the library parsed; `fields` is its `toJS` value, a mapping. */
export function ruleYamlOfDocument(
  doc: Document.Parsed,
  fields: Record<string, unknown>,
): RuleYaml {
  const contents = doc.contents;
  const range = contents?.range ?? [0, 0, 0];
  const pairs: Pair[] = isMap(contents) ? contents.items : [];
  return { fields, start: range[0], end: range[2], entries: pairs.map(entryOf) };
}

function entryOf(pair: Pair): RuleYamlEntry {
  const key = isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : null;
  const keyStart = isNode(pair.key) ? pair.key.range?.[0] ?? null : null;
  const value = pair.value;
  const valueStart = isNode(value) ? value.range?.[0] ?? null : null;
  return { key, keyStart, valueStart, form: formOf(value) };
}

function formOf(value: unknown): ValueForm {
  if (value === null || value === undefined) return 'empty';
  if (isSeq(value)) return 'list';
  if (isMap(value)) return 'mapping';
  if (!isScalar(value)) return 'other';
  if (value.value === null) return 'empty';
  const block = value.type === Scalar.BLOCK_FOLDED || value.type === Scalar.BLOCK_LITERAL;
  return block ? 'block-scalar' : 'scalar';
}

/** 1-based line of an offset: the line feeds before it, plus one. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
  }
  return line;
}
