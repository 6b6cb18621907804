// The rules that compare one canonical field, source by source.

import type { SourceName } from '../../ir/index.js';
import type { FieldSummary, Page, RuleListing } from '../../store/catalog.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { fieldPath, fieldRulesPath, fieldsPath } from './key-links.js';
import { pager } from './pager.js';
import { rulesBySource } from './rules-by-source.js';
import { sourceCountTable } from './rule-counts.js';

export function fieldRulesPage(
  field: FieldSummary,
  source: SourceName | undefined,
  page: Page<RuleListing>,
): Html {
  const name = field.field;
  return layout({
    title: `Rules comparing ${name}`,
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a> ›
  <a href="${fieldsPath()}">Canonical fields</a> ›
  <a href="${fieldPath(name)}">${name}</a> › Rules</nav>
<h1>Rules comparing <code>${name}</code></h1>
${sourceCountTable(field.rules, (s) => fieldRulesPath(name, { source: s }), source)}
${rulesBySource(page.items)}
${pager(page, (n) => fieldRulesPath(name, { source, page: n, pageSize: page.pageSize }))}
</section>`,
  });
}
