// A piece of the searched text as `--explain` shows it: the rule's own words, on one line.

import type { Span } from '../../ir/index.js';

const LONGEST = 200;

export function termText(text: string, span: Span): string {
  const words = text.slice(span.start, span.end).split(/\s+/).filter((word) => word !== '');
  const line = words.join(' ');
  return line.length <= LONGEST ? line : `${line.slice(0, LONGEST - 1)}…`;
}
