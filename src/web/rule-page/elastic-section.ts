// "Data and setup" for Elastic rules and hunting queries: the integrations and event fields they
// need, their setup instructions, and for a hunting query that it is one, with its notes.

import type { AnalyzedRule, RelatedIntegration } from '../../ir/index.js';
import type { RequiredField } from '../../lower/elastic/required-fields.js';
import { html, type Html } from '../html.js';
import { elasticJson } from '../rule-json.js';

export function elasticSection(rule: AnalyzedRule): Html {
  const facts = elasticJson(rule);
  if (facts === null) return html``;
  const hunting = rule.source === 'elastic-hunting';
  return html`<section id="elastic">
<h2>Data and setup</h2>
${hunting &&
html`<p class="banner" role="note"><span class="badge">hunting query</span> Elastic's hunting
queries are run by hand to look for leads; they raise no alerts.</p>`}
${hunting && notes(facts.notes)}
<h3>Integrations</h3>
${integrations(facts.integrations)}
<h3>Required fields</h3>
${requiredFields(facts.requiredFields)}
${!hunting && setup(facts.setup)}
</section>`;
}

function notes(list: string[]): Html {
  return html`<h3>Notes</h3>
${list.length === 0
  ? html`<p class="none">None given.</p>`
  : html`<ul class="plain">${list.map((note) => html`<li>${note}</li>`)}</ul>`}`;
}

function integrations(list: RelatedIntegration[]): Html {
  if (list.length === 0) return html`<p class="none">None named.</p>`;
  return html`<table>
<thead><tr><th>Package</th><th>Data stream</th></tr></thead>
<tbody>
${list.map(
  (entry) => html`<tr><td><code>${entry.package}</code></td>
<td>${entry.integration === null
    ? html`<span class="muted">any of the package</span>`
    : html`<code>${entry.integration}</code>`}</td></tr>`,
)}
</tbody>
</table>`;
}

function requiredFields(list: RequiredField[]): Html {
  if (list.length === 0) return html`<p class="none">No event field is read.</p>`;
  return html`<details>
<summary>${list.length} ${list.length === 1 ? 'field' : 'fields'} read from events</summary>
<table>
<thead><tr><th>Field</th><th>Type</th><th>ECS</th></tr></thead>
<tbody>
${list.map(
  (field) => html`<tr><td><code>${field.name}</code></td>
<td>${field.type ?? html`<span class="unknown-name">not in the schemas</span>`}</td>
<td>${field.ecs ? 'yes' : 'no'}</td></tr>`,
)}
</tbody>
</table>
</details>`;
}

/** Setup is Markdown from the rule file: shown as escaped text, never as markup. */
function setup(text: string | null): Html {
  if (text === null) return html`<h3>Setup</h3><p class="none">None given.</p>`;
  return html`<h3>Setup</h3>
<details><summary>Setup instructions</summary><pre class="setup">${text}</pre></details>`;
}
