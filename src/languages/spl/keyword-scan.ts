// Finds a keyword (`where`, `by`) at the top level of command text: outside strings, comments,
// macro calls, parentheses and subsearches.

import { nextOutsideQuotes } from './scanner.js';

/** Offset of the first top-level, whole-word, case-insensitive `keyword`; -1 when absent. */
export function findKeyword(text: string, start: number, end: number, keyword: string): number {
  let depth = 0;
  for (
    let i = nextOutsideQuotes(text, start, end);
    i < end;
    i = nextOutsideQuotes(text, i + 1, end)
  ) {
    const c = text[i];
    if (c === '(' || c === '[') depth += 1;
    if ((c === ')' || c === ']') && depth > 0) depth -= 1;
    if (depth === 0 && isWordAt(text, i, end, keyword)) return i;
  }
  return -1;
}

function isWordAt(text: string, i: number, end: number, keyword: string): boolean {
  if (i + keyword.length > end) return false;
  if (text.slice(i, i + keyword.length).toLowerCase() !== keyword) return false;
  return !isWordChar(text[i - 1]) && !isWordChar(text[i + keyword.length]);
}

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return alnum || c === '_' || c === '.' || c === '=' || c === '"' || c === '-';
}
