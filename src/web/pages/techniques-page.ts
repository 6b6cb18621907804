// The index of ATT&CK techniques the rules name, each sub-technique right under its parent.

import type { Page, TechniqueSummary } from '../../store/catalog.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { techniquePath, techniquesPath } from './key-links.js';
import { pager } from './pager.js';
import { bySourceText } from './rule-counts.js';

// LIMITATION: pages break by row count, so one may end between a parent and its sub-techniques —
// the next page goes on with the sub-techniques without repeating the parent.
export function techniquesPage(page: Page<TechniqueSummary>): Html {
  return layout({
    title: 'ATT&CK techniques',
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a> › ATT&amp;CK techniques</nav>
<h1>ATT&amp;CK techniques</h1>
<p class="explain">The MITRE ATT&amp;CK techniques the rules name in their metadata, each
sub-technique under its parent. “Rules” counts the rules naming the technique itself; “with
sub-techniques” counts those naming it or any of its sub-techniques.</p>
<p class="muted">${page.total.toLocaleString('en-US')} techniques and sub-techniques.</p>
${page.items.length === 0
  ? html`<p class="none">No rule in this catalog names an ATT&amp;CK technique.</p>`
  : html`<table>
<thead><tr><th>Technique</th><th>Tactics</th><th class="number">Rules</th>
<th class="number">With sub-techniques</th><th>By source</th></tr></thead>
<tbody>
${page.items.map(techniqueRow)}
</tbody>
</table>`}
${pager(page, (n) => techniquesPath({ page: n, pageSize: page.pageSize }))}
</section>`,
  });
}

function techniqueRow(t: TechniqueSummary): Html {
  const sub = t.parent !== null;
  return html`<tr>
  <td>${sub && html`<span class="muted">↳</span> `}
    <a href="${techniquePath(t.id)}"><code>${t.id}</code></a> ${techniqueName(t)}</td>
  <td>${t.tactics.map((tactic) => tactic.name).join(', ')}</td>
  <td class="number">${t.rules.total.toLocaleString('en-US')}</td>
  <td class="number">${sub ? '' : t.withSubtechniques.total.toLocaleString('en-US')}</td>
  <td>${bySourceText(t.withSubtechniques)}</td>
</tr>`;
}

/** The name, or a mark when unknown, and a badge when the data does not define the id. */
export function techniqueName(t: Pick<TechniqueSummary, 'name' | 'known'>): Html {
  return html`${t.name === null ? html`<span class="unknown-name">name unknown</span>` : t.name}
${!t.known && html`<span class="badge unknown" title="This technique is not in the ATT&amp;CK data
ruledex knows, or was revoked or deprecated there.">not in ATT&amp;CK data</span>`}`;
}
