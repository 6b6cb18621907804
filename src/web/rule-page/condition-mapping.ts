// How two rules' conditions meet, as a table: each condition of one rule beside the other rule's
// condition implying it (or, for overlapping rules, meeting it with one value).

import type { ConditionLink, ConditionText, Neighbor } from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { scalarText } from '../predicate-text.js';

/** Column headings: whose condition `a` and `b` are, seen from the page showing the table. */
export interface MappingColumns {
  a: string;
  b: string;
}

export function mappingTable(neighbor: Neighbor, columns: MappingColumns): Html {
  const mapping = neighbor.mapping ?? [];
  if (mapping.length === 0) return html``;
  const withValue = mapping.some((link) => link.value !== undefined);
  const omitted = neighbor.mappingOmitted ?? 0;
  return html`<table class="mapping">
<tr><th>${columns.a}</th><th>${columns.b}</th>${withValue && html`<th>Common value</th>`}</tr>
${mapping.map((link) => linkRow(link, withValue))}
</table>
${omitted > 0 && html`<p class="more">${omitted} more condition pairs not shown.</p>`}`;
}

function linkRow(link: ConditionLink, withValue: boolean): Html {
  const value = link.value === undefined ? '' : scalarText(link.value);
  return html`<tr><td>${condition(link.a)}</td><td>${condition(link.b)}</td>${
    withValue && html`<td><code>${value}</code></td>`
  }</tr>`;
}

function condition(text: ConditionText): Html {
  return html`<code>${text.written}</code><span class="canonical">${text.canonical}</span>`;
}
