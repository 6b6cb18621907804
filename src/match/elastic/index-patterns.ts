// Index patterns (`logs-endpoint.events.*`, `-logs-test-*`) against the index an event is searched
// through (event-index.ts). When that index cannot be decided, neither can the patterns.

import type { EventRecord } from '../event-record.js';
import { eventIndex, type EventIndex } from './event-index.js';
import { failed, TRUE, unknown, type Outcome } from './outcome.js';
import { writtenPattern } from './wildcard-match.js';

/** Whether a pattern reads an event's index: for a namespace not known, it may depend on it. */
type Reach = 'all' | 'none' | 'some';

interface IndexPattern {
  /** The pattern without a remote cluster name. */
  local: string;
  test(name: string): boolean;
}

/**
 * The condition the patterns put on an event: one included pattern (all when only exclusions
 * are written) and no excluded one reads its index. `text` names the patterns in failures.
 */
export function indexCondition(patterns: string[], text: string): (event: EventRecord) => Outcome {
  const compile = (pattern: string): IndexPattern => {
    const local = localName(pattern);
    const compiled = writtenPattern(local, { caseInsensitive: false, escapes: false });
    return { local, test: (name) => compiled.test(name) };
  };
  const included = patterns.filter((pattern) => !pattern.startsWith('-')).map(compile);
  const excluded = patterns.filter((pattern) => pattern.startsWith('-'))
    .map((pattern) => compile(pattern.slice(1)));

  return (event) => {
    const index = eventIndex(event);
    if (index.kind === 'unknown') return unknown(`${text}: ${index.reason}`);
    const reach = (pattern: IndexPattern) => reachOf(pattern, index);
    const inside = included.length === 0 ? 'all' : anyReach(included.map(reach));
    const outside = anyReach(excluded.map(reach));
    if (inside === 'none' || outside === 'all') return failed(`${text} (${index.written})`);
    if (inside === 'all' && outside === 'none') return TRUE;
    return unknown(`${text}: whether it reads the ${index.written} depends on its namespace`);
  };
}

function reachOf(pattern: IndexPattern, index: Exclude<EventIndex, { kind: 'unknown' }>): Reach {
  if (index.kind === 'named') return index.names.some(pattern.test) ? 'all' : 'none';
  return dataStreamReach(pattern.local, index.prefix);
}

// LIMITATION: a pattern with a wildcard inside (`logs-*-default`) is only told apart by its text
// before the first wildcard — on an event whose namespace is not known it is undecided.
/**
 * Whether a pattern reads the data stream `prefix` + a namespace not known: all namespaces when
 * its text before the first wildcard begins the prefix and a `*` alone follows; none when that
 * text and the prefix differ before either ends; otherwise it depends on the namespace.
 */
function dataStreamReach(pattern: string, prefix: string): Reach {
  const wildcard = pattern.search(/[*?]/);
  const fixed = wildcard < 0 ? pattern : pattern.slice(0, wildcard);
  const shared = Math.min(fixed.length, prefix.length);
  if (fixed.slice(0, shared) !== prefix.slice(0, shared)) return 'none';
  if (wildcard < 0) return fixed.length > prefix.length ? 'some' : 'none';
  const rest = pattern.slice(wildcard);
  if (fixed.length <= prefix.length && /^\*+$/.test(rest)) return 'all';
  return 'some';
}

/** The OR of patterns' reaches. */
function anyReach(reaches: Reach[]): Reach {
  if (reaches.includes('all')) return 'all';
  return reaches.includes('some') ? 'some' : 'none';
}

/** `cluster:logs-*` reads `logs-*` on another cluster; events name the local index only. */
function localName(pattern: string): string {
  const colon = pattern.indexOf(':');
  return colon < 0 ? pattern : pattern.slice(colon + 1);
}
