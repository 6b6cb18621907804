// Matches event text against a Sigma string pattern: `*` (any characters), `?` (one
// character), literal text, and — under `windash` — dashes that stand for any dash Windows
// accepts. No regular expression is built from rule text: `*` splits the pattern into
// fixed-width segments, found left to right, which is exact for such patterns.

import type { PatternPart } from '../../languages/sigma/string-value.js';
import type { FieldValues } from './event-view.js';

/** The characters `windash` makes interchangeable: hyphen, slash, en dash, em dash, bar. */
export const WINDASH_CHARACTERS: ReadonlySet<string> = new Set(['-', '/', '–', '—', '―']);

/** A pattern part after placeholders are filled in. */
export type PlainPart = Exclude<PatternPart, { kind: 'placeholder' }>;

/**
 * A run of the pattern between two `*`: a fixed number of characters, of which some are given
 * texts and some windash dashes, at fixed offsets; the rest (`?`) may be anything.
 */
interface Segment {
  texts: { offset: number; text: string }[];
  dashes: number[];
  length: number;
}

export interface PatternOptions {
  cased: boolean;
  windash: boolean;
}

/** Whether any of the values (null: the field is absent) matches the whole pattern. */
export type TextTest = (values: FieldValues | null) => boolean;

// LIMITATION: `?` stands for one UTF-16 code unit — a character outside the Basic Multilingual
// Plane (an emoji) needs `??`; rules in the snapshot use `?` on ASCII text only.
export function textPattern(parts: PlainPart[], options: PatternOptions): TextTest {
  const match = textMatch(parts, options);
  const cased = options.cased;
  return (values) => {
    if (values === null) return false;
    for (const text of cased ? values.texts : values.folded) if (match(text)) return true;
    return false;
  };
}

/**
 * The test for one text. Most Sigma values are plain text with at most a leading and trailing
 * `*` (equals, contains, startswith, endswith), which string methods answer directly.
 */
function textMatch(parts: PlainPart[], options: PatternOptions): (text: string) => boolean {
  const texts = parts.flatMap((part) => (part.kind === 'text' ? [part.text] : []));
  const simple = !options.windash && parts.every((part) => part.kind !== 'one');
  if (simple && texts.length <= 1) {
    const literal = options.cased ? (texts[0] ?? '') : (texts[0] ?? '').toLowerCase();
    const shape = parts.map((part) => (part.kind === 'any' ? '*' : 't')).join('');
    switch (shape) {
      case '':
      case 't':
        return (text) => text === literal;
      case '*':
        return () => true;
      case '*t*':
        return (text) => text.includes(literal);
      case 't*':
        return (text) => text.startsWith(literal);
      case '*t':
        return (text) => text.endsWith(literal);
    }
  }
  const segments = segmentsOf(parts, options);
  return (text) => matchesSegments(segments, text);
}

function segmentsOf(parts: PlainPart[], options: PatternOptions): Segment[] {
  const segments: Segment[] = [emptySegment()];
  for (const part of parts) {
    const segment = segments[segments.length - 1];
    if (part.kind === 'any') {
      segments.push(emptySegment());
    } else if (part.kind === 'one') {
      segment.length += 1;
    } else {
      const text = options.cased ? part.text : part.text.toLowerCase();
      addText(segment, text, options.windash);
    }
  }
  return segments;
}

function emptySegment(): Segment {
  return { texts: [], dashes: [], length: 0 };
}

/** Under windash, each dash of the text becomes a dash position; the runs between stay text. */
function addText(segment: Segment, text: string, windash: boolean): void {
  let run = '';
  const endRun = (): void => {
    if (run !== '') segment.texts.push({ offset: segment.length - run.length, text: run });
    run = '';
  };
  for (const character of text) {
    if (windash && WINDASH_CHARACTERS.has(character)) {
      endRun();
      segment.dashes.push(segment.length);
    } else {
      run += character;
    }
    segment.length += character.length;
  }
  endRun();
}

/**
 * The first segment must start the text and the last must end it; the ones between are taken
 * at their leftmost place, which leaves the most room for the rest and so never misses a match.
 */
function matchesSegments(segments: Segment[], text: string): boolean {
  const first = segments[0];
  if (segments.length === 1) return text.length === first.length && matchesAt(first, text, 0);
  if (!matchesAt(first, text, 0)) return false;

  const last = segments[segments.length - 1];
  const end = text.length - last.length;
  if (end < first.length || !matchesAt(last, text, end)) return false;

  let position = first.length;
  for (let index = 1; index < segments.length - 1; index += 1) {
    const found = leftmost(segments[index], text, position, end);
    if (found < 0) return false;
    position = found + segments[index].length;
  }
  return true;
}

// LIMITATION: a segment made of many short texts between `?` or dashes is tried at each place
// its first text occurs — time grows with text length times segment length in the worst case.
/** Where the segment first fits in text[from, end), or -1; candidates come from its first text. */
function leftmost(segment: Segment, text: string, from: number, end: number): number {
  const latest = end - segment.length;
  const anchor = segment.texts[0];
  if (!anchor) {
    for (let start = from; start <= latest; start += 1) {
      if (matchesAt(segment, text, start)) return start;
    }
    return -1;
  }
  for (let found = text.indexOf(anchor.text, from + anchor.offset); found >= 0;) {
    const start = found - anchor.offset;
    if (start > latest) return -1;
    if (matchesAt(segment, text, start)) return start;
    found = text.indexOf(anchor.text, found + 1);
  }
  return -1;
}

function matchesAt(segment: Segment, text: string, start: number): boolean {
  if (start < 0 || start + segment.length > text.length) return false;
  for (const { offset, text: part } of segment.texts) {
    if (!text.startsWith(part, start + offset)) return false;
  }
  for (const offset of segment.dashes) {
    if (!WINDASH_CHARACTERS.has(text[start + offset])) return false;
  }
  return true;
}
