// Finds where each event's JSON text starts and ends in an events file — one value, the elements
// of a top-level array, JSON lines, or objects written back to back — without parsing them: a
// small tokenizer that only tracks strings, escapes and bracket depth.

import { EventReadError } from './event-read-error.js';
import type { EventLimits } from './event-limits.js';

/** Offsets of one event's JSON text in the file text, end exclusive. */
export interface EventTextSpan {
  start: number;
  end: number;
}

const BYTE_ORDER_MARK = 0xfeff;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Ends a bare scalar (`true`, `12`) as JSON text does. */
function endsScalar(code: number): boolean {
  if (isBlank(code)) return true;
  return code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE
    || code === OPEN_BRACKET || code === OPEN_BRACE || code === QUOTE;
}

/**
 * The spans of the file's events in order. A file whose first character is `[` is one array of
 * events; any other file is a sequence of values separated by blanks (a single object, JSON
 * lines, or objects back to back). Throws EventReadError naming the line and column.
 */
export function* eventTextSpans(
  text: string,
  file: string,
  limits: EventLimits,
): Generator<EventTextSpan> {
  const scanner = new EventTextScanner(text, file, limits);
  let position = scanner.skipBlank(text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0);
  if (text.charCodeAt(position) !== OPEN_BRACKET) {
    while (position < text.length) {
      const end = scanner.valueEnd(position);
      yield { start: position, end };
      position = scanner.skipBlank(end);
    }
    return;
  }

  position = scanner.skipBlank(position + 1);
  if (text.charCodeAt(position) === CLOSE_BRACKET) {
    scanner.expectEnd(position + 1);
    return;
  }
  for (;;) {
    const end = scanner.valueEnd(position);
    yield { start: position, end };
    position = scanner.skipBlank(end);
    const next = text.charCodeAt(position);
    if (next === COMMA) {
      position = scanner.skipBlank(position + 1);
      continue;
    }
    if (next === CLOSE_BRACKET) break;
    scanner.fail(position, "expected ',' or ']' after an element of the top-level array");
  }
  scanner.expectEnd(position + 1);
}

class EventTextScanner {
  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly limits: EventLimits,
  ) {}

  skipBlank(position: number): number {
    while (position < this.text.length && isBlank(this.text.charCodeAt(position))) position += 1;
    return position;
  }

  expectEnd(position: number): void {
    const rest = this.skipBlank(position);
    if (rest < this.text.length) this.fail(rest, 'text after the top-level array');
  }

  /** Where the JSON value starting at `start` ends. */
  valueEnd(start: number): number {
    const first = this.text.charCodeAt(start);
    let end: number;
    if (first === OPEN_BRACE || first === OPEN_BRACKET) end = this.containerEnd(start);
    else if (first === QUOTE) end = this.stringEnd(start);
    else end = this.scalarEnd(start);

    if (end - start > this.limits.eventCharacters) {
      const size = this.limits.eventCharacters.toLocaleString('en');
      this.fail(start, `an event is longer than ${size} characters`);
    }
    return end;
  }

  private containerEnd(start: number): number {
    const text = this.text;
    const last = Math.min(text.length, start + this.limits.eventCharacters + 1);
    let depth = 0;
    for (let position = start; position < last; position += 1) {
      const code = text.charCodeAt(position);
      if (code === QUOTE) {
        position = this.stringEnd(position) - 1;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        depth += 1;
        if (depth > this.limits.depth) {
          this.fail(position, `an event nests deeper than ${this.limits.depth} levels`);
        }
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        depth -= 1;
        if (depth === 0) return position + 1;
      }
    }
    if (last < text.length) return last;
    return this.fail(start, 'the JSON value starting here is not closed before the file ends');
  }

  /** The offset after the closing quote of the string opening at `start`. */
  private stringEnd(start: number): number {
    const text = this.text;
    for (let position = start + 1; position < text.length; position += 1) {
      const code = text.charCodeAt(position);
      if (code === BACKSLASH) position += 1;
      else if (code === QUOTE) return position + 1;
    }
    return this.fail(start, 'the string starting here is not closed before the file ends');
  }

  private scalarEnd(start: number): number {
    let position = start;
    while (position < this.text.length && !endsScalar(this.text.charCodeAt(position))) {
      position += 1;
    }
    if (position === start) this.fail(start, `unexpected '${this.text[start]}'`);
    return position;
  }

  fail(offset: number, message: string): never {
    const where = `${this.file}:${positionText(this.text, offset)}`;
    throw new EventReadError(this.file, `${where}: ${message}`);
  }
}

/** `line:column`, both from 1, of an offset in the text. */
export function positionText(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let position = text.indexOf('\n'); position >= 0 && position < offset;) {
    line += 1;
    lineStart = position + 1;
    position = text.indexOf('\n', lineStart);
  }
  return `${line}:${offset - lineStart + 1}`;
}
