// Turns a matched value into the most specific operator (semantics/value-pattern: `*x*` is
// contains x, `x*` startswith, `*x` endswith, no wildcard eq); search numbers become numbers.

import type { Op, Scalar } from '../../ir/index.js';
import {
  comparisonOfGlob,
  hasGlobWildcard,
  IR_GLOB,
  readGlob,
  type GlobSyntax,
} from '../../semantics/value-pattern.js';

export interface ValueShape {
  op: Op;
  value: Scalar;
}

/**
 * Search values as the lexer stores them: `*` is the only wildcard; `\` makes the next character
 * literal (the lexer writes a literal `?`, `*` or `\` escaped).
 */
const SEARCH_GLOB: GlobSyntax = { single: false, escapes: true };

/** The shape of a search glob pattern (`*` wildcards, `\` escapes). */
export function shapeOfPattern(pattern: string): ValueShape {
  const shape = shapeOf(pattern, SEARCH_GLOB);
  return shape.op === 'eq' ? { op: 'eq', value: scalarOf(String(shape.value)) } : shape;
}

/** Whether a pattern has an unescaped `*`. */
export function hasWildcard(pattern: string): boolean {
  return hasGlobWildcard(readGlob(pattern, SEARCH_GLOB));
}

/**
 * Whether a search value is an IPv4 address block (`10.0.0.0/8`): `field=block` then matches
 * the addresses inside it, as Splunk's search does, not the text.
 * LIMITATION: IPv6 blocks (`2001:db8::/32`) are compared as text — a search for an IPv6 range
 * shows as an equality with the block's text.
 */
export function isCidrBlock(text: string): boolean {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!match) return false;
  const octets = match.slice(1, 5).map(Number);
  return octets.every((octet) => octet <= 255) && Number(match[5]) <= 32;
}

/** Numbers as written (`4104`, `-1`, `0.5`) become numbers; `007` and `0x10` stay text. */
export function scalarOf(text: string): Scalar {
  if (!/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(text)) return text;
  return Number(text);
}

/**
 * A SQL LIKE pattern (`%` any run, `_` one character) as a glob pattern with `*` and `?`.
 * Splunk's LIKE has no escape character: a backslash is itself (the corpus writes
 * `like(x, "%\\windows\\system32\\%")` meaning a path anywhere in x).
 */
export function globOfLike(like: string): string {
  let glob = '';
  for (const c of like) {
    if (c === '%') glob += '*';
    else if (c === '_') glob += '?';
    else if (c === '*' || c === '?' || c === '\\') glob += `\\${c}`;
    else glob += c;
  }
  return glob;
}

/** The shape of a glob in the IR's notation, with `*` and `?` wildcards (a LIKE pattern). */
export function shapeOfGlob(glob: string): ValueShape {
  return shapeOf(glob, IR_GLOB);
}

/**
 * The narrowest comparison of a pattern. A pattern of stars alone comes back as the IR pattern
 * `*`: the callers turn `f=*` into a presence test before asking, and canonical comparisons
 * read the `*` pattern as one (`**`, LIKE `%`).
 */
function shapeOf(pattern: string, syntax: GlobSyntax): ValueShape {
  const { op, values } = comparisonOfGlob(readGlob(pattern, syntax));
  if (op === 'exists') return { op: 'wildcard', value: '*' };
  return { op, value: values[0] };
}
