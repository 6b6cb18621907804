// A piece of the searched text as `--explain` shows it: the rule's own words, on one line.

import type { Span } from '../../ir/index.js';

const LONGEST = 200;

/** Texts already made, by span: a rule failing on many events names the same term each time. */
const made = new WeakMap<Span, string>();

export function termText(text: string, span: Span): string {
  const known = made.get(span);
  if (known !== undefined) return known;
  const words = text.slice(span.start, span.end).split(/\s+/).filter((word) => word !== '');
  const line = words.join(' ');
  const shown = line.length <= LONGEST ? line : `${line.slice(0, LONGEST - 1)}…`;
  made.set(span, shown);
  return shown;
}
