// "Metadata": status, level, type, dates, tags, references and known false positives.

import type { AnalyzedRule } from '../../ir/index.js';
import { html, type Html, type HtmlValue } from '../html.js';
import { externalHref } from '../link.js';

export function metadataSection(rule: AnalyzedRule): Html {
  return html`<section id="metadata">
<h2>Metadata</h2>
<dl class="facts">
  ${fact('Upstream id', html`<code>${rule.upstreamId}</code>`)}
  ${fact('Status', rule.status)}
  ${fact('Level', rule.level)}
  ${fact('Type', rule.type)}
  ${fact('Created', rule.created)}
  ${fact('Modified', rule.modified)}
  ${fact('Tags', rule.tags.length > 0 && rule.tags.map((t) => html`<code>${t}</code> `))}
  ${fact('Techniques named', rule.techniques.length > 0 && rule.techniques.join(', '))}
  ${fact('Data sources', rule.dataSources.length > 0 && rule.dataSources.join(', '))}
</dl>
<h3>References</h3>
${rule.references.length === 0
  ? html`<p class="none">None given.</p>`
  : html`<ul class="plain">${rule.references.map((r) => html`<li>${reference(r)}</li>`)}</ul>`}
<h3>False positives</h3>
${rule.falsePositives.length === 0
  ? html`<p class="none">None given.</p>`
  : html`<ul class="plain">${rule.falsePositives.map((f) => html`<li>${f}</li>`)}</ul>`}
</section>`;
}

function fact(term: string, value: HtmlValue): Html {
  const empty = value === null || value === undefined || value === false || value === '';
  return html`<dt>${term}</dt><dd>${empty ? html`<span class="muted">—</span>` : value}</dd>`;
}

/** A reference is linked only when it is a plain web address; anything else stays text. */
function reference(text: string): Html {
  const href = externalHref(text);
  return href === null ? html`${text}` : html`<a href="${href}" rel="noreferrer">${text}</a>`;
}
