// Wildcard patterns of KQL, EQL and ES|QL values, and the predicate operator each one means.

import type { Op, Scalar } from '../../ir/index.js';

/** Literal text, `*` (any run of characters) or `?` (exactly one character). */
export type PatternPart = { kind: 'text'; text: string } | { kind: 'any' } | { kind: 'one' };

export interface ValueMatch {
  op: Op;
  values: Scalar[];
}

/**
 * Reads a pattern written with `*` and `?` wildcards. With `escapes`, a backslash makes the
 * next character literal (ES|QL LIKE); without, backslashes are ordinary characters (EQL).
 */
export function patternOf(
  text: string,
  options: { single: boolean; escapes: boolean },
): PatternPart[] {
  const parts: PatternPart[] = [];
  let literal = '';
  const flush = () => {
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
  };

  for (let offset = 0; offset < text.length; offset++) {
    const char = text[offset];
    if (options.escapes && char === '\\' && offset + 1 < text.length) {
      literal += text[offset + 1];
      offset++;
    } else if (char === '*') {
      flush();
      parts.push({ kind: 'any' });
    } else if (char === '?' && options.single) {
      flush();
      parts.push({ kind: 'one' });
    } else {
      literal += char;
    }
  }
  flush();
  return parts;
}

/**
 * The most specific operator for a pattern: no wildcard is `eq`, `*x*` `contains`, `x*`
 * `startswith`, `*x` `endswith`, only `*` `exists`; anything else stays a `wildcard` pattern
 * (with `*`, `?` and `\` escaped in its literal text).
 */
export function matchOf(parts: PatternPart[]): ValueMatch {
  const collapsed = collapseAny(parts);
  const texts = collapsed.filter((part) => part.kind === 'text');
  const wildcards = collapsed.length - texts.length;

  if (wildcards === 0) return { op: 'eq', values: [texts.map(textOf).join('')] };
  if (texts.length === 0 && collapsed.every((part) => part.kind === 'any')) {
    return { op: 'exists', values: [] };
  }
  if (texts.length === 1 && !collapsed.some((part) => part.kind === 'one')) {
    const [first, last] = [collapsed[0], collapsed[collapsed.length - 1]];
    const text = textOf(texts[0]);
    if (first.kind === 'any' && last.kind === 'any') return { op: 'contains', values: [text] };
    if (last.kind === 'any') return { op: 'startswith', values: [text] };
    if (first.kind === 'any') return { op: 'endswith', values: [text] };
  }
  return { op: 'wildcard', values: [wildcardText(collapsed)] };
}

/** The pattern in the IR's wildcard notation: `*`, `?`, and `\` before literal `*?\`. */
function wildcardText(parts: PatternPart[]): string {
  return parts
    .map((part) => {
      if (part.kind === 'any') return '*';
      if (part.kind === 'one') return '?';
      return [...part.text].map((char) => ('*?\\'.includes(char) ? `\\${char}` : char)).join('');
    })
    .join('');
}

export function hasWildcard(parts: PatternPart[]): boolean {
  return parts.some((part) => part.kind !== 'text');
}

/** `a**b` means the same as `a*b`, and adjacent texts are one text. */
function collapseAny(parts: PatternPart[]): PatternPart[] {
  const collapsed: PatternPart[] = [];
  for (const part of parts) {
    const last = collapsed[collapsed.length - 1];
    if (part.kind === 'any' && last?.kind === 'any') continue;
    if (part.kind === 'text' && last?.kind === 'text') {
      collapsed[collapsed.length - 1] = { kind: 'text', text: last.text + part.text };
      continue;
    }
    collapsed.push(part);
  }
  return collapsed;
}

function textOf(part: PatternPart): string {
  return part.kind === 'text' ? part.text : '';
}
