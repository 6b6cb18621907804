// The page of one canonical indicator (canonical field, operator, normalized value): the rules
// that look for it, source by source, each with the condition as it wrote it and whether it
// requires or excludes the value.

import type { SourceName } from '../../ir/index.js';
import type { IndicatorDetail, IndicatorRule, IndicatorUse } from '../../store/catalog.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { rulePath } from '../link.js';
import { caseText, operandText } from '../predicate-text.js';
import { caseBadge } from '../rule-page/predicate-tree.js';
import { ruleName } from '../rule-name.js';
import { SOURCE_NAMES } from '../source-names.js';
import { valueText } from './field-page.js';
import { fieldPath, fieldsPath, indicatorPath } from './key-links.js';
import { pager } from './pager.js';
import { groupedBySource } from './rules-by-source.js';
import { rulesText, sourceCountTable } from './rule-counts.js';

export function indicatorPage(detail: IndicatorDetail, source: SourceName | undefined): Html {
  const { key, page } = detail;
  const field = key.canonicalField;
  const listPath = (place: { source?: SourceName; page?: number }) =>
    indicatorPath(field, key.op, key.value, { ...place, pageSize: page.pageSize });
  const operand = key.value === undefined ? '' : ` ${operandText(key.op, [key.value])}`;
  return layout({
    title: `${field} ${key.op}${operand}`,
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a> ›
  <a href="${fieldsPath()}">Canonical fields</a> ›
  <a href="${fieldPath(field)}">${field}</a> › Indicator</nav>
<h1><code>${field}</code> ${key.op} ${valueText(key)}</h1>
<p>${rulesText(detail.rules.total)} use this indicator: ${detail.requiring.toLocaleString('en-US')}
require it, ${detail.excluding.toLocaleString('en-US')} exclude it.</p>
<p class="explain">One canonical indicator: the canonical field, the operator and the value, with
letter case folded and numbers written as text read as numbers. Each rule below shows how it
writes the condition — its own field name, operator and value — whether it requires the value or
excludes it, and its case rule: rules listed together here may still differ in letter case.</p>
${sourceCountTable(detail.rules, (s) => listPath({ source: s }), source)}
<h2>Rules</h2>
${page.items.length === 0
  ? html`<p class="none">No rules on this page.</p>`
  : groupedBySource(page.items, (r) => r.rule.source).map(
      ([s, rules]) => html`<h3>${SOURCE_NAMES[s] ?? s}</h3>
${useTable(rules)}`,
    )}
${pager(page, (n) => listPath({ source, page: n }))}
</section>`,
  });
}

function useTable(rules: IndicatorRule[]): Html {
  return html`<table class="rules">
<thead><tr><th>Rule</th><th>As the rule writes it</th></tr></thead>
<tbody>
${rules.map(
  ({ rule, uses }) => html`<tr>
  <td><a href="${rulePath(rule.id)}">${ruleName(rule.title, rule.id)}</a>
    ${rule.deprecated && html` <span class="badge deprecated">deprecated</span>`}
    <br><code class="muted">${rule.id}</code></td>
  <td><ul class="values">${uses.map(useItem)}</ul></td>
</tr>`,
)}
</tbody>
</table>`;
}

/**
 * Whether the rule requires or excludes the value, the predicate's own text when the catalog has
 * it, and always the field, operator and value with the case rule.
 */
function useItem(use: IndicatorUse): Html {
  const values = use.value === undefined ? [] : [use.value];
  const operand = operandText(use.op, values);
  return html`<li>${use.negated
    ? html`<span class="badge negated">excludes</span>`
    : html`<span class="badge">requires</span>`}
${use.text !== null && html`<code>${use.text}</code>`}
<br><span class="muted"><code>${use.field}</code> ${use.op}
${operand !== '' && html`<code>${operand}</code>`}</span>
${caseBadge(caseText(use.caseSensitive, use.op, values))}</li>`;
}
