// The index patterns an Elastic rule or an ES|QL FROM reads, as a constraint on `_index`.

import { and, not, or, type Expr } from '../../ir/index.js';
import { matchOf, patternOf } from './value-pattern.js';

/** Pseudo field holding the index, data stream or alias name an event is searched through. */
export const INDEX_FIELD = '_index';

/**
 * In our event model (docs/event-model.md) `_index` is the name of the index, data stream or
 * alias an event is searched through — for a data stream its name
 * (`logs-endpoint.events.process-default`), never the backing `.ds-…` index. A pattern matches
 * it with `*` wildcards, case-sensitively as Elasticsearch does; one starting with `-` excludes
 * what it matches.
 */
export function indexConstraint(patterns: string[]): Expr {
  const included = patterns.filter((pattern) => !pattern.startsWith('-'));
  const excluded = patterns.filter((pattern) => pattern.startsWith('-'))
    .map((pattern) => pattern.slice(1));
  const anyIncluded = or(included.map(indexPredicate));
  if (excluded.length === 0) return anyIncluded;
  return and([anyIncluded, ...excluded.map((pattern) => not(indexPredicate(pattern)))]);
}

function indexPredicate(pattern: string): Expr {
  const match = matchOf(patternOf(pattern, { single: false, escapes: false }));
  return {
    kind: 'predicate',
    predicate: {
      field: INDEX_FIELD,
      op: match.op,
      values: match.values,
      caseSensitive: true,
      text: pattern,
    },
  };
}
