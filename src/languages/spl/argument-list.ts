// A command's arguments read by name and by position: each reader takes what it knows, and
// whatever it leaves is reported as unexpected instead of being dropped.

import type { Span } from '../../ir/index.js';
import { itemText, parseArguments } from './argument-parser.js';
import type { ArgumentItem, ParseIssue } from './syntax.js';

type OptionItem = Extract<ArgumentItem, { kind: 'option' }>;

/** Spellings Splunk accepts for booleans. */
const TRUE_WORDS = new Set(['true', 't', '1', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', 'f', '0', 'no', 'n']);

export class ArgumentList {
  private readonly read = new Set<ArgumentItem>();

  constructor(
    /** The command, named in messages. */
    readonly command: string,
    /** The text the arguments were read from, and where in it they are. */
    readonly searchText: string,
    readonly span: Span,
    readonly items: ArgumentItem[],
    readonly issues: ParseIssue[],
  ) {}

  /**
   * Reads `text[start, end)` in the shared argument syntax, except the `carved` parts (in
   * order, inside the range), which their command reads in a syntax of their own.
   */
  static around(
    command: string,
    text: string,
    span: Span,
    carved: Span[],
    issues: ParseIssue[],
  ): ArgumentList {
    const items: ArgumentItem[] = [];
    let at = span.start;
    for (const part of [...carved, { start: span.end, end: span.end }]) {
      items.push(...parseArguments(text, at, part.start, issues));
      at = part.end;
    }
    return new ArgumentList(command, text, span, items, issues);
  }

  /** Reads `text[start, end)` in the shared argument syntax. */
  static of(
    command: string,
    text: string,
    start: number,
    end: number,
    issues: ParseIssue[],
  ): ArgumentList {
    const items = parseArguments(text, start, end, issues);
    return new ArgumentList(command, text, { start, end }, items, issues);
  }

  /** The last `name=…` option (names compare without case), marked as read. */
  option(name: string): OptionItem | null {
    let found: OptionItem | null = null;
    for (const item of this.items) {
      if (item.kind !== 'option' || item.name.toLowerCase() !== name) continue;
      this.read.add(item);
      found = item;
    }
    return found;
  }

  /** An option's value as text; a value that is not text is reported. */
  text(name: string): string | null {
    const option = this.option(name);
    if (!option) return null;
    const value = itemText(option.value);
    if (value === null) this.report(`\`${option.name}\` needs a word or a quoted value`, option);
    return value;
  }

  /** An option's value as a whole number of at least `min`. */
  count(name: string, min = 0): number | null {
    const option = this.option(name);
    if (!option) return null;
    const value = wholeNumber(itemText(option.value));
    if (value === null || value < min) {
      this.report(`\`${option.name}\` needs a whole number of at least ${min}`, option);
      return null;
    }
    return value;
  }

  boolean(name: string): boolean | null {
    const option = this.option(name);
    if (!option) return null;
    const value = booleanOf(itemText(option.value));
    if (value === null) this.report(`\`${option.name}\` needs true or false`, option);
    return value;
  }

  /** Every option not read yet, as text, marked as read. */
  otherOptions(): Record<string, string> {
    const options: Record<string, string> = {};
    for (const item of this.items) {
      if (item.kind !== 'option' || this.read.has(item)) continue;
      this.read.add(item);
      const value = itemText(item.value);
      if (value === null) this.report(`\`${item.name}\` needs a word or a quoted value`, item);
      else options[item.name] = value;
    }
    return options;
  }

  /** The items that are neither options nor commas, not read yet, in order. */
  positional(): ArgumentItem[] {
    return this.items.filter(
      (item) => item.kind !== 'option' && item.kind !== 'comma' && !this.read.has(item),
    );
  }

  take(item: ArgumentItem): void {
    this.read.add(item);
  }

  /** Field names among `items` (words or quoted), each marked as read; others are reported. */
  fieldNames(items: ArgumentItem[]): string[] {
    return this.texts(items, 'a field name');
  }

  /** The text of each item, marked as read; items that are not text are reported. */
  texts(items: ArgumentItem[], expected: string): string[] {
    const texts: string[] = [];
    for (const item of items) {
      const text = this.textOf(item, expected);
      if (text !== null) texts.push(text);
    }
    return texts;
  }

  /** A field name, marked as read; anything else is reported and gives null. */
  fieldName(item: ArgumentItem | undefined): string | null {
    return item ? this.textOf(item, 'a field name') : null;
  }

  /** An item's text (a word, or quoted), marked as read; anything else is reported. */
  textOf(item: ArgumentItem, expected: string): string | null {
    this.read.add(item);
    const text = itemText(item);
    if (text === null) this.report(`${expected} is expected here`, item);
    return text;
  }

  /** The one field a command works on: its first positional item; a missing one is reported. */
  field(): string | null {
    const [item] = this.positional();
    if (!item) this.reportMissing('a field');
    return item ? this.fieldName(item) : null;
  }

  /** `<field> [AS <name>]` from the positional items; a missing field is reported. */
  fieldAs(): { field: string | null; as: string | null } {
    const [fieldItem, asWord, target] = this.positional();
    const field = this.field();
    if (!fieldItem || !isWord(asWord, 'as')) return { field, as: null };
    this.take(asWord);
    if (!target) {
      this.report('`AS` needs a field name after it', asWord);
      return { field, as: null };
    }
    return { field, as: this.fieldName(target) };
  }

  /** Reports each item not read (commas aside): nothing is dropped without a word. */
  reportUnread(): void {
    for (const item of this.items) {
      if (this.read.has(item) || item.kind === 'comma') continue;
      this.read.add(item);
      this.report(`unexpected \`${this.command}\` argument`, item);
    }
  }

  /** Reports that the command lacks something, on the whole argument text. */
  reportMissing(what: string): void {
    this.issues.push({ message: `\`${this.command}\` needs ${what}`, span: this.span });
  }

  report(message: string, at: { span: Span }): void {
    this.issues.push({ message, span: at.span });
  }
}

export function isWord(item: ArgumentItem | undefined, word: string): boolean {
  return item?.kind === 'word' && item.text.toLowerCase() === word;
}

export function wholeNumber(text: string | null): number | null {
  if (text === null || text === '' || text.length > 15) return null;
  for (const c of text) if (c < '0' || c > '9') return null;
  return Number(text);
}

export function booleanOf(text: string | null): boolean | null {
  const word = text?.toLowerCase() ?? '';
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}
