// The table of rules that listings and search results share.

import { html, type Html } from '../html.js';
import { rulePath } from '../link.js';
import { ruleName } from '../rule-name.js';
import { SOURCE_NAMES } from '../source-names.js';
import type { RuleListing } from '../../store/catalog.js';

export function ruleTable(rules: RuleListing[]): Html {
  if (rules.length === 0) return html`<p class="none">No rules here.</p>`;
  return html`<table class="rules">
<thead><tr><th>Title</th><th>Source</th><th>Status</th><th>Level</th><th>Parsed</th></tr></thead>
<tbody>
${rules.map(
  (r) => html`<tr>
  <td><a href="${rulePath(r.id)}">${ruleName(r.title, r.id)}</a>
    ${r.deprecated && html` <span class="badge deprecated">deprecated</span>`}
    <br><code class="muted">${r.id}</code></td>
  <td>${SOURCE_NAMES[r.source] ?? r.source}</td>
  <td>${r.status ?? '—'}</td>
  <td>${r.level ?? '—'}</td>
  <td>${r.fullyParsed ? 'fully' : html`<span class="badge opaque">partly</span>`}</td>
</tr>`,
)}
</tbody>
</table>`;
}
