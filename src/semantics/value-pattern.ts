// Wildcard patterns as the narrowest comparison they state: the one reading of glob values that
// every lowering shares (`*x*` is contains x, `x*` startswith, `*x` endswith, `*` exists).

import type { Op } from '../ir/index.js';

/** Literal text, `*` (any run of characters, the empty one too) or `?` (exactly one). */
export type GlobPart = { kind: 'text'; text: string } | { kind: 'any' } | { kind: 'one' };

/**
 * How a language writes wildcards: `*` always is one; `?` is one only with `single` (Sigma, EQL
 * `:`, ES|QL LIKE, Query DSL wildcard — not SPL search, not KQL); with `escapes`, a backslash
 * makes the next character literal (SPL search, ES|QL, the IR's own notation — not EQL).
 */
export interface GlobSyntax {
  single: boolean;
  escapes: boolean;
}

/** The notation of the IR's `wildcard` values: `*`, `?`, and `\` before a literal `*?\`. */
export const IR_GLOB: GlobSyntax = { single: true, escapes: true };

/** A comparison with the operator and values a predicate takes (`exists` has none). */
export interface GlobComparison {
  op: Op;
  values: string[];
}

/** Reads a pattern into literal runs and wildcards. A trailing lone backslash is literal. */
export function readGlob(text: string, syntax: GlobSyntax): GlobPart[] {
  const parts: GlobPart[] = [];
  let literal = '';
  for (let offset = 0; offset < text.length; offset++) {
    const char = text[offset];
    if (syntax.escapes && char === '\\' && offset + 1 < text.length) {
      literal += text[offset + 1];
      offset++;
      continue;
    }
    const wildcard = char === '*' ? 'any' : char === '?' && syntax.single ? 'one' : null;
    if (wildcard === null) {
      literal += char;
      continue;
    }
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
    parts.push({ kind: wildcard });
  }
  if (literal !== '') parts.push({ kind: 'text', text: literal });
  return parts;
}

/**
 * The narrowest comparison a pattern states. Every language agrees on these readings: `**`
 * matches what `*` matches, so runs of stars count as one; a pattern of stars alone matches any
 * value, so it tests that the field has one (`exists`); no wildcard is `eq`; one literal run
 * after, before or between stars is `startswith`, `endswith` or `contains`. Anything else —
 * a `?`, several literal runs — stays a `wildcard` in the IR's notation.
 */
export function comparisonOfGlob(parts: readonly GlobPart[]): GlobComparison {
  const merged = mergeParts(parts);
  const texts = merged.filter((part) => part.kind === 'text');
  if (texts.length === merged.length) return { op: 'eq', values: [texts.map(textOf).join('')] };
  if (merged.length === 1 && merged[0].kind === 'any') return { op: 'exists', values: [] };

  const first = merged[0];
  const last = merged[merged.length - 1];
  const stars = merged.length - texts.length;
  if (texts.length === 1 && !merged.some((part) => part.kind === 'one')) {
    const text = textOf(texts[0]);
    if (stars === 2 && first.kind === 'any' && last.kind === 'any') {
      return { op: 'contains', values: [text] };
    }
    if (stars === 1 && last.kind === 'any') return { op: 'startswith', values: [text] };
    if (stars === 1 && first.kind === 'any') return { op: 'endswith', values: [text] };
  }
  return { op: 'wildcard', values: [globText(merged)] };
}

/** Whether the pattern has a wildcard at all. */
export function hasGlobWildcard(parts: readonly GlobPart[]): boolean {
  return parts.some((part) => part.kind !== 'text');
}

/** The pattern in the IR's notation (see `IR_GLOB`). */
export function globText(parts: readonly GlobPart[]): string {
  return parts.map(partText).join('');
}

function partText(part: GlobPart): string {
  if (part.kind === 'any') return '*';
  if (part.kind === 'one') return '?';
  let escaped = '';
  for (const char of part.text) escaped += '*?\\'.includes(char) ? `\\${char}` : char;
  return escaped;
}

/** Adjacent literal runs joined, runs of stars made one star, empty runs dropped. */
function mergeParts(parts: readonly GlobPart[]): GlobPart[] {
  const merged: GlobPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (part.kind === 'text' && part.text === '') continue;
    if (part.kind === 'any' && last?.kind === 'any') continue;
    if (part.kind === 'text' && last?.kind === 'text') {
      merged[merged.length - 1] = { kind: 'text', text: last.text + part.text };
      continue;
    }
    merged.push(part);
  }
  return merged;
}

function textOf(part: GlobPart): string {
  return part.kind === 'text' ? part.text : '';
}
