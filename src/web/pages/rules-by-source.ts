// A page of rules shown source by source: a heading per source, then that source's rules.

import type { SourceName } from '../../ir/index.js';
import type { RuleListing } from '../../store/catalog.js';
import { html, type Html } from '../html.js';
import { SOURCE_NAMES } from '../source-names.js';
import { ruleTable } from './rule-table.js';

/** Items in runs of one source, in the order given (the store lists them source by source). */
export function groupedBySource<T>(
  items: T[],
  sourceOf: (item: T) => SourceName,
): [SourceName, T[]][] {
  const groups: [SourceName, T[]][] = [];
  for (const item of items) {
    const source = sourceOf(item);
    const last = groups[groups.length - 1];
    if (last && last[0] === source) last[1].push(item);
    else groups.push([source, [item]]);
  }
  return groups;
}

export function rulesBySource(rules: RuleListing[]): Html {
  if (rules.length === 0) return html`<p class="none">No rules on this page.</p>`;
  return html`${groupedBySource(rules, (r) => r.source).map(
    ([source, listed]) => html`<h3>${SOURCE_NAMES[source] ?? source}</h3>
${ruleTable(listed)}`,
  )}`;
}
