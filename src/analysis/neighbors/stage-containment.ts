// Whether a broader rule's stages after its condition keep every event a narrower rule keeps.

import { requiresPresence } from '../implication/literal-implication.js';
import type { EventScope } from './event-scope.js';

/** How the broader rule's later stages keep the narrower rule's events. */
export type Containment =
  | { kind: 'no-aggregation' }
  | { kind: 'aggregation'; command: string; groupBy: string[] };

/**
 * How the broader rule's later stages keep every event the narrower one keeps, or null when
 * that is not shown. Beyond its condition a broader rule may only group events, and
 * events lacking a group-by field are dropped, so each of its unfilled group-by fields must be
 * present in every event the narrower rule keeps: the narrower rule groups by it too, on raw
 * fields, or each of its cases requires a value for it.
 */
export function stageContainment(broader: EventScope, narrower: EventScope): Containment | null {
  if (broader.broaderBlock) return null;
  if (!broader.aggregation) return { kind: 'no-aggregation' };

  const { groupBy } = broader;
  if (!groupBy.every((field) => isAlwaysPresent(narrower, field))) return null;
  return { kind: 'aggregation', command: broader.aggregation, groupBy };
}

/** Per narrower scope and field, whether every kept event has it: asked once per candidate. */
const presence = new WeakMap<EventScope, Map<string, boolean>>();

function isAlwaysPresent(scope: EventScope, field: string): boolean {
  let known = presence.get(scope);
  if (!known) presence.set(scope, (known = new Map()));
  let present = known.get(field);
  if (present === undefined) {
    present = isPresentInEveryCase(scope, field);
    known.set(field, present);
  }
  return present;
}

function isPresentInEveryCase(scope: EventScope, field: string): boolean {
  if (scope.rawGroupBy.includes(field)) return true;
  if (!scope.cases) return false;
  return scope.cases.every((conjunction) =>
    conjunction.some(
      (literal) =>
        !literal.negated &&
        requiresPresence(literal) &&
        literal.predicates.every((predicate) => predicate.field === field),
    ),
  );
}
