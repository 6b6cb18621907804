// A condition on values computed from the event, kept in structured form: parsed, not opaque,
// though no `field op value` predicate can state it.

import {
  fieldsRead,
  type Computation,
  type ComputedCondition,
  type Expr,
  type Span,
} from '../../ir/index.js';
import { opaqueCondition, type ConditionSite } from './opaque-condition.js';

/**
 * The computed condition read from `span` (its text, unless `text` is given); opaque, with a
 * warning naming `what`, when the expression has no computation form.
 */
export function computedCondition(
  condition: Computation | null,
  caseSensitive: boolean,
  span: Span,
  what: { code: string; description: string },
  site: ConditionSite,
  text = site.text.slice(span.start, span.end),
): Expr {
  if (condition === null) return opaqueCondition(what.code, span, what.description, site);
  const computed: ComputedCondition = {
    condition,
    fields: fieldsRead(condition),
    caseSensitive,
    text,
    span,
  };
  return { kind: 'computed', computed };
}
