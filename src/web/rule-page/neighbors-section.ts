// "Neighbors": rules proven broader or narrower than this one, each with the reason.

import type { AnalyzedRule, Neighbor } from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { rulePath } from '../link.js';
import { ruleName } from '../rule-name.js';
import { SOURCE_NAMES } from '../source-names.js';

export function neighborsSection(rule: AnalyzedRule): Html {
  const { broader, narrower } = rule.neighbors;
  return html`<section id="neighbors">
<h2>Neighbors</h2>
<p class="explain">A rule is listed here only when the relation was proven on the predicate
trees; pairs that could not be decided are left out rather than guessed.</p>
<h3>Broader alternatives</h3>
<p class="explain">These rules match every event this rule matches, and more: wider coverage,
at the price of more alerts to triage.</p>
${neighborList(broader, 'No broader rule was found in this catalog.')}
<h3>Narrower variants</h3>
<p class="explain">These rules match only part of what this rule matches: tighter, usually
quieter, and they may miss what this rule catches.</p>
${neighborList(narrower, 'No narrower rule was found in this catalog.')}
</section>`;
}

function neighborList(neighbors: Neighbor[], none: string): Html {
  if (neighbors.length === 0) return html`<p class="none">${none}</p>`;
  return html`<ul class="plain">
${neighbors.map(
  (n) => html`<li><a href="${rulePath(n.id)}">${ruleName(n.title, n.id)}</a>
<span class="muted">(${SOURCE_NAMES[n.source] ?? n.source}, <code>${n.id}</code>)</span><br>
${n.reason}</li>`,
)}
</ul>`;
}
