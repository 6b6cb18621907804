// Turns a matched value into the most specific operator: `*x*` is contains x, `x*` startswith,
// `*x` endswith, no wildcard eq, anything else wildcard; numbers become numbers.

import type { Op, Scalar } from '../../ir/index.js';
import { patternPieces } from '../../languages/spl/search-pattern.js';

export interface ValueShape {
  op: Op;
  value: Scalar;
}

/** The shape of a search glob pattern (`*` wildcards, `\` escapes). */
export function shapeOfPattern(pattern: string): ValueShape {
  const pieces = patternPieces(pattern);
  if (pieces.length === 1) return { op: 'eq', value: scalarOf(pieces[0]) };
  const inner = pieces.slice(1, -1);
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (pieces.length === 2 && first === '' && last !== '') return { op: 'endswith', value: last };
  if (pieces.length === 2 && first !== '' && last === '') return { op: 'startswith', value: first };
  if (pieces.length === 3 && first === '' && last === '' && inner[0] !== '') {
    return { op: 'contains', value: inner[0] };
  }
  return { op: 'wildcard', value: pattern };
}

/** Whether a pattern has an unescaped `*`. */
export function hasWildcard(pattern: string): boolean {
  return patternPieces(pattern).length > 1;
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

/** The shape of a glob with `*` and `?` wildcards: `?` always needs the wildcard operator. */
export function shapeOfGlob(glob: string): ValueShape {
  for (let i = 0; i < glob.length; i += 1) {
    if (glob[i] === '\\') i += 1;
    else if (glob[i] === '?') return { op: 'wildcard', value: glob };
  }
  const shape = shapeOfPattern(glob);
  return shape.op === 'eq' ? { op: 'eq', value: patternPieces(glob)[0] } : shape;
}
