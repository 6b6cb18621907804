// Full-text matching on `text` fields: values and queries are split into lower-case words the way
// Elasticsearch's standard analyzer does, and phrases match consecutive words.

import { analyzedWords } from '../../lower/elastic/analyzed-words.js';

// LIMITATION: words follow analyzed-words.ts — runs of letters, digits and `_`, joined by `.` and
// `'` — not the full Unicode word-break rules of the standard analyzer (a `:` between letters, as
// in `a:b`, splits here and joins there), and tokens longer than 255 characters are not cut.
export function analyzedTokens(text: string): string[] {
  return analyzedWords(text).map((word) => word.toLowerCase());
}

/** Whether `phrase` occurs in `tokens` as consecutive words; an empty phrase never matches. */
export function containsPhrase(tokens: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  for (let start = 0; start + phrase.length <= tokens.length; start++) {
    if (phrase.every((word, offset) => tokens[start + offset] === word)) return true;
  }
  return false;
}
