// The fields a computed value reads: what a page lists and what indexes key it by.

import type { Computation } from './predicate.js';

/** Every field a computation reads, in order of first appearance. */
export function fieldsRead(computation: Computation): string[] {
  const fields = new Set<string>();
  const visit = (c: Computation): void => {
    if (c.kind === 'field') fields.add(c.name);
    if (c.kind === 'call' || c.kind === 'operator') c.args.forEach(visit);
  };
  visit(computation);
  return [...fields];
}
