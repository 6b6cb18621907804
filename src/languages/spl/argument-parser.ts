// The argument syntax most commands share: words, "strings", `name=value` options,
// `name(…)` calls, commas, subsearches and macro calls.

import { readMacroCall } from './macro-call.js';
import { parsePipeline } from './pipeline-parser.js';
import {
  closingBracket,
  commentEnd,
  isCommentStart,
  isSpace,
  macroEnd,
  quotedEnd,
} from './scanner.js';
import type { ArgumentItem, ParseIssue } from './syntax.js';

const WORD_STOPS = new Set(['=', ',', '(', ')', '"', '`', '[']);

export function parseArguments(
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
): ArgumentItem[] {
  const reader = new ArgumentReader(text, end, issues);
  const items: ArgumentItem[] = [];
  let at = start;
  for (;;) {
    const read = reader.readItems(at);
    items.push(...read.items);
    if (read.next >= end) return items;
    issues.push({ message: 'unbalanced `)`', span: { start: read.next, end: read.next + 1 } });
    at = read.next + 1;
  }
}

class ArgumentReader {
  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly issues: ParseIssue[],
  ) {}

  /** Items from `start` up to the end, or up to a `)` closing an enclosing call. */
  readItems(start: number): { items: ArgumentItem[]; next: number } {
    const items: ArgumentItem[] = [];
    let i = this.skipBlank(start);
    while (i < this.end && this.text[i] !== ')') {
      const item = this.readItem(i);
      items.push(item);
      i = this.skipBlank(item.span.end);
    }
    return { items, next: i };
  }

  private readItem(start: number): ArgumentItem {
    const first = this.readAtom(start);
    if (first.kind !== 'word') return first;

    const after = this.skipBlank(first.span.end);
    const comparator = this.comparatorAt(after);
    if (comparator) {
      const valueStart = this.skipBlank(after + comparator.length);
      if (valueStart >= this.end || this.text[valueStart] === ')') {
        this.issues.push(
          { message: `\`${first.text}${comparator}\` has no value`, span: first.span },
        );
        return first;
      }
      const value = this.readValue(valueStart);
      const span = { start, end: value.span.end };
      return { kind: 'option', name: first.text, comparator, value, span };
    }
    if (this.text[first.span.end] === '(') return this.readCall(first.text, start, first.span.end);
    return first;
  }

  /** An option's value; a parenthesised value (`startswith=(EventCode=1)`) is kept whole. */
  private readValue(start: number): ArgumentItem {
    if (this.text[start] !== '(') return this.readAtom(start);
    const close = closingBracket(this.text, start);
    const end = close < 0 || close >= this.end ? this.end : close + 1;
    if (close < 0) this.issues.push({ message: '`(` is not closed', span: { start, end } });
    return { kind: 'word', text: this.text.slice(start, end), span: { start, end } };
  }

  private readCall(name: string, start: number, open: number): ArgumentItem {
    const close = closingBracket(this.text, open);
    if (name.toLowerCase() === 'eval' && close > 0 && close < this.end) {
      // eval(…) holds an eval expression, read by the eval parser where it is used.
      const innerSpan = { start: open + 1, end: close };
      return { kind: 'call', name, args: [], innerSpan, span: { start, end: close + 1 } };
    }
    if (close < 0 || close >= this.end) {
      this.issues.push({ message: `\`${name}(\` is not closed`, span: { start, end: this.end } });
      const inner = new ArgumentReader(this.text, this.end, this.issues).readItems(open + 1);
      const innerSpan = { start: open + 1, end: this.end };
      return { kind: 'call', name, args: inner.items, innerSpan, span: { start, end: this.end } };
    }
    const inner = new ArgumentReader(this.text, close, this.issues).readItems(open + 1);
    const innerSpan = { start: open + 1, end: close };
    return { kind: 'call', name, args: inner.items, innerSpan, span: { start, end: close + 1 } };
  }

  /** A word, string, comma, subsearch or macro call (a call's name is read as a word). */
  private readAtom(start: number): ArgumentItem {
    const c = this.text[start];
    if (c === ',') return { kind: 'comma', span: { start, end: start + 1 } };
    if (c === '"') {
      const { end, closed } = quotedEnd(this.text, start);
      const stop = Math.min(end, this.end);
      if (!closed) this.issues.push(
        { message: 'quoted text is not closed', span: { start, end: stop } },
      );
      const value = unescape(this.text.slice(start + 1, closed ? stop - 1 : stop));
      return { kind: 'string', value, span: { start, end: stop } };
    }
    if (c === '[') {
      const close = closingBracket(this.text, start);
      const stop = close < 0 || close >= this.end ? this.end : close;
      if (stop === this.end) this.issues.push(
        { message: 'subsearch `[` is not closed', span: { start, end: stop } },
      );
      const pipeline = parsePipeline(this.text, start + 1, stop);
      return { kind: 'subsearch', pipeline, span: { start, end: Math.min(stop + 1, this.end) } };
    }
    if (c === '`') {
      const close = macroEnd(this.text, start);
      const span = { start, end: close };
      const call = close > 0 && close <= this.end ? readMacroCall(this.text, span) : null;
      if (call) return { kind: 'macro', call, span };
    }
    if (c === '(' || c === '=') {
      this.issues.push({ message: `unexpected \`${c}\``, span: { start, end: start + 1 } });
      return { kind: 'word', text: c, span: { start, end: start + 1 } };
    }
    let i = start;
    while (i < this.end) {
      const ch = this.text[i];
      if (isSpace(ch) || (WORD_STOPS.has(ch) && i > start)) break;
      if (ch === '!' && this.text[i + 1] === '=') break;
      if (ch === '\\') i += 1;
      i += 1;
    }
    i = Math.min(Math.max(i, start + 1), this.end);
    return { kind: 'word', text: this.text.slice(start, i), span: { start, end: i } };
  }

  private comparatorAt(i: number): '=' | '!=' | null {
    if (this.text.startsWith('!=', i)) return '!=';
    if (this.text[i] === '=' && this.text[i + 1] !== '=') return '=';
    return null;
  }

  private skipBlank(at: number): number {
    let i = at;
    while (i < this.end) {
      if (isSpace(this.text[i])) i += 1;
      else if (isCommentStart(this.text, i)) i = Math.min(commentEnd(this.text, i), this.end);
      else break;
    }
    return i;
  }
}

function unescape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
      out += text[i + 1];
      i += 1;
    } else out += text[i];
  }
  return out;
}

/** The text of an item as a field name or value: a word, or a string without its quotes. */
export function itemText(item: ArgumentItem): string | null {
  if (item.kind === 'word') return item.text;
  if (item.kind === 'string') return item.value;
  return null;
}
