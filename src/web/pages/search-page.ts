// Full-text search results over titles, descriptions and queries.

import type { Page, RuleListing } from '../../store/catalog.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { searchPath } from '../link.js';
import { pager } from './pager.js';
import { ruleTable } from './rule-table.js';

export function searchPage(text: string, page: Page<RuleListing>): Html {
  const heading = text === '' ? 'Search' : html`Rules matching “${text}”`;
  return layout({
    title: text === '' ? 'Search' : `Search: ${text}`,
    searchText: text,
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a> › Search</nav>
<h1>${heading}</h1>
${text === ''
  ? html`<p class="explain">Type words from a rule's title, description or query. Every word
must appear; put a phrase in double quotes; end a word with * to match its beginning.</p>`
  : html`<p class="muted">${page.total.toLocaleString('en-US')} rules, best matches first.</p>
${ruleTable(page.items)}
${pager(page, (n) => searchPath(text, n, page.pageSize))}`}
</section>`,
  });
}
