// The page comparing two rules: both side by side with their stages and predicates (written and
// canonical), their relation computed for this pair, and how their conditions meet.

import type { Neighbor } from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { comparePath, rulePath } from '../link.js';
import { mappingTable } from '../rule-page/condition-mapping.js';
import { ruleName } from '../rule-name.js';
import { SOURCE_NAMES } from '../source-names.js';
import type { ComparedRule, ComparedStage, CompareJson } from './compare-json.js';

export function comparePage(compared: CompareJson): Html {
  const { a, b } = compared;
  const title = `Compare ${a.title || a.id} with ${b.title || b.id}`;
  return layout({
    title,
    body: html`<article>
<nav class="breadcrumb"><a href="/">Detection rules</a> › Compare</nav>
<h1>Compare two rules</h1>
<p>${headline(compared)}</p>
<p class="muted"><a href="${comparePath(b.id, a.id)}">Swap the two rules</a> ·
<a href="/api${comparePath(a.id, b.id)}">JSON</a></p>
${relationSection(compared)}
<h2>The two rules</h2>
<div class="compare">
${ruleColumn('A', a)}
${ruleColumn('B', b)}
</div>
</article>`,
  });
}

function headline({ relation, notCompared }: CompareJson): string {
  const reasons = [
    notCompared.a && `rule A cannot be compared: ${notCompared.a}`,
    notCompared.b && `rule B cannot be compared: ${notCompared.b}`,
  ].filter((reason) => reason);
  if (reasons.length > 0) return `No relation can be shown: ${reasons.join('; ')}.`;
  switch (relation) {
    case 'equivalent':
      return 'A and B match exactly the same events: each is proven broader than the other.';
    case 'broader':
      return 'A is broader than B: A matches every event B matches, and more.';
    case 'narrower':
      return 'A is narrower than B: B matches every event A matches, and more.';
    case 'overlapping':
      return 'A and B overlap: at least one event matches both, and neither is broader.';
    case 'none':
      return `No relation was shown between A and B: neither is proven broader, and no common
event was found. That is not a proof that they are unrelated.`;
  }
}

function relationSection(compared: CompareJson): Html {
  const { aBroader, bBroader, overlap } = compared;
  if (!aBroader && !bBroader && !overlap) return html``;
  return html`<h2>Why</h2>
${aBroader && proof('A is broader than B', aBroader, "A's condition", "Implied by B's condition")}
${bBroader && proof('B is broader than A', bBroader, "B's condition", "Implied by A's condition")}
${overlap && proof('A and B share an event', overlap, "A's condition", "B's condition")}`;
}

function proof(heading: string, neighbor: Neighbor, a: string, b: string): Html {
  return html`<h3>${heading}</h3>
<p>${neighbor.reason}</p>
${mappingTable(neighbor, { a, b })}`;
}

function ruleColumn(letter: string, rule: ComparedRule): Html {
  return html`<section>
<h3>${letter}: <a href="${rulePath(rule.id)}">${ruleName(rule.title, rule.id)}</a></h3>
<p class="muted">${SOURCE_NAMES[rule.source] ?? rule.source} · <code>${rule.id}</code></p>
${rule.stages.map(stageBlock)}
</section>`;
}

function stageBlock(stage: ComparedStage): Html {
  return html`<section class="stage">
<h3>Stage ${stage.index}: <code>${stage.command}</code>
<span class="badge effect">${stage.effect}</span></h3>
<pre>${stage.text}</pre>
${stage.predicates.length > 0 && html`<table class="mapping">
<tr><th>Predicate as written</th><th>Canonical</th></tr>
${stage.predicates.map(
  (p) => html`<tr><td>${p.negated && html`<span class="badge negated">NOT</span> `}<code>${
    p.written
  }</code></td><td><code>${p.canonical}</code></td></tr>`,
)}
</table>`}
${stage.predicatesOmitted > 0 &&
  html`<p class="more">${stage.predicatesOmitted} more predicates not shown.</p>`}
</section>`;
}
