// The home page: what the catalog holds per source, how much of it was fully parsed, and search.

import type { BuildSummary, CatalogSource, SourceName, SourceSummary } from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { sourcePath } from '../link.js';
import { publishedSource } from '../published-source.js';
import { MAX_SEARCH_LENGTH } from '../request-bounds.js';
import { SOURCE_NAMES } from '../source-names.js';
import { eventsPath, fieldsPath, techniquesPath } from './key-links.js';

export function homePage(summary: BuildSummary, sources: CatalogSource[]): Html {
  const rows = Object.entries(summary.sources) as [SourceName, SourceSummary][];
  return layout({
    title: 'Detection rules',
    body: html`<section class="panel">
<h1>Detection rules</h1>
<p>${summary.rules.toLocaleString('en-US')} rules from ${rows.length} sources, each split into
stages and predicates, with ATT&amp;CK and event coverage, indicators and neighbors.</p>
<form action="/search" method="get" role="search">
  <input type="search" name="q" maxlength="${MAX_SEARCH_LENGTH}" aria-label="Search rules"
    placeholder="Search titles, descriptions, queries">
  <button type="submit">Search</button>
</form>
<p>Browse the rules by <a href="${fieldsPath()}">canonical field</a>,
<a href="${eventsPath()}">event</a> or <a href="${techniquesPath()}">ATT&amp;CK technique</a>.</p>
<h2>Sources</h2>
${rows.length === 0 ? html`<p class="none">This catalog has no sources.</p>` : sourceTable(rows)}
<p class="explain">A rule is fully parsed when every stage and predicate of its query was
understood; the others show what was not understood on their pages. Failed documents could not
be read at all: <a href="/failures">see why</a>.</p>
${sources.length > 0 && repositoryList(sources)}
<p class="muted">Built in ${summary.seconds.toFixed(1)} s.</p>
</section>`,
  });
}

function sourceTable(rows: [SourceName, SourceSummary][]): Html {
  return html`<table class="summary">
<thead><tr><th>Source</th><th class="number">Rule files</th><th class="number">Documents</th>
<th class="number">Rules</th><th class="number">Failed</th>
<th class="number">With diagnostics</th><th class="number">Fully parsed</th></tr></thead>
<tbody>
${rows.map(
  ([source, s]) => html`<tr>
  <td><a href="${sourcePath(source)}">${SOURCE_NAMES[source] ?? source}</a></td>
  <td class="number">${s.files}</td>
  <td class="number">${s.documents}</td>
  <td class="number">${s.rules}</td>
  <td class="number">${s.failed}</td>
  <td class="number">${s.withDiagnostics}</td>
  <td class="number">${s.fullyParsed} (${percent(s.fullyParsed, s.rules)})</td>
</tr>`,
)}
</tbody>
</table>`;
}

function repositoryList(sources: CatalogSource[]): Html {
  return html`<h2>Repositories</h2>
<ul class="plain">
${sources.map(
  (s) => html`<li>${SOURCE_NAMES[s.source] ?? s.source}: <code>${publishedSource(s).root}</code>
  ${s.commit ? html`at commit <code>${s.commit}</code>` : html`(commit unknown)`}</li>`,
)}
</ul>`;
}

function percent(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${((100 * part) / whole).toFixed(1)}%`;
}
