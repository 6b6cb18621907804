// Index patterns (`logs-endpoint.events.*`, `-logs-test-*`) against the index an event was read
// from, when the event says so in `_index`. Events without `_index` are not filtered by them.

import type { EventRecord } from '../event-record.js';
import { keywordText, valuesOf } from './event-values.js';
import { failed, TRUE, type Outcome } from './outcome.js';
import { writtenPattern } from './wildcard-match.js';

export const INDEX_FIELD = '_index';

/** A data stream's backing index: `.ds-<data stream>-<yyyy.MM.dd>-<generation>`. */
const BACKING_INDEX = /^\.ds-(.+)-\d{4}\.\d{2}\.\d{2}-\d{6}$/;

/**
 * The condition the patterns put on an event: one included pattern (all when only exclusions
 * are written) and no excluded one matches `_index`. `text` names the patterns in failures.
 */
export function indexCondition(patterns: string[], text: string): (event: EventRecord) => Outcome {
  const compile = (pattern: string) =>
    writtenPattern(localName(pattern), { caseInsensitive: false, escapes: false });
  const included = patterns.filter((pattern) => !pattern.startsWith('-')).map(compile);
  const excluded = patterns.filter((pattern) => pattern.startsWith('-'))
    .map((pattern) => compile(pattern.slice(1)));

  return (event) => {
    const indices = valuesOf(event, INDEX_FIELD).map(keywordText);
    // LIMITATION: an event without `_index` is taken to come from an index the rule reads — the
    // patterns filter only events that name their index.
    if (indices.length === 0) return TRUE;
    const names = indices.flatMap(namesOf);
    const matches = (pattern: { test(value: string): boolean }) =>
      names.some((name) => pattern.test(name));
    const holds = (included.length === 0 || included.some(matches)) && !excluded.some(matches);
    return holds ? TRUE : failed(`${text} (_index: ${indices.join(', ')})`);
  };
}

/** An index answers to its own name and, for a backing index, to its data stream's. */
function namesOf(index: string): string[] {
  const backing = BACKING_INDEX.exec(index);
  return backing === null ? [index] : [index, backing[1]];
}

/** `cluster:logs-*` reads `logs-*` on another cluster; events name the local index only. */
function localName(pattern: string): string {
  const colon = pattern.indexOf(':');
  return colon < 0 ? pattern : pattern.slice(colon + 1);
}
