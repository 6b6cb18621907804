// Elasticsearch's `match` and `match_phrase` queries (query DSL filters, ES|QL `MATCH` and `:`):
// on a text field the query's analyzed words, any of them (`match`) or all in order
// (`match_phrase`); on any other field the value itself, compared by the field's type.

import type { FieldFamily } from '../../lower/elastic/field-types.js';
import { analyzedTokens, containsPhrase } from './analyzed-text.js';
import { keywordText, type EventScalar } from './event-values.js';
import { equalsTyped } from './typed-comparison.js';

export type MatchKind = 'match' | 'match_phrase';

/** Whether any of a field's values matches the query. */
export function matchQueryTest(
  kind: MatchKind,
  family: FieldFamily,
  query: EventScalar,
): (values: EventScalar[]) => boolean {
  if (family !== 'text') {
    return (values) => values.some((value) => equalsTyped(value, query, family, false));
  }
  const words = analyzedTokens(keywordText(query));
  const tokensOf = (values: EventScalar[]) =>
    values.map((value) => analyzedTokens(keywordText(value)));
  if (kind === 'match_phrase') {
    return (values) => tokensOf(values).some((tokens) => containsPhrase(tokens, words));
  }
  return (values) => tokensOf(values).some((tokens) => tokens.some((word) => words.includes(word)));
}
