// The rules a correlation or filter rule refers to, by id or name, resolved in the repository.

import type { RuleDocument } from '../../ir/index.js';
import { catalogId } from '../finish-rule.js';
import type { SigmaContext } from '../../sources/sigma/sigma-context.js';

export interface ReferencedRule {
  /** As written in the rule: an id or a `name`. */
  reference: string;
  /** Catalog id of the rule it names; null when the repository has no such rule. */
  id: string | null;
  title: string | null;
}

export function referencesOf(rules: unknown): string[] {
  const items = Array.isArray(rules) ? rules : rules === undefined || rules === null ? [] : [rules];
  return items
    .filter((item) => typeof item === 'string' || typeof item === 'number')
    .map((item) => String(item));
}

export function resolveReference(reference: string, context: SigmaContext): RuleDocument | null {
  return context.rules.get(reference) ?? null;
}

export function referencedRule(reference: string, context: SigmaContext): ReferencedRule {
  const doc = resolveReference(reference, context);
  return { reference, id: doc ? catalogId(doc) : null, title: doc ? doc.title : null };
}
