// Character-level recognizers every SPL lexer shares: quoted strings, ``` comments, backtick
// macro calls and bracketed groups. Each returns the offset just past what it recognised.

export const COMMENT_MARK = '```';

export function isCommentStart(text: string, at: number): boolean {
  return text.startsWith(COMMENT_MARK, at);
}

/** End of the `"…"` string starting at `at`; `\` escapes the next character. */
export function quotedEnd(text: string, at: number, quote = '"'): { end: number; closed: boolean } {
  let i = at + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === quote) return { end: i + 1, closed: true };
    i += 1;
  }
  return { end: text.length, closed: false };
}

/** End of the ``` comment starting at `at` (the end of the text when it is not closed). */
export function commentEnd(text: string, at: number): number {
  const close = text.indexOf(COMMENT_MARK, at + COMMENT_MARK.length);
  return close < 0 ? text.length : close + COMMENT_MARK.length;
}

/** End of the backtick macro call starting at `at`, or -1 when it is not closed. */
export function macroEnd(text: string, at: number): number {
  const close = text.indexOf('`', at + 1);
  return close < 0 ? -1 : close + 1;
}

/**
 * Offset of the bracket closing the one at `at` (`(`→`)`, `[`→`]`), skipping strings,
 * comments and macro calls; -1 when it is not closed.
 */
export function closingBracket(text: string, at: number): number {
  const open = text[at];
  const close = open === '(' ? ')' : ']';
  let depth = 0;
  const end = text.length;
  for (
    let i = nextOutsideQuotes(text, at, end);
    i < end;
    i = nextOutsideQuotes(text, i + 1, end)
  ) {
    const c = text[i];
    if (c === open) depth += 1;
    if (c === close) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * The closing `)` of every `(` in `text[start, end)`, found in one pass (skipping strings,
 * comments and macro calls as closingBracket does); unclosed ones are absent.
 */
export function closingParens(text: string, start: number, end: number): Map<number, number> {
  const closes = new Map<number, number>();
  const open: number[] = [];
  for (
    let i = nextOutsideQuotes(text, start, end);
    i < end;
    i = nextOutsideQuotes(text, i + 1, end)
  ) {
    if (text[i] === '(') open.push(i);
    if (text[i] === ')' && open.length > 0) closes.set(open.pop() as number, i);
  }
  return closes;
}

/**
 * The first offset at or after `at` that is not inside a string, comment or macro call: where
 * brackets, pipes and keywords can be structure. It may lie past `end` when a quoted part runs
 * over it; callers step with `for (let i = outside(s, a, e); i < e; i = outside(s, i + 1, e))`.
 * (A plain function rather than a generator: the SPL parser calls it for every character.)
 */
export function nextOutsideQuotes(text: string, at: number, end: number): number {
  let i = at;
  while (i < end) {
    const next = skipQuotedPart(text, i);
    if (next === i) return i;
    i = next;
  }
  return i;
}

/**
 * When a string, comment or macro call starts at `at`, the offset past it; otherwise `at`.
 * What these enclose is never structure (pipes, brackets) of the surrounding text.
 */
export function skipQuotedPart(text: string, at: number): number {
  const c = text[at];
  if (c === '"') return quotedEnd(text, at).end;
  if (c === '\\') return Math.min(at + 2, text.length);
  if (c !== '`') return at;
  if (isCommentStart(text, at)) return commentEnd(text, at);
  const end = macroEnd(text, at);
  return end < 0 ? at : end;
}

export function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** Offset of the first character at or after `at` that is neither space nor inside a comment. */
export function skipBlank(text: string, at: number, end = text.length): number {
  let i = at;
  while (i < end) {
    if (isSpace(text[i])) i += 1;
    else if (isCommentStart(text, i)) i = Math.min(commentEnd(text, i), end);
    else break;
  }
  return i;
}
