// Whether two rules read at least one common event before any condition, and which of them names
// it: an Elastic event is named by an index, built from the first pattern of one rule.

import type { EventSource } from './event-source.js';

/**
 * `as-given` when an event of `x`'s source (for indices: the index named after its first
 * pattern) is read by `y` too, `swapped` when only the reverse holds, null when neither is shown.
 */
export function firstSharedSource(x: EventSource, y: EventSource): 'as-given' | 'swapped' | null {
  if (x.kind !== y.kind) return null;
  if (x.kind === 'datamodel' && y.kind === 'datamodel') return x.key === y.key ? 'as-given' : null;
  if (x.kind !== 'index' || y.kind !== 'index') return 'as-given';
  if (readsFirstIndexOf(x.patterns, y.patterns)) return 'as-given';
  return readsFirstIndexOf(y.patterns, x.patterns) ? 'swapped' : null;
}

/**
 * The index `verify` names a witness after: the first pattern read, without its cluster, each
 * `*` filled with `witness`.
 */
export function firstIndexOf(patterns: string[]): string | null {
  const first = patterns.find((pattern) => !pattern.startsWith('-'));
  return first === undefined ? null : withoutCluster(first).replaceAll('*', 'witness');
}

/** Whether both pattern lists read the index named after the first list's first pattern. */
function readsFirstIndexOf(own: string[], other: string[]): boolean {
  const index = firstIndexOf(own);
  if (index === null) return false;
  const reads = (patterns: string[]) => {
    const included = patterns.filter((p) => !p.startsWith('-'));
    const excluded = patterns.filter((p) => p.startsWith('-')).map((p) => p.slice(1));
    return (
      included.some((p) => globMatches(withoutCluster(p), index)) &&
      !excluded.some((p) => globMatches(withoutCluster(p), index))
    );
  };
  return reads(own) && reads(other);
}

function withoutCluster(pattern: string): string {
  return pattern.slice(pattern.indexOf(':') + 1);
}

/** Whether `name` matches `pattern`, where `*` stands for any run of characters. */
export function globMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === name[n]) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
