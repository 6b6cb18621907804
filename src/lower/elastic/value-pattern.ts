// Wildcard patterns of KQL, EQL and ES|QL values, and the predicate operator each one means:
// read and narrowed by the one glob reading all lowerings share (semantics/value-pattern).

import type { Op, Scalar } from '../../ir/index.js';
import {
  comparisonOfGlob,
  hasGlobWildcard,
  readGlob,
  type GlobPart,
  type GlobSyntax,
} from '../../semantics/value-pattern.js';

/** Literal text, `*` (any run of characters) or `?` (exactly one character). */
export type PatternPart = GlobPart;

export interface ValueMatch {
  op: Op;
  values: Scalar[];
}

/**
 * Reads a pattern written with `*` and `?` wildcards. With `escapes`, a backslash makes the
 * next character literal (ES|QL LIKE); without, backslashes are ordinary characters (EQL).
 */
export function patternOf(text: string, options: GlobSyntax): PatternPart[] {
  return readGlob(text, options);
}

/**
 * The most specific operator for a pattern: no wildcard is `eq`, `*x*` `contains`, `x*`
 * `startswith`, `*x` `endswith`, only `*` `exists`; anything else stays a `wildcard` pattern.
 */
export function matchOf(parts: PatternPart[]): ValueMatch {
  return comparisonOfGlob(parts);
}

export function hasWildcard(parts: PatternPart[]): boolean {
  return hasGlobWildcard(parts);
}
