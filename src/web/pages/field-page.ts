// The page of one canonical field: the names each source writes it with, and its indicators
// (operator and value) with the rules that use each.

import type { FieldIndicator, FieldSummary, Page, WrittenField } from '../../store/catalog.js';
import { MAX_WRITTEN_FIELDS } from '../../store/field-queries.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { operandText } from '../predicate-text.js';
import { SOURCE_NAMES } from '../source-names.js';
import { fieldPath, fieldRulesPath, fieldsPath, indicatorPath } from './key-links.js';
import { pager } from './pager.js';
import { bySourceText, rulesText } from './rule-counts.js';

export interface FieldView {
  field: FieldSummary;
  writtenFields: WrittenField[];
  indicators: Page<FieldIndicator>;
}

export function fieldPage({ field, writtenFields, indicators }: FieldView): Html {
  const name = field.field;
  return layout({
    title: `Field ${name}`,
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a> ›
  <a href="${fieldsPath()}">Canonical fields</a> › ${name}</nav>
<h1><code>${name}</code></h1>
<p>${rulesText(field.rules.total)} compare this field (${bySourceText(field.rules)}):
<a href="${fieldRulesPath(name)}">list them</a>.</p>
<h2>Written as</h2>
<p class="explain">The field names rules write, per source, that ruledex files under this
canonical field.</p>
${writtenTable(writtenFields)}
<h2>Indicators</h2>
<p class="explain">Each row is an operator and value rules compare this field with. Values that
differ only in letter case, and numbers written as text, are one indicator; an indicator's page
shows how each rule writes it, whether the rule requires or excludes it, and its case rule.</p>
<p class="muted">${indicators.total.toLocaleString('en-US')} indicators, the most used first.</p>
${indicatorTable(name, indicators.items)}
${pager(indicators, (n) => fieldPath(name, { page: n, pageSize: indicators.pageSize }))}
</section>`,
  });
}

function writtenTable(written: WrittenField[]): Html {
  return html`<table>
<thead><tr><th>Source</th><th>Field as written</th><th class="number">Rules</th></tr></thead>
<tbody>
${written.map(
  (w) => html`<tr><td>${SOURCE_NAMES[w.source] ?? w.source}</td><td><code>${w.field}</code></td>
  <td class="number">${w.rules.toLocaleString('en-US')}</td></tr>`,
)}
</tbody>
</table>
${written.length >= MAX_WRITTEN_FIELDS &&
html`<p class="more">Only the ${MAX_WRITTEN_FIELDS} names the most rules write are listed.</p>`}`;
}

function indicatorTable(field: string, indicators: FieldIndicator[]): Html {
  if (indicators.length === 0) return html`<p class="none">No indicators on this page.</p>`;
  return html`<table>
<thead><tr><th>Kind</th><th>Value</th><th class="number">Rules</th><th>By source</th></tr></thead>
<tbody>
${indicators.map(
  (i) => html`<tr><td>${i.op}</td>
  <td><a href="${indicatorPath(field, i.op, i.value)}">${valueText(i)}</a></td>
  <td class="number">${i.rules.total.toLocaleString('en-US')}</td>
  <td>${bySourceText(i.rules)}</td></tr>`,
)}
</tbody>
</table>`;
}

/** The value as the rule page writes it; an indicator without a value is the field itself. */
export function valueText(indicator: Pick<FieldIndicator, 'op' | 'value'>): Html {
  if (indicator.value === undefined) return html`<span class="muted">no value</span>`;
  return html`<code>${operandText(indicator.op, [indicator.value])}</code>`;
}
