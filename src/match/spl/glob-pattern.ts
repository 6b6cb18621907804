// Wildcard patterns matched without regular expressions: literal pieces between any-run
// wildcards (SPL `*`, `like`'s `%`), pieces that may hold any-one wildcards (`like`'s `_`).
// Matching takes at most text length × pattern length steps, whatever the pattern.

import { patternPieces } from '../../languages/spl/search-pattern.js';

/** A literal run; `anyAt[i]` marks a position any one character fills. */
export interface GlobPiece {
  text: string;
  anyAt: boolean[] | null;
}

/** The pieces around the any-run wildcards: `a*b` has two, `*` has two empty ones. */
export interface Glob {
  pieces: GlobPiece[];
}

/** A search value's pattern (`*` wildcards, `\` escapes), folded to lower case unless cased. */
export function searchGlob(pattern: string, caseSensitive: boolean): Glob {
  const pieces = patternPieces(pattern).map((text) => ({
    text: caseSensitive ? text : text.toLowerCase(),
    anyAt: null,
  }));
  return { pieces };
}

/**
 * An eval `like` pattern: `%` any run, `_` any one character, case-sensitive. A backslash is
 * an ordinary character (Splunk documents no escape for like), so the corpus's
 * `like(cmd, "%\\windows\\system32\\%")` finds `\windows\system32\` in the value.
 */
export function likeGlob(pattern: string): Glob {
  const pieces = pattern.split('%').map((run) => {
    if (!run.includes('_')) return { text: run, anyAt: null };
    return { text: run, anyAt: [...run].map((c) => c === '_') };
  });
  return { pieces };
}

/** Whether the whole of `text` matches. */
export function globMatches(glob: Glob, text: string): boolean {
  const { pieces } = glob;
  const first = pieces[0];
  if (pieces.length === 1) return text.length === first.text.length && pieceAt(text, first, 0);

  const last = pieces[pieces.length - 1];
  const lastStart = text.length - last.text.length;
  if (lastStart < first.text.length) return false;
  if (!pieceAt(text, first, 0) || !pieceAt(text, last, lastStart)) return false;
  let cursor = first.text.length;
  for (let i = 1; i < pieces.length - 1; i += 1) {
    const at = findPiece(text, pieces[i], cursor, lastStart);
    if (at < 0) return false;
    cursor = at + pieces[i].text.length;
  }
  return true;
}

/** Whether `piece` stands in `text` at `position`. */
function pieceAt(text: string, piece: GlobPiece, position: number): boolean {
  if (position < 0 || position + piece.text.length > text.length) return false;
  if (!piece.anyAt) return text.startsWith(piece.text, position);
  for (let i = 0; i < piece.text.length; i += 1) {
    if (!piece.anyAt[i] && text[position + i] !== piece.text[i]) return false;
  }
  return true;
}

/** The first position from `from` where `piece` stands and ends by `limit`; -1 if none. */
export function findPiece(text: string, piece: GlobPiece, from: number, limit: number): number {
  const lastStart = limit - piece.text.length;
  if (!piece.anyAt) {
    const at = text.indexOf(piece.text, from);
    return at >= 0 && at <= lastStart ? at : -1;
  }
  for (let at = from; at <= lastStart; at += 1) {
    if (pieceAt(text, piece, at)) return at;
  }
  return -1;
}

/** A field-name pattern in a field list (`fields`, `rename`, `foreach`): `*` any run, cased. */
export function fieldGlob(pattern: string): Glob {
  return { pieces: pattern.split('*').map((text) => ({ text, anyAt: null })) };
}
