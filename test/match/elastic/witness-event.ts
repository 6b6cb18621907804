// Witness events for corpus measurements: for a rule's lowered event filter, an event whose
// fields satisfy its simple predicates (the first branch of each OR, nothing under a NOT), with
// the join keys of its sequence steps.

import type { Expr, Predicate, Rule, Scalar } from '../../../src/ir/index.js';
import type { EventValue } from '../../../src/match/event-record.js';

/**
 * Fields from the predicates an event must meet. Several values for one field become a list
 * unless `singleValued` (ES|QL compares lists as null).
 */
export function witnessFields(rule: Rule, singleValued: boolean): Record<string, EventValue> {
  const fields = new Map<string, Scalar[]>();
  const add = (field: string, value: Scalar) => {
    const known = fields.get(field) ?? [];
    fields.set(field, singleValued ? [value] : [...known, value]);
  };
  if (rule.eventFilter !== null) collect(rule.eventFilter, add);
  for (const key of joinKeys(rule)) if (!fields.has(key)) add(key, 'join-key');
  return Object.fromEntries(
    [...fields].map(([field, values]) => [field, values.length === 1 ? values[0] : values]),
  );
}

function collect(expr: Expr, add: (field: string, value: Scalar) => void): void {
  switch (expr.kind) {
    case 'and':
      expr.args.forEach((arg) => collect(arg, add));
      return;
    case 'or':
      collect(expr.args[0], add);
      return;
    case 'predicate': {
      const value = witnessValue(expr.predicate);
      const { field } = expr.predicate;
      if (value !== undefined) add(field, value);
      return;
    }
    default:
      return;
  }
}

/** The fields EQL sequences and samples join on (`by host.id`): their steps need them. */
function joinKeys(rule: Rule): string[] {
  return rule.pipeline.flatMap((stage) => {
    const keys = stage.args.by;
    if (!Array.isArray(keys)) return [];
    return keys.filter((key): key is string => typeof key === 'string' && /^[\w.@]+$/.test(key));
  });
}

/** A value meeting the predicate, or undefined when none is easily written. */
function witnessValue(predicate: Predicate): Scalar | undefined {
  const [value] = predicate.values;
  switch (predicate.op) {
    case 'eq':
    case 'in':
    case 'contains':
    case 'startswith':
    case 'endswith':
      return value;
    case 'wildcard':
      return typeof value === 'string' ? wildcardWitness(value) : undefined;
    case 'ge':
    case 'le':
      return value;
    case 'gt':
      return typeof value === 'number' ? value + 1 : undefined;
    case 'lt':
      return typeof value === 'number' ? value - 1 : undefined;
    case 'cidr':
      return typeof value === 'string' ? value.split('/')[0] : undefined;
    case 'exists':
      return 'present';
    default:
      return undefined;
  }
}

/** `a*b?c` with `\` escapes: `*` matches nothing, `?` one `x`. */
function wildcardWitness(pattern: string): string {
  let text = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\' && index + 1 < pattern.length) text += pattern[++index];
    else if (char === '?') text += 'x';
    else if (char !== '*') text += char;
  }
  return text;
}
