// How pages show a count of rules per source: in a line of text, or as a table whose rows lead
// to the list of one source's rules.

import type { SourceName } from '../../ir/index.js';
import type { RuleCount } from '../../store/rule-count.js';
import { html, type Html } from '../html.js';
import { SOURCE_NAMES } from '../source-names.js';

/** `Splunk 100 · Sigma 8`; empty when no rule counts. */
export function bySourceText(count: RuleCount): string {
  return (Object.entries(count.bySource) as [SourceName, number][])
    .map(([source, n]) => `${SOURCE_NAMES[source] ?? source} ${n.toLocaleString('en-US')}`)
    .join(' · ');
}

export function rulesText(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'rule' : 'rules'}`;
}

/**
 * One row per source with its rules, linking to that source's list, and a row for all; the
 * source the list keeps to now is marked.
 */
export function sourceCountTable(
  count: RuleCount,
  hrefFor: (source?: SourceName) => string,
  current: SourceName | undefined,
): Html {
  const rows = Object.entries(count.bySource) as [SourceName, number][];
  return html`<table class="summary">
<thead><tr><th>Source</th><th class="number">Rules</th></tr></thead>
<tbody>
${rows.map(
  ([source, n]) => html`<tr><td>${placeLink(SOURCE_NAMES[source] ?? source, hrefFor(source),
    current === source)}</td><td class="number">${n.toLocaleString('en-US')}</td></tr>`,
)}
<tr><td>${placeLink('All sources', hrefFor(undefined), current === undefined)}</td>
<td class="number">${count.total.toLocaleString('en-US')}</td></tr>
</tbody>
</table>`;
}

function placeLink(text: string, href: string, here: boolean): Html {
  if (here) return html`<strong>${text}</strong> <span class="muted">(listed below)</span>`;
  return html`<a href="${href}">${text}</a>`;
}
