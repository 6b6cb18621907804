// The logic block of a Sigma rule (`detection:`, `correlation:` or `filter:`) as a tree whose
// nodes keep their source text and span in the rule's query text, so predicates can show both.

import { isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from 'yaml';
import type { Span } from '../../ir/index.js';
import { readBlockYaml, type YamlNode } from '../../sources/yaml/block-yaml.js';
import { OutsideSubset } from '../../sources/yaml/yaml-scalars.js';

export type ScalarValue = string | number | boolean | null;

export type DetectionNode =
  | { kind: 'map'; entries: DetectionEntry[]; text: string; span?: Span }
  | { kind: 'list'; items: DetectionNode[]; text: string; span?: Span }
  | DetectionScalar;

export interface DetectionScalar {
  kind: 'scalar';
  value: ScalarValue;
  /** Source text, quotes included (`'\x.exe'`). */
  text: string;
  span?: Span;
  /** A plain (unquoted) YAML scalar: its source text is its value, line breaks aside. */
  plain: boolean;
}

export interface DetectionEntry {
  key: string;
  keyText: string;
  keySpan?: Span;
  value: DetectionNode;
}

// LIMITATION: a detection using anchors defined outside it, or flow style over several keys, is
// lowered from its parsed value — its predicates have no spans and show values re-quoted.
/**
 * Parses the query text (which starts with the block's key) to get source positions. When that
 * does not reproduce the value the rule file gave (anchors defined elsewhere, flow style), the
 * tree is built from the parsed value instead, without spans.
 */
export function detectionTreeOf(query: string, key: string, value: unknown): DetectionNode {
  const fromSource = treeFromSource(query, key);
  if (fromSource && sameValue(fromSource.value, value)) return fromSource.tree;
  return treeFromValue(value);
}

/** The same tree with the query parsed by the yaml library alone (what the reader must equal). */
export function detectionTreeFromLibrary(
  query: string,
  key: string,
  value: unknown,
): DetectionNode {
  const fromSource = treeFromLibrary(query, key);
  if (fromSource && sameValue(fromSource.value, value)) return fromSource.tree;
  return treeFromValue(value);
}

interface SourceTree {
  tree: DetectionNode;
  /** The block's value as parsed from the query text alone. */
  value: unknown;
}

/**
 * Most blocks are read by the block YAML reader with the spans the library would give; the
 * others (comment lines, empty values…) are parsed by the library itself.
 */
function treeFromSource(query: string, key: string): SourceTree | null {
  const block = readBlockYaml(query, { tree: true });
  if (!(block instanceof OutsideSubset)) {
    const entry = block.tree.entries.find((candidate) => candidate.key === key);
    if (!entry) return null;
    return { tree: blockNodeOf(entry.value, query), value: block.fields[key] };
  }
  return treeFromLibrary(query, key);
}

function treeFromLibrary(query: string, key: string): SourceTree | null {
  try {
    const document = parseDocument(query, { logLevel: 'error' });
    if (document.errors.length > 0 || !isMap(document.contents)) return null;
    const block = document.contents.get(key, true);
    if (!isNodeTree(block)) return null;
    const parsed = (document.toJS() as Record<string, unknown> | null)?.[key];
    return { tree: nodeOf(block, query), value: parsed };
  } catch {
    return null;
  }
}

/** Only maps, sequences and scalars with string keys; aliases and complex keys fall back. */
function isNodeTree(node: unknown): node is Node {
  if (isScalar(node)) return true;
  if (isSeq(node)) return node.items.every(isNodeTree);
  if (!isMap(node)) return false;
  return node.items.every((pair) => isScalar(pair.key) && isNodeTree(pair.value ?? null));
}

function nodeOf(node: Node, query: string): DetectionNode {
  const span = node.range ? { start: node.range[0], end: node.range[1] } : undefined;
  const text = span ? query.slice(span.start, span.end) : '';

  if (isMap(node)) {
    const entries = node.items.map((pair): DetectionEntry => {
      const key = pair.key as Scalar;
      const keySpan = key.range ? { start: key.range[0], end: key.range[1] } : undefined;
      const keyText = keySpan ? query.slice(keySpan.start, keySpan.end) : String(key.value);
      const value = pair.value ? nodeOf(pair.value as Node, query) : nullScalar(keySpan);
      return { key: String(key.value), keyText, keySpan, value };
    });
    return { kind: 'map', entries, text, span };
  }
  if (isSeq(node)) {
    const items = node.items.map((item) => nodeOf(item as Node, query));
    return { kind: 'list', items, text, span };
  }

  const scalar = node as Scalar;
  return {
    kind: 'scalar',
    value: scalarValueOf(scalar.value),
    text,
    span,
    plain: scalar.type === Scalar.PLAIN,
  };
}

function blockNodeOf(node: YamlNode, query: string): DetectionNode {
  const span = { start: node.start, end: node.end };
  const text = query.slice(node.start, node.end);
  if (node.kind === 'mapping') {
    const entries = node.entries.map((entry): DetectionEntry => {
      const keySpan = { start: entry.keyStart, end: entry.keyEnd };
      const keyText = query.slice(entry.keyStart, entry.keyEnd);
      return { key: entry.key, keyText, keySpan, value: blockNodeOf(entry.value, query) };
    });
    return { kind: 'map', entries, text, span };
  }
  if (node.kind === 'list') {
    return { kind: 'list', items: node.items.map((item) => blockNodeOf(item, query)), text, span };
  }
  return { kind: 'scalar', value: scalarValueOf(node.value), text, span, plain: node.plain };
}

/** `Field:` with nothing after it is YAML null; it has no source text of its own. */
function nullScalar(after: Span | undefined): DetectionScalar {
  const span = after ? { start: after.end, end: after.end } : undefined;
  return { kind: 'scalar', value: null, text: '', span, plain: true };
}

function treeFromValue(value: unknown): DetectionNode {
  if (Array.isArray(value)) {
    return { kind: 'list', items: value.map(treeFromValue), text: writtenValue(value) };
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value).map(([key, item]) => {
      return { key, keyText: key, value: treeFromValue(item) };
    });
    return { kind: 'map', entries, text: writtenValue(value) };
  }
  const scalar = scalarValueOf(value);
  return { kind: 'scalar', value: scalar, text: writtenValue(scalar), plain: false };
}

function scalarValueOf(value: unknown): ScalarValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** How a value without source text is shown: strings in single quotes, as rules write them. */
export function writtenValue(value: unknown): string {
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function sameValue(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}
