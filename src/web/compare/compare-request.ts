// The two rules a comparison names (`?a=…&b=…`), resolved like rule addresses: catalog ids or
// bare upstream ids, each bounded before the catalog is asked.

import type { AnalyzedRule } from '../../ir/index.js';
import type { Catalog, RuleListing } from '../../store/catalog.js';
import { ruleRef } from '../request-bounds.js';

export type ComparedPair =
  | { kind: 'found'; a: AnalyzedRule; b: AnalyzedRule }
  | { kind: 'ambiguous'; ref: string; candidates: RuleListing[] }
  | { kind: 'unknown'; ref: string };

/** Both rules, or the first reference that names no rule or several; a missing one is a 400. */
export function comparedPair(
  catalog: Catalog,
  a: string | undefined,
  b: string | undefined,
): ComparedPair {
  const refs = [ruleRef(a ?? ''), ruleRef(b ?? '')];
  const rules: AnalyzedRule[] = [];
  for (const ref of refs) {
    const resolution = catalog.resolve(ref);
    if (resolution.kind === 'unknown') return { kind: 'unknown', ref };
    if (resolution.kind === 'ambiguous') {
      return { kind: 'ambiguous', ref, candidates: resolution.candidates };
    }
    rules.push(resolution.rule);
  }
  return { kind: 'found', a: rules[0], b: rules[1] };
}
