// "Indicators": each field, kind of comparison and values the rule matches, with how many other
// rules in the catalog look for the same thing; values past the page's budget are counted.

import type {
  AnalyzedRule,
  CorpusCount,
  Indicator,
  IndicatorValue,
  SourceName,
} from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { ruleJsonPath } from '../link.js';
import { indicatorValuePath } from '../pages/key-links.js';
import { caseText, scalarText } from '../predicate-text.js';
import { caseBadge } from './predicate-tree.js';
import { SOURCE_NAMES } from '../source-names.js';
import { MAX_SHOWN_INDICATOR_VALUES, ShownBudget } from './shown-budget.js';

export function indicatorsSection(rule: AnalyzedRule): Html {
  const { indicators } = rule;
  return html`<section id="indicators">
<h2>Indicators</h2>
<p class="explain">Each row is something this rule looks for: a field, the kind of comparison,
and the values it compares against, as the rule writes them; in grey, the same in the
vocabulary all sources share (ECS field names, a path's last segment as the file name) where
that differs. The corpus figure after a value counts how many <em>other</em> rules in this
catalog, from any source, look for the same shared field, kind and value, letter case aside,
in total and per source. A value that many rules share is a well-trodden indicator the
community agrees on; a value without a figure is particular to this rule. Values without
letters (event codes, address ranges) carry no case mark: letter case cannot change them.</p>
${indicators.length === 0
  ? html`<p class="none">No field comparison was found in this rule's filters.</p>`
  : indicatorTable(indicators, new ShownBudget(MAX_SHOWN_INDICATOR_VALUES, ruleJsonPath(rule.id)))}
</section>`;
}

/** One row per indicator while the budget lasts; the rows past it are counted below. */
function indicatorTable(indicators: Indicator[], budget: ShownBudget): Html {
  const rows: Html[] = [];
  let hidden = 0;
  for (const indicator of indicators) {
    const shown = budget.takeUpTo(indicator.values.length);
    // An indicator without values (a field that must exist) costs nothing and is always drawn.
    if (shown === 0 && indicator.values.length > 0) hidden++;
    else rows.push(indicatorRow(indicator, shown, budget));
  }
  return html`<table>
<thead><tr><th>Field</th><th>Kind</th><th>Values</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${hidden > 0 &&
html`<p class="more">${budget.more(hidden, hidden === 1 ? 'indicator' : 'indicators')}</p>`}`;
}

function indicatorRow(i: Indicator, shown: number, budget: ShownBudget): Html {
  const left = i.values.length - shown;
  return html`<tr>
  <td><code>${i.field}</code>
    ${i.canonicalField !== i.field && html`<br><span class="muted">${i.canonicalField}</span>`}</td>
  <td>${i.op} ${i.negated && html`<span class="badge negated">excluded</span>`}
    ${caseBadge(caseText(i.caseSensitive, i.op, i.values.map((v) => v.value)))}
    ${i.canonicalOp !== undefined && html`<br><span class="muted">${i.canonicalOp}</span>`}</td>
  <td><ul class="values">${i.values.slice(0, shown).map((v) => valueItem(i, v))}
${left > 0 && html`<li class="more">${budget.more(left, left === 1 ? 'value' : 'values')}</li>`}
</ul></td>
</tr>`;
}

/** The value as written, linked to the page of the canonical indicator it counts under. */
function valueItem(i: Indicator, v: IndicatorValue): Html {
  const href = indicatorValuePath(i, v);
  const code = html`<code>${scalarText(v.value)}</code>`;
  const value = href === null ? code : html`<a href="${href}">${code}</a>`;
  return html`<li>${value}${canonicalNote(v)}${corpusNote(v.corpus)}</li>`;
}

/** The value in the shared vocabulary, where it is written otherwise. */
function canonicalNote(v: IndicatorValue): Html {
  if (v.canonical === undefined) return html``;
  return html` <span class="muted">as <code>${scalarText(v.canonical)}</code></span>`;
}

function corpusNote(corpus: CorpusCount): Html {
  if (corpus.total === 0) return html``;
  const bySource = (Object.entries(corpus.bySource) as [SourceName, number][])
    .filter(([, n]) => n > 0)
    .map(([source, n]) => `${SOURCE_NAMES[source] ?? source} ${n}`)
    .join(', ');
  return html`<span class="corpus">corpus ${corpus.total}${bySource && ` (${bySource})`}</span>`;
}
