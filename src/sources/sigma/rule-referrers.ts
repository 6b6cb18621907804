// Links each Sigma rule to the correlation and filter rules of its repository that name it, so
// that its page can list them: the other half of the references those rules make.

import type { RuleDocument, RuleReferrer } from '../../ir/index.js';
import { catalogId } from '../../lower/finish-rule.js';
import { referencesOf, resolveReference, type SigmaContext } from './sigma-context.js';

/** The documents, those named by a correlation or filter rule with `referredBy` set. */
export function withReferrers(documents: RuleDocument[], context: SigmaContext): RuleDocument[] {
  const referrers = new Map<RuleDocument, Map<string, RuleReferrer>>();
  for (const doc of documents) {
    const kind = doc.type;
    if (kind !== 'correlation' && kind !== 'filter') continue;
    const section = doc.raw[kind];
    if (section === null || typeof section !== 'object') continue;

    const id = catalogId(doc);
    for (const reference of referencesOf((section as Record<string, unknown>).rules)) {
      const referred = resolveReference(reference, context);
      // A rule naming itself is a cycle its own page reports; it does not refer back to itself.
      if (!referred || referred === doc) continue;
      const known = referrers.get(referred) ?? new Map<string, RuleReferrer>();
      referrers.set(referred, known);
      if (!known.has(id)) known.set(id, { id, title: doc.title, kind, reference });
    }
  }
  return documents.map((doc) => {
    const known = referrers.get(doc);
    return known ? { ...doc, referredBy: [...known.values()] } : doc;
  });
}
