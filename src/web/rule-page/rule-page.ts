// The rule page: every section of the reference page, in its order, then the original query,
// diagnostics and metadata.

import type { AnalyzedRule } from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { externalHref, sourcePath } from '../link.js';
import { ruleName, ruleNameText } from '../rule-name.js';
import { SOURCE_NAMES } from '../source-names.js';
import { attackSection } from './attack-section.js';
import { diagnosticsSection } from './diagnostics-section.js';
import { elasticSection } from './elastic-section.js';
import { eventsSection } from './events-section.js';
import { indicatorsSection } from './indicators-section.js';
import { metadataSection } from './metadata-section.js';
import { neighborsSection } from './neighbors-section.js';
import { querySection } from './query-section.js';
import { referencesSection } from './references-section.js';
import { stagesSection } from './stages-section.js';

export function rulePage(rule: AnalyzedRule): Html {
  const sourceName = SOURCE_NAMES[rule.source] ?? rule.source;
  return layout({
    title: ruleNameText(rule.title, rule.id),
    body: html`<article class="rule">
<nav class="breadcrumb"><a href="/">Detection rules</a> ›
  <a href="${sourcePath(rule.source)}">${sourceName}</a></nav>
<h1>${ruleName(rule.title, rule.id)}</h1>
${rule.deprecated &&
html`<p class="banner" role="note"><strong>Deprecated.</strong> The upstream repository marks
this rule as deprecated; it is kept in the catalog for reference.</p>`}
<dl class="facts">
  <dt>${rule.authors.length > 1 ? 'Authors' : 'Author'}</dt>
  <dd>${rule.authors.length > 0 ? rule.authors.join(', ') : html`<span class="muted">—</span>`}
  </dd>
  <dt>Source</dt>
  <dd>${sourceName} · ${upstreamLink(rule.url)} · <code>${rule.file}:${rule.line}</code></dd>
  <dt>Catalog id</dt>
  <dd><code>${rule.id}</code></dd>
  <dt>Parsed</dt>
  <dd>${rule.fullyParsed
    ? 'fully: every stage and predicate was understood'
    : html`<span class="badge opaque">partly</span> see the marked parts and the diagnostics`}</dd>
</dl>
${description(rule.description)}
${elasticSection(rule)}
${attackSection(rule.attack)}
${eventsSection(rule.events)}
${stagesSection(rule)}
${referencesSection(rule)}
${indicatorsSection(rule)}
${neighborsSection(rule)}
${querySection(rule)}
${diagnosticsSection(rule.diagnostics)}
${metadataSection(rule)}
</article>`,
  });
}

function upstreamLink(url: string | null): Html {
  const href = externalHref(url);
  if (href === null) return html`<span class="muted">no upstream link</span>`;
  return html`<a href="${href}" rel="noreferrer">upstream file</a>`;
}

/** Paragraphs are kept as the rule author separated them, by blank lines. */
function description(text: string): Html {
  const paragraphs = text.split('\n\n').map((p) => p.trim()).filter((p) => p !== '');
  if (paragraphs.length === 0) return html`<p class="none">No description.</p>`;
  return html`<div class="description">${paragraphs.map((p) => html`<p>${p}</p>`)}</div>`;
}
