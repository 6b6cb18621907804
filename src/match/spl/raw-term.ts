// Bare search terms against the event's raw text, close to Splunk's segmentation: a term
// matches where it starts and ends on a breaker (or the text's edge), so `cmd` matches in
// `c:\x\cmd.exe` but not in `cmdkey`; `TERM(x)` needs major breakers (spaces, brackets,
// quotes…) around x. Values are folded to lower case unless `CASE(x)`.
// LIMITATION: a `*` inside a term may span breakers, where Splunk's index lookup keeps a
// wildcard within one segment — `a*b` also matches `a x b` in the raw text.

import { findPiece, searchGlob, type GlobPiece } from './glob-pattern.js';

/** Splunk's default major breakers, as single characters. */
const MAJOR = new Set([
  ' ', '\t', '\n', '\r', '[', ']', '<', '>', '(', ')', '{', '}', '|', '!', ';', ',', "'", '"',
  '&', '?', '+', '*',
]);

/** Splunk's default minor breakers. */
const MINOR = new Set(['/', ':', '=', '@', '.', '-', '$', '#', '%', '\\', '_']);

export interface RawTermOptions {
  caseSensitive: boolean;
  /** `TERM(x)`: only major breakers delimit the term. */
  wholeTerm: boolean;
}

export function rawTermMatches(raw: string, pattern: string, options: RawTermOptions): boolean {
  const text = options.caseSensitive ? raw : raw.toLowerCase();
  const { pieces } = searchGlob(pattern, options.caseSensitive);
  const bounds = new TermBounds(text, options.wholeTerm);
  if (pieces.every((piece) => piece.text === '')) return true;
  if (pieces.length === 1) return bounds.anywhere(pieces[0]);

  const [first] = pieces;
  const last = pieces[pieces.length - 1];
  let cursor = 0;
  if (first.text !== '') {
    const start = bounds.firstStart(first);
    if (start < 0) return false;
    cursor = start + first.text.length;
  }
  for (let i = 1; i < pieces.length - 1; i += 1) {
    const at = findPiece(text, pieces[i], cursor, text.length);
    if (at < 0) return false;
    cursor = at + pieces[i].text.length;
  }
  return last.text === '' || bounds.endsFrom(last, cursor);
}

class TermBounds {
  private readonly breakers: Set<string>;

  constructor(
    private readonly text: string,
    wholeTerm: boolean,
  ) {
    this.breakers = wholeTerm ? MAJOR : new Set([...MAJOR, ...MINOR]);
  }

  /** Whether the piece stands somewhere with a boundary on both sides. */
  anywhere(piece: GlobPiece): boolean {
    for (let at = this.next(piece, 0); at >= 0; at = this.next(piece, at + 1)) {
      if (this.opens(at) && this.closes(at + piece.text.length)) return true;
    }
    return false;
  }

  /** The first position where the piece stands with a boundary before it; -1 if none. */
  firstStart(piece: GlobPiece): number {
    for (let at = this.next(piece, 0); at >= 0; at = this.next(piece, at + 1)) {
      if (this.opens(at)) return at;
    }
    return -1;
  }

  /** Whether the piece stands at or after `from` with a boundary after it. */
  endsFrom(piece: GlobPiece, from: number): boolean {
    for (let at = this.next(piece, from); at >= 0; at = this.next(piece, at + 1)) {
      if (this.closes(at + piece.text.length)) return true;
    }
    return false;
  }

  private next(piece: GlobPiece, from: number): number {
    return findPiece(this.text, piece, from, this.text.length);
  }

  /** A term may start here: at the edge, after a breaker, or on a breaker of its own. */
  private opens(at: number): boolean {
    return at === 0 || this.breakers.has(this.text[at - 1]) || this.breakers.has(this.text[at]);
  }

  private closes(end: number): boolean {
    const { text } = this;
    return end === text.length || this.breakers.has(text[end]) || this.breakers.has(text[end - 1]);
  }
}
