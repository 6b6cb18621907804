// "Neighbors": rules proven broader, narrower or equivalent, and rules sharing an event with this
// one, each with the reason, how the conditions meet, and a link to compare the two.

import type { AnalyzedRule, Neighbor } from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { comparePath, rulePath } from '../link.js';
import { ruleName } from '../rule-name.js';
import { SOURCE_NAMES } from '../source-names.js';
import { mappingTable, type MappingColumns } from './condition-mapping.js';

interface Relation {
  heading: string;
  explain: string;
  none: string;
  columns: MappingColumns;
}

const BROADER: Relation = {
  heading: 'Broader alternatives',
  explain: `These rules match every event this rule matches, and more: wider coverage, at the
price of more alerts to triage.`,
  none: 'No broader rule was found in this catalog.',
  columns: { a: 'Its condition', b: "Implied by this rule's condition" },
};

const NARROWER: Relation = {
  heading: 'Narrower variants',
  explain: `These rules match only part of what this rule matches: tighter, usually quieter, and
they may miss what this rule catches.`,
  none: 'No narrower rule was found in this catalog.',
  columns: { a: "This rule's condition", b: 'Implied by its condition' },
};

const EQUIVALENT: Relation = {
  heading: 'Equivalent rules',
  explain: `These rules match exactly the events this rule matches, proven both ways: candidates
for de-duplication.`,
  none: 'No equivalent rule was found in this catalog.',
  columns: { a: 'Its condition', b: "Implied by this rule's condition" },
};

const OVERLAPPING: Relation = {
  heading: 'Overlapping rules',
  explain: `These rules require a condition this rule also requires, and at least one event
matches both, but neither is broader: they catch some of the same activity.`,
  none: 'No overlapping rule was found in this catalog.',
  columns: { a: "This rule's condition", b: 'Its condition on the same field' },
};

export function neighborsSection(rule: AnalyzedRule): Html {
  const { broader, narrower, equivalent = [], overlapping = [] } = rule.neighbors;
  return html`<section id="neighbors">
<h2>Neighbors</h2>
<p class="explain">A rule is listed here only when the relation was proven on the predicate
trees; pairs that could not be decided are left out rather than guessed. Each list shows the
closest rules first, at most 20.</p>
${relationList(rule, EQUIVALENT, equivalent)}
${relationList(rule, BROADER, broader)}
${relationList(rule, NARROWER, narrower)}
${relationList(rule, OVERLAPPING, overlapping)}
</section>`;
}

function relationList(rule: AnalyzedRule, relation: Relation, neighbors: Neighbor[]): Html {
  const items = neighbors.map((n) => neighborItem(rule, relation, n));
  return html`<h3>${relation.heading}</h3>
<p class="explain">${relation.explain}</p>
${neighbors.length === 0
  ? html`<p class="none">${relation.none}</p>`
  : html`<ul class="plain neighbors">
${items}
</ul>`}`;
}

function neighborItem(rule: AnalyzedRule, relation: Relation, n: Neighbor): Html {
  const links = (n.mapping?.length ?? 0) + (n.mappingOmitted ?? 0);
  return html`<li><a href="${rulePath(n.id)}">${ruleName(n.title, n.id)}</a>
<span class="muted">(${SOURCE_NAMES[n.source] ?? n.source}, <code>${n.id}</code>)</span>
<a href="${comparePath(rule.id, n.id)}">compare</a>${closenessText(n)}<br>
${n.reason}
${links > 0 && html`<details><summary>Condition mapping (${links})</summary>
${mappingTable(n, relation.columns)}
</details>`}</li>`;
}

function closenessText(n: Neighbor): Html {
  if (!n.closeness) return html``;
  const { measure, value } = n.closeness;
  if (measure === 'shared-atoms') {
    const shared = `${Math.round(value * 100)}% of required conditions shared`;
    return html` <span class="badge">${shared}</span>`;
  }
  const added = value === 1 ? '1 added condition' : `${value} added conditions`;
  return html` <span class="badge">${added}</span>`;
}
