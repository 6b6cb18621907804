// The page of one ATT&CK technique: its name and tactics, its sub-techniques with their rules,
// and the rules naming the technique itself, source by source.

import type { SourceName } from '../../ir/index.js';
import type { TechniqueDetail, TechniqueSummary } from '../../store/catalog.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { techniquePath, techniquesPath } from './key-links.js';
import { pager } from './pager.js';
import { bySourceText, rulesText, sourceCountTable } from './rule-counts.js';
import { rulesBySource } from './rules-by-source.js';
import { techniqueName } from './techniques-page.js';

export function techniquePage(detail: TechniqueDetail, source: SourceName | undefined): Html {
  const { summary: t, subtechniques, page } = detail;
  const listPath = (place: { source?: SourceName; page?: number }) =>
    techniquePath(t.id, { ...place, pageSize: page.pageSize });
  return layout({
    title: `${t.id} ${t.name ?? ''}`.trim(),
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a> ›
  <a href="${techniquesPath()}">ATT&amp;CK techniques</a> ›
  ${t.parent !== null && html`<a href="${techniquePath(t.parent)}">${t.parent}</a> ›`}
  ${t.id}</nav>
<h1><code>${t.id}</code> ${techniqueName(t)}</h1>
<dl class="facts">
  <dt>Tactics</dt>
  <dd>${t.tactics.length === 0
    ? html`<span class="muted">none known</span>`
    : t.tactics.map((tactic, i) => html`${i > 0 && ', '}${tactic.name}
${tactic.id !== null && html`<span class="muted">${tactic.id}</span>`}`)}</dd>
  ${t.parent !== null &&
  html`<dt>Sub-technique of</dt><dd><a href="${techniquePath(t.parent)}">${t.parent}</a></dd>`}
</dl>
${t.parent === null && subtechniqueSection(t, subtechniques)}
<h2>Rules naming ${t.id}</h2>
${t.rules.total === 0
  ? html`<p class="none">No rule names ${t.id} itself; the rules above name its
sub-techniques.</p>`
  : html`<p>${rulesText(t.rules.total)} name this technique itself.</p>
${sourceCountTable(t.rules, (s) => listPath({ source: s }), source)}
${rulesBySource(page.items)}
${pager(page, (n) => listPath({ source, page: n }))}`}
</section>`,
  });
}

function subtechniqueSection(t: TechniqueSummary, subtechniques: TechniqueSummary[]): Html {
  return html`<h2>Sub-techniques</h2>
<p>${rulesText(t.withSubtechniques.total)} name ${t.id} or one of its sub-techniques
(${bySourceText(t.withSubtechniques)}).</p>
${subtechniques.length === 0
  ? html`<p class="none">No rule names a sub-technique of ${t.id}.</p>`
  : html`<table>
<thead><tr><th>Sub-technique</th><th class="number">Rules</th><th>By source</th></tr></thead>
<tbody>
${subtechniques.map(
  (sub) => html`<tr><td><a href="${techniquePath(sub.id)}"><code>${sub.id}</code></a>
  ${techniqueName(sub)}</td>
  <td class="number">${sub.rules.total.toLocaleString('en-US')}</td>
  <td>${bySourceText(sub.rules)}</td></tr>`,
)}
</tbody>
</table>`}`;
}
