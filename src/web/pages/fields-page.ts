// The index of canonical fields: every field the catalog's rules compare, the most used first.

import type { FieldSummary, Page } from '../../store/catalog.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { fieldPath, fieldsPath } from './key-links.js';
import { pager } from './pager.js';
import { bySourceText } from './rule-counts.js';

export function fieldsPage(page: Page<FieldSummary>): Html {
  return layout({
    title: 'Canonical fields',
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a> › Canonical fields</nav>
<h1>Canonical fields</h1>
<p class="explain">Every field the rules compare, under its canonical name: the ECS name where
ruledex maps the vendor's name, otherwise the name as written. Fields compared by the most rules
come first; a field's page lists the names each source writes it with and its indicators.</p>
<p class="muted">${page.total.toLocaleString('en-US')} fields.</p>
${page.items.length === 0
  ? html`<p class="none">No rule in this catalog compares a field.</p>`
  : html`<table>
<thead><tr><th>Field</th><th class="number">Rules</th><th>By source</th>
<th class="number">Indicators</th></tr></thead>
<tbody>
${page.items.map(
  (f) => html`<tr><td><a href="${fieldPath(f.field)}"><code>${f.field}</code></a></td>
  <td class="number">${f.rules.total.toLocaleString('en-US')}</td>
  <td>${bySourceText(f.rules)}</td>
  <td class="number">${f.indicators.toLocaleString('en-US')}</td></tr>`,
)}
</tbody>
</table>`}
${pager(page, (n) => fieldsPath({ page: n, pageSize: page.pageSize }))}
</section>`,
  });
}
