// "Indicators": each field, kind of comparison and values the rule matches, with how many other
// rules in the catalog look for the same thing.

import type { CorpusCount, Indicator, IndicatorValue, SourceName } from '../../ir/index.js';
import { html, type Html } from '../html.js';
import { caseText, scalarText } from '../predicate-text.js';
import { SOURCE_NAMES } from '../source-names.js';

export function indicatorsSection(indicators: Indicator[]): Html {
  return html`<section id="indicators">
<h2>Indicators</h2>
<p class="explain">Each row is something this rule looks for: a field, the kind of comparison,
and the values it compares against. The corpus figure after a value counts how many
<em>other</em> rules in this catalog look for the same field, kind and value, in total and per
source. A value that many rules share is a well-trodden indicator the community agrees on; a
value without a figure is particular to this rule.</p>
${indicators.length === 0
  ? html`<p class="none">No field comparison was found in this rule's filters.</p>`
  : html`<table>
<thead><tr><th>Field</th><th>Kind</th><th>Values</th></tr></thead>
<tbody>
${indicators.map(
  (i) => html`<tr>
  <td><code>${i.field}</code>
    ${i.canonicalField !== i.field && html`<br><span class="muted">${i.canonicalField}</span>`}</td>
  <td>${i.op} ${i.negated && html`<span class="badge negated">excluded</span>`}
    <span class="badge">${caseText(i.caseSensitive)}</span></td>
  <td><ul class="values">${i.values.map(valueItem)}</ul></td>
</tr>`,
)}
</tbody>
</table>`}
</section>`;
}

function valueItem(v: IndicatorValue): Html {
  return html`<li><code>${scalarText(v.value)}</code>${corpusNote(v.corpus)}</li>`;
}

function corpusNote(corpus: CorpusCount): Html {
  if (corpus.total === 0) return html``;
  const bySource = (Object.entries(corpus.bySource) as [SourceName, number][])
    .filter(([, n]) => n > 0)
    .map(([source, n]) => `${SOURCE_NAMES[source] ?? source} ${n}`)
    .join(', ');
  return html`<span class="corpus">corpus ${corpus.total}${bySource && ` (${bySource})`}</span>`;
}
