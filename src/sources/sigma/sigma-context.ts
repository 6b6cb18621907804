// What lowering a Sigma rule needs beyond its own document: the other rules of the repository,
// so correlation and filter rules can show and use the rules they refer to.

import type { RuleDocument } from '../../ir/index.js';

export interface SigmaContext {
  /** Rule documents by `id` and by `name` (correlations may use either). First one wins. */
  rules: ReadonlyMap<string, RuleDocument>;
}

export function sigmaContextOf(documents: RuleDocument[]): SigmaContext {
  const rules = new Map<string, RuleDocument>();
  for (const doc of documents) {
    if (!rules.has(doc.upstreamId)) rules.set(doc.upstreamId, doc);
    const name = doc.raw.name;
    if (typeof name === 'string' && name !== '' && !rules.has(name)) rules.set(name, doc);
  }
  return { rules };
}
