// The rules a correlation or filter rule refers to, by id or name, resolved in the repository.

import { catalogId } from '../finish-rule.js';
import { resolveReference, type SigmaContext } from '../../sources/sigma/sigma-context.js';

export interface ReferencedRule {
  /** As written in the rule: an id or a `name`. */
  reference: string;
  /** Catalog id of the rule it names; null when the repository has no such rule. */
  id: string | null;
  title: string | null;
  /** Whether the reference is the rule's `name` rather than its id; null when unresolved. */
  byName: boolean | null;
}

export function referencedRule(reference: string, context: SigmaContext): ReferencedRule {
  const doc = resolveReference(reference, context);
  if (!doc) return { reference, id: null, title: null, byName: null };
  return { reference, id: catalogId(doc), title: doc.title, byName: doc.upstreamId !== reference };
}
