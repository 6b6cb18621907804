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

/** The names a `rules:` or `group-by:` attribute lists: a list of them, or a single one. */
export function referencesOf(rules: unknown): string[] {
  const items = Array.isArray(rules) ? rules : rules === undefined || rules === null ? [] : [rules];
  return items
    .filter((item) => typeof item === 'string' || typeof item === 'number')
    .map((item) => String(item));
}

/** The rule a correlation or filter names by id or `name`, or null when there is none. */
export function resolveReference(reference: string, context: SigmaContext): RuleDocument | null {
  return context.rules.get(reference) ?? null;
}
