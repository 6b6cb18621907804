// A path comparison normalization moved to the file-name field, kept on the path as well: a case
// with `process.name eq x.exe` (written `Image endswith '\x.exe'`) also states what was written,
// `process.executable endswith '\x.exe'`, so that it still implies `endswith 'x.exe'` on the path.

import { mappedFieldOf } from '../../semantics/canonical-comparison.js';
import type { Rule } from '../../ir/index.js';
import type { Literal } from './literal.js';

// LIMITATION: a suffix of several path segments (`endswith '\wbem\WMIC.exe'`) does not state its
// file name, and a negated path condition none on the name — pairs needing them (6 Sigma pairs of
// the snapshot that compared written paths before) are not listed.
/**
 * The case with, for each positive one-predicate literal whose canonical comparison left its
 * written field, the written comparison on that field: both hold of every event of the case
 * (the file name is the path's last segment). The case itself when there is none.
 */
export function withPathCompanions(conjunction: Literal[], rule: Rule): Literal[] {
  const companions: Literal[] = [];
  for (const literal of conjunction) {
    if (literal.negated || literal.predicates.length !== 1) continue;
    const [predicate] = literal.predicates;
    const written = mappedFieldOf(predicate, rule).field;
    if (written === literal.field || predicate.op !== 'endswith') continue;
    companions.push({
      ...literal,
      field: written,
      op: predicate.op,
      values: [...predicate.values],
    });
  }
  return companions.length === 0 ? conjunction : [...conjunction, ...companions];
}
