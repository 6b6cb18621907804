// Reads the block-style YAML rule files are written in — nested mappings and lists of plain,
// quoted and literal scalars — without building the yaml library's syntax tree, which took most
// of a build's reading time. Whatever lies outside that subset (anchors, tags, flow collections,
// folded scalars, tabs, several documents, anything the library would report as an error) gives
// null, and the caller reads the file with the library, so every file reads the same either way.

import type { RuleYaml, RuleYamlEntry, ValueForm } from './rule-yaml.js';
import {
  doubleQuotedValue,
  foldLines,
  isStringScalar,
  OutsideSubset,
  plainValue,
  singleQuotedValue,
} from './yaml-scalars.js';

export interface BlockYamlOptions {
  /** Numbers JavaScript cannot hold as written stay text (as Sigma's reader keeps them). */
  numbersAsWritten?: boolean;
  /**
   * Also give the source tree of the mapping, with the spans the library gives its nodes. Then
   * empty values, and comment lines after the last item of a collection, whose spans the
   * library draws in ways not followed here, are left to the library too.
   */
  tree?: boolean;
}

/** A node of the source tree: `start` and `end` delimit its text as the library's range does. */
export type YamlNode =
  | { kind: 'mapping'; entries: YamlEntryNode[]; start: number; end: number }
  | { kind: 'list'; items: YamlNode[]; start: number; end: number }
  | { kind: 'scalar'; value: unknown; plain: boolean; start: number; end: number };

export interface YamlEntryNode {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: YamlNode;
}

/** A mapping read with its source tree. */
export interface RuleYamlTree extends RuleYaml {
  tree: YamlNode & { kind: 'mapping' };
}

/** Characters that cannot start a plain scalar, or start one the reader does not take on. */
const NOT_PLAIN_START = new Set('-?:,[]{}#&*!|>\'"%@`');

/** The library limits implicit keys to 1024 characters; longer ones are its to report. */
const LONGEST_KEY = 1000;

/** Collections nested deeper than this are left to the library (no rule file comes close). */
const DEEPEST_NESTING = 100;

/**
 * A document that is one block mapping in the subset, or what took it outside the subset
 * (then read it with the library).
 */
export function readBlockYaml(
  text: string,
  options: BlockYamlOptions & { tree: true },
): RuleYamlTree | OutsideSubset;
export function readBlockYaml(text: string, options?: BlockYamlOptions): RuleYaml | OutsideSubset;
export function readBlockYaml(
  text: string,
  options: BlockYamlOptions = {},
): RuleYaml | OutsideSubset {
  const layout = layoutProblem(text);
  if (layout !== null) return new OutsideSubset(layout);
  try {
    const { numbersAsWritten = false, tree = false } = options;
    return new BlockYamlReader(text, numbersAsWritten, tree).document();
  } catch (error) {
    if (error instanceof OutsideSubset) return error;
    throw error;
  }
}

/** Tabs, carriage returns, a byte order mark, directives and document markers are left out. */
function layoutProblem(text: string): string | null {
  if (text.includes('\t')) return 'a tab';
  if (text.includes('\r')) return 'a carriage return';
  if (text.charCodeAt(0) === 0xfeff) return 'a byte order mark';
  for (const marker of ['---', '...', '%']) {
    if (text.startsWith(marker) || text.includes(`\n${marker}`)) return `a line starting ${marker}`;
  }
  return null;
}

interface Node {
  value: unknown;
  form: ValueForm;
  /** Start of the line after the node's last line (or the text's length). */
  next: number;
  /**
   * Where the library ends the node with what follows it on its lines: a scalar's line break,
   * for a collection its last item's.
   */
  tail: number;
  syntax?: YamlNode;
}

interface Key {
  key: string;
  /** Offset just after the key's text (its closing quote when quoted). */
  end: number;
  /** Offset just after the `:` that ends the key. */
  colon: number;
}

class BlockYamlReader {
  private readonly end: number;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly numbersAsWritten: boolean,
    private readonly tree: boolean,
  ) {
    this.end = text.length;
  }

  document(): RuleYaml | RuleYamlTree {
    const first = this.contentLine(0);
    if (first === this.end || this.text[first] === ' ') outside('the document is not a mapping');
    if (this.isItem(first)) outside('the document is a list');
    const entries: RuleYamlEntry[] = [];
    const mapping = this.mapping(0, first, entries);
    if (mapping.next !== this.end) outside('text after the mapping');
    const read = {
      fields: mapping.value as Record<string, unknown>,
      start: first,
      end: this.end,
      entries,
    };
    const tree = mapping.syntax;
    return tree?.kind === 'mapping' ? { ...read, tree } : read;
  }

  /**
   * A block mapping whose keys stand at column `indent`, the first at offset `at` (after a
   * list's `- ` when the mapping is a list item). Top-level entries are recorded in `entries`.
   */
  private mapping(indent: number, at: number, entries?: RuleYamlEntry[]): Node {
    this.enter();
    const fields: Record<string, unknown> = {};
    const syntax: YamlEntryNode[] = [];
    let keyAt = at;
    while (true) {
      const { key, colon, end } = this.key(keyAt);
      if (Object.hasOwn(fields, key)) outside(`the key ${key} appears twice`);
      const value = this.mappingValue(colon, indent);
      fields[key] = value.node.value;
      entries?.push({
        key,
        keyStart: keyAt,
        valueStart: value.start,
        form: value.node.form,
      });
      if (this.tree) syntax.push({ key, keyStart: keyAt, keyEnd: end, value: value.node.syntax! });

      const line = this.contentLine(value.node.next);
      const column = this.indentOf(line);
      if (line === this.end || column < indent) {
        this.depth--;
        const tail = value.node.tail;
        this.checkTrailingComments(tail, line);
        const node = { value: fields, form: 'mapping' as const, next: line, tail };
        if (!this.tree) return node;
        return { ...node, syntax: { kind: 'mapping', entries: syntax, start: at, end: tail } };
      }
      if (column > indent) outside('a line indented deeper than its mapping');
      keyAt = line + column;
      if (this.isItem(keyAt)) outside('a list item where a key was expected');
    }
  }

  /**
   * The value after a key's `:`: on the same line, or on the lines below — a nested block, or
   * a scalar indented deeper than the key.
   */
  private mappingValue(colon: number, indent: number): { node: Node; start: number | null } {
    const start = this.skipSpaces(colon);
    if (start < this.end && this.text[start] !== '\n' && this.text[start] !== '#') {
      return { node: this.inlineValue(start, indent + 1), start };
    }

    const afterLine = this.nextLine(start);
    const line = this.contentLine(afterLine);
    const column = this.indentOf(line);
    const first = line + column;
    const empty = {
      node: { value: null, form: 'empty' as const, next: line, tail: line },
      start: null,
    };
    if (this.tree && (line === this.end || column <= indent) && !this.isItem(first)) {
      outside('an empty value');
    }
    if (line === this.end || column < indent) return empty;
    if (column === indent) {
      return this.isItem(first) ? { node: this.list(indent, line), start: first } : empty;
    }
    if (this.isItem(first)) return { node: this.list(column, line), start: first };
    if (this.isKeyAt(first)) return { node: this.mapping(column, first), start: first };
    return { node: this.inlineValue(first, indent + 1), start: first };
  }

  /** A block list whose `-` stand at column `indent`, the first on the line at `line`. */
  private list(indent: number, line: number): Node {
    this.enter();
    const items: unknown[] = [];
    const syntax: YamlNode[] = [];
    let itemLine = line;
    while (true) {
      const dash = itemLine + indent;
      const at = this.skipSpaces(dash + 1);
      if (at === this.end || this.text[at] === '\n' || this.text[at] === '#') {
        outside('a list item on the lines below its dash');
      }
      if (this.isItem(at)) outside('a list directly inside a list item');
      const node = this.isKeyAt(at)
        ? this.mapping(at - itemLine, at)
        : this.inlineValue(at, indent + 1);
      items.push(node.value);
      if (this.tree) syntax.push(node.syntax!);

      const next = this.contentLine(node.next);
      const column = this.indentOf(next);
      if (column > indent && next !== this.end) outside('a line indented deeper than its list');
      if (next === this.end || column < indent || !this.isItem(next + column)) {
        this.depth--;
        this.checkTrailingComments(node.tail, next);
        const list = { value: items, form: 'list' as const, next, tail: node.tail };
        if (!this.tree) return list;
        const start = line + indent;
        return { ...list, syntax: { kind: 'list', items: syntax, start, end: node.tail } };
      }
      itemLine = next;
    }
  }

  private enter(): void {
    if (++this.depth > DEEPEST_NESTING) outside('collections nested too deep');
  }

  /** A scalar (or an empty flow collection) starting at `at`; its next lines need `minIndent`. */
  private inlineValue(at: number, minIndent: number): Node {
    const ch = this.text[at];
    if (ch === "'") return this.singleQuoted(at, minIndent);
    if (ch === '"') return this.doubleQuoted(at, minIndent);
    if (ch === '|') return this.literal(at, minIndent);
    if (ch === '[' || ch === '{') return this.emptyCollection(at, minIndent);
    if (NOT_PLAIN_START.has(ch) && ch !== '-') outside(`a value starting with ${ch}`);
    if (ch === '-' && this.isSeparator(at + 1)) outside('a list item as a mapping value');
    return this.plain(at, minIndent);
  }

  /** `[]` or `{}`: the only flow collections rule files use. */
  private emptyCollection(at: number, minIndent: number): Node {
    const closing = this.text[at] === '[' ? ']' : '}';
    if (this.text[at + 1] !== closing) outside('a flow collection');
    const next = this.lineRest(at + 2);
    if (this.tree && this.commentTail(next, minIndent - 1) !== next) {
      outside('a comment line after a flow collection');
    }
    if (closing === ']') {
      const syntax = { kind: 'list' as const, items: [], start: at, end: at + 2 };
      return { value: [], form: 'list', next, tail: next, syntax };
    }
    const syntax = { kind: 'mapping' as const, entries: [], start: at, end: at + 2 };
    return { value: {}, form: 'mapping', next, tail: next, syntax };
  }

  /**
   * A plain scalar, folded over the more-indented lines that follow it. A line that ends it
   * otherwise (a comment, a key, an indicator) is left to the library.
   */
  private plain(at: number, minIndent: number): Node {
    let line = this.plainLine(at);
    let contentEnd = line.end;
    let next = this.nextLine(line.end);
    while (!line.comment && next < this.end) {
      const column = this.indentOf(next);
      const first = next + column;
      if (this.isLineEnd(first)) {
        next = this.nextLine(first);
        continue;
      }
      if (column < minIndent || this.text[first] === '#') break;
      line = this.plainLine(first);
      contentEnd = line.end;
      next = this.nextLine(line.end);
    }
    const source = this.text.slice(at, contentEnd);
    const multiLine = source.includes('\n');
    const value = multiLine ? foldLines(source) : plainValue(source, this.numbersAsWritten);
    const form = value === null ? 'empty' : 'scalar';
    const text = { start: at, end: contentEnd, plain: true };
    return this.scalar(value, form, text, this.nextLine(contentEnd), minIndent - 1);
  }

  /** One line of a plain scalar: where its text ends, and whether a comment follows it. */
  private plainLine(at: number): { end: number; comment: boolean } {
    const line = this.lineFrom(at);
    const comment = line.indexOf(' #');
    const stop = comment === -1 ? line.length : comment;
    if (keyColonIn(line, stop) !== -1) outside('a key inside a plain value');
    return { end: at + trimmedLength(line, stop), comment: comment !== -1 };
  }

  private singleQuoted(at: number, minIndent: number): Node {
    const close = this.singleQuoteEnd(at);
    this.checkContinuations(at, close, minIndent);
    const value = singleQuotedValue(this.text.slice(at + 1, close));
    const text = { start: at, end: close + 1, plain: false };
    return this.scalar(value, 'scalar', text, this.lineRest(close + 1), minIndent - 1);
  }

  private doubleQuoted(at: number, minIndent: number): Node {
    const close = this.doubleQuoteEnd(at);
    const value = doubleQuotedValue(this.text.slice(at + 1, close));
    const text = { start: at, end: close + 1, plain: false };
    return this.scalar(value, 'scalar', text, this.lineRest(close + 1), minIndent - 1);
  }

  /** Offset of the quote closing a one-line double-quoted scalar. */
  private doubleQuoteEnd(at: number): number {
    for (let i = at + 1; i < this.end; i++) {
      const ch = this.text[i];
      if (ch === '"') return i;
      if (ch === '\n') break;
      if (ch === '\\') i++;
    }
    return outside('a double-quoted scalar over several lines');
  }

  /** Every line a quoted scalar continues on is blank or indented at least `minIndent`. */
  private checkContinuations(from: number, to: number, minIndent: number): void {
    for (let feed = this.text.indexOf('\n', from); feed !== -1 && feed < to; ) {
      const line = feed + 1;
      const column = this.indentOf(line);
      if (column < minIndent && !this.isLineEnd(line + column)) {
        outside('a quoted line not indented');
      }
      feed = this.text.indexOf('\n', line);
    }
  }

  /**
   * A literal block scalar (`|` or `|-`): the lines below indented as deep as the first one,
   * that indentation removed; `|` keeps one final line feed, `|-` none.
   */
  private literal(at: number, minIndent: number): Node {
    let header = at + 1;
    const strip = this.text[header] === '-';
    if (strip) header++;
    const headerEnd = this.skipSpaces(header);
    if (headerEnd === this.end || this.text[headerEnd] !== '\n') outside('a block scalar header');

    let line = headerEnd + 1;
    let leading = 0;
    let widestBlank = 0;
    while (line < this.end && this.isLineEnd(line + this.indentOf(line))) {
      widestBlank = Math.max(widestBlank, this.indentOf(line));
      leading++;
      line = this.nextLine(line + this.indentOf(line));
    }
    const indent = this.indentOf(line);
    if (line === this.end || indent < minIndent) outside('an empty block scalar');
    if (widestBlank > indent) outside('a leading blank line deeper than the block');

    const lines: string[] = [];
    let contentEnd = line;
    let trailing: string[] = [];
    while (line < this.end) {
      const column = this.indentOf(line);
      const lineEnd = this.lineEnd(line);
      if (this.isLineEnd(line + column)) {
        trailing.push(this.text.slice(line + Math.min(column, indent), lineEnd));
        line = this.nextLine(lineEnd);
        continue;
      }
      if (column < indent) break;
      for (const blank of trailing) lines.push(blank);
      trailing = [];
      lines.push(this.text.slice(line + indent, lineEnd));
      contentEnd = lineEnd;
      line = this.nextLine(lineEnd);
    }
    if (trailing.some((blank) => blank !== '')) {
      outside('a trailing blank line deeper than the block');
    }

    const value = '\n'.repeat(leading) + lines.join('\n') + (strip ? '' : '\n');
    const next = this.nextLine(contentEnd);
    const node = { value, form: 'block-scalar' as const, next, tail: next };
    if (!this.tree) return node;
    return { ...node, syntax: { kind: 'scalar', value, plain: false, start: at, end: next } };
  }

  /**
   * A flow scalar whose text is `text`, its lines ending at `next`. The library ends it after
   * the comment lines that follow it deeper than its collection (at `parentIndent`).
   */
  private scalar(
    value: unknown,
    form: ValueForm,
    text: { start: number; end: number; plain: boolean },
    next: number,
    parentIndent: number,
  ): Node {
    if (!this.tree) return { value, form, next, tail: next };
    const syntax = { kind: 'scalar' as const, value, ...text };
    return { value, form, next, tail: this.commentTail(next, parentIndent), syntax };
  }

  /**
   * Comment lines after a collection's last item, not deeper than it, the library gives to one
   * of the collections that end there, in ways not followed here: with a tree, they are left
   * to the library.
   */
  private checkTrailingComments(from: number, to: number): void {
    if (!this.tree) return;
    for (let line = from; line < to; line = this.nextLine(line)) {
      if (this.text[line + this.indentOf(line)] === '#') outside('a comment after a last item');
    }
  }

  /** End of the comment lines from `line` on, past blank ones, indented deeper than `indent`. */
  private commentTail(line: number, indent: number): number {
    let tail = line;
    while (line < this.end) {
      const column = this.indentOf(line);
      const first = line + column;
      if (this.isLineEnd(first)) {
        line = this.nextLine(first);
        continue;
      }
      if (this.text[first] !== '#' || column <= indent) break;
      line = this.nextLine(this.lineEnd(first));
      tail = line;
    }
    return tail;
  }

  /** A key at `at` (plain or quoted, on one line) and the `:` after it. */
  private key(at: number): Key {
    const ch = this.text[at];
    if (ch === "'" || ch === '"') return this.quotedKey(at);
    if (NOT_PLAIN_START.has(ch)) outside(`a key starting with ${ch}`);
    const line = this.lineFrom(at);
    const colon = plainKeyColon(line);
    if (colon === -1 || colon > LONGEST_KEY) outside('a line that is not a key');
    const end = at + trimmedLength(line, colon);
    const key = this.text.slice(at, end);
    if (!isStringScalar(key) || key === '__proto__' || key === '<<') outside(`the key ${key}`);
    return { key, end, colon: at + colon + 1 };
  }

  /** The rest of the line from `at`, without its line feed. */
  private lineFrom(at: number): string {
    return this.text.slice(at, this.lineEnd(at));
  }

  private quotedKey(at: number): Key {
    let close: number;
    let key: string;
    if (this.text[at] === '"') {
      close = this.doubleQuoteEnd(at);
      key = doubleQuotedValue(this.text.slice(at + 1, close));
    } else {
      close = this.singleQuoteEndOnLine(at) ?? outside('a quoted key over several lines');
      key = singleQuotedValue(this.text.slice(at + 1, close));
    }
    const colon = this.skipSpaces(close + 1);
    if (this.text[colon] !== ':' || !this.isSeparator(colon + 1)) {
      outside('a quoted key without `:`');
    }
    if (key === '__proto__' || key === '<<') outside(`the key ${key}`);
    return { key, end: close + 1, colon: colon + 1 };
  }

  /** Whether a key (plain or quoted, followed by `: `) starts at `at`, on its line. */
  private isKeyAt(at: number): boolean {
    const ch = this.text[at];
    if (ch === "'" || ch === '"') {
      const close = ch === '"' ? this.doubleQuoteEnd(at) : this.singleQuoteEndOnLine(at);
      if (close === null) return false;
      const colon = this.skipSpaces(close + 1);
      return this.text[colon] === ':' && this.isSeparator(colon + 1);
    }
    return plainKeyColon(this.lineFrom(at)) !== -1;
  }

  /** Offset of the quote closing a single-quoted scalar on its first line; null if it goes on. */
  private singleQuoteEndOnLine(at: number): number | null {
    const close = this.singleQuoteEnd(at);
    const feed = this.text.indexOf('\n', at);
    return feed !== -1 && feed < close ? null : close;
  }

  private singleQuoteEnd(at: number): number {
    let close = this.text.indexOf("'", at + 1);
    while (close !== -1 && this.text[close + 1] === "'") close = this.text.indexOf("'", close + 2);
    return close === -1 ? outside('an unclosed quote') : close;
  }

  /** After a value that ends at `at`: only spaces and a comment may follow on its line. */
  private lineRest(at: number): number {
    const after = this.skipSpaces(at);
    if (after === this.end || this.text[after] === '\n') return this.nextLine(after);
    if (this.text[after] === '#' && after > at) return this.nextLine(this.lineEnd(after));
    return outside('text after a value');
  }

  /** Start of the first line from `line` on that is neither blank nor a comment. */
  private contentLine(line: number): number {
    while (line < this.end) {
      const first = line + this.indentOf(line);
      if (!this.isLineEnd(first) && this.text[first] !== '#') return line;
      line = this.nextLine(this.lineEnd(first));
    }
    return this.end;
  }

  private isItem(at: number): boolean {
    return this.text[at] === '-' && this.isSeparator(at + 1);
  }

  /** Whether `at` is the end of a line (or of the text). */
  private isLineEnd(at: number): boolean {
    return at >= this.end || this.text[at] === '\n';
  }

  /** Whether `at` separates an indicator (`:`, `-`) from what follows: a space or a line end. */
  private isSeparator(at: number): boolean {
    return this.text[at] === ' ' || this.isLineEnd(at);
  }

  private indentOf(line: number): number {
    let at = line;
    while (this.text[at] === ' ') at++;
    return at - line;
  }

  private skipSpaces(at: number): number {
    while (this.text[at] === ' ') at++;
    return at;
  }

  private lineEnd(at: number): number {
    const feed = this.text.indexOf('\n', at);
    return feed === -1 ? this.end : feed;
  }

  /** Start of the line after the one holding `at` (or the text's length). */
  private nextLine(at: number): number {
    const end = this.lineEnd(at);
    return end === this.end ? this.end : end + 1;
  }
}

/** Where in a line the `:` ending a plain key is (before any comment), or -1. */
function plainKeyColon(line: string): number {
  const comment = line.indexOf(' #');
  return keyColonIn(line, comment === -1 ? line.length : comment);
}

/** The first `:` before `stop` followed by a space or the line's end, or -1. */
function keyColonIn(line: string, stop: number): number {
  let colon = line.indexOf(':');
  while (colon !== -1 && colon < stop) {
    if (colon + 1 === line.length || line[colon + 1] === ' ') return colon;
    colon = line.indexOf(':', colon + 1);
  }
  return -1;
}

/** Length of `line` up to `stop` without the spaces before `stop`. */
function trimmedLength(line: string, stop: number): number {
  let end = stop;
  while (end > 0 && line[end - 1] === ' ') end--;
  return end;
}

function outside(reason: string): never {
  throw new OutsideSubset(reason);
}
