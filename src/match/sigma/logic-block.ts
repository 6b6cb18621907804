// Reads a stored Sigma query — the rule's logic block (`detection:`, `correlation:` or
// `filter:`) as it stands in the file — back into plain maps, lists and scalars that keep their
// source text, so the matcher can say which part of the rule failed in the rule's own words.

import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

export type LogicScalarValue = string | number | boolean | null;

export type LogicNode =
  | { kind: 'map'; entries: LogicEntry[] }
  | { kind: 'list'; items: LogicNode[] }
  | LogicScalar;

export interface LogicScalar {
  kind: 'scalar';
  value: LogicScalarValue;
  /** As written, quotes included; empty for a key written with nothing after it. */
  text: string;
}

export interface LogicEntry {
  key: string;
  /** The key as written, quotes included. */
  keyText: string;
  value: LogicNode;
}

/**
 * Nodes read per rule, aliases counted each time they are used: an alias repeated inside
 * repeated aliases would otherwise multiply without end.
 */
const MAXIMUM_NODES = 200_000;

class LogicBlockError extends Error {}

/** The value under the block's key, or why the text cannot be read. */
export function readLogicBlock(query: string): { block: LogicNode } | { problem: string } {
  const document = parseDocument(query, { logLevel: 'error', uniqueKeys: false });
  const error = document.errors[0];
  if (error) return { problem: `the rule text is not valid YAML: ${error.message.split('\n')[0]}` };
  const contents = document.contents;
  if (!isMap(contents) || contents.items.length !== 1 || !isScalar(contents.items[0].key)) {
    return { problem: 'the rule text is not one logic block' };
  }

  const reader = new LogicReader(query, document);
  try {
    return { block: reader.node(contents.items[0].value as Node | null) };
  } catch (error) {
    if (error instanceof LogicBlockError) return { problem: error.message };
    throw error;
  }
}

class LogicReader {
  private nodes = 0;

  constructor(
    private readonly query: string,
    private readonly document: Document,
  ) {}

  node(node: Node | null): LogicNode {
    this.nodes += 1;
    if (this.nodes > MAXIMUM_NODES) {
      throw new LogicBlockError(`the logic block has more than ${MAXIMUM_NODES} values`);
    }
    if (node === null) return { kind: 'scalar', value: null, text: '' };
    if (isAlias(node)) return this.node(this.resolved(node.source, node.resolve(this.document)));
    if (isMap(node)) {
      const entries = node.items.map((pair): LogicEntry => {
        if (!isScalar(pair.key)) throw new LogicBlockError('a key is not a plain value');
        const keyText = this.sourceOf(pair.key, String(pair.key.value));
        return { key: String(pair.key.value), keyText, value: this.node(pair.value as Node) };
      });
      return { kind: 'map', entries };
    }
    if (isSeq(node)) {
      return { kind: 'list', items: node.items.map((item) => this.node(item as Node)) };
    }
    if (!isScalar(node)) throw new LogicBlockError('a value is neither a map, a list nor a scalar');

    const value = scalarValue(node.value, node.source);
    return { kind: 'scalar', value, text: this.sourceOf(node, writtenText(value)) };
  }

  private resolved(anchor: string, node: Node | undefined): Node {
    if (node) return node;
    throw new LogicBlockError(`the alias *${anchor} refers to an anchor outside the logic block`);
  }

  private sourceOf(node: Node, fallback: string): string {
    const range = node.range;
    if (!range || range[1] <= range[0]) return fallback;
    return this.query.slice(range[0], range[1]);
  }
}

/**
 * YAML scalars as Sigma reads them. A number JavaScript cannot hold as written (`1e400`, an
 * integer past 2^53) keeps its written text, as the Sigma reader does, so it matches what the
 * rule says rather than a rounded value.
 */
function scalarValue(value: unknown, source: string | undefined): LogicScalarValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    const whole = Number.isInteger(value);
    const exact = Number.isFinite(value) && (!whole || Number.isSafeInteger(value));
    return exact || source === undefined ? value : source;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return String(value);
  return String(value);
}

function writtenText(value: LogicScalarValue): string {
  return typeof value === 'string' ? `'${value.replaceAll("'", "''")}'` : String(value);
}
