// Full-text search results over titles, descriptions and queries, after what the text names
// exactly: the rules with that upstream id, the ATT&CK technique with that id.

import type { Page, RuleListing, TechniqueSummary } from '../../store/catalog.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { searchPath } from '../link.js';
import { techniquePath } from './key-links.js';
import { pager } from './pager.js';
import { ruleTable } from './rule-table.js';

/** What the search text names exactly, shown before the full-text matches. */
export interface ExactMatches {
  /** Rules whose upstream id is the text (several sources may share one). */
  rules: RuleListing[];
  technique: TechniqueSummary | null;
}

export function searchPage(
  text: string,
  page: Page<RuleListing>,
  exact: ExactMatches = { rules: [], technique: null },
): Html {
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
  : html`${exactSection(exact)}
<p class="muted">${page.total.toLocaleString('en-US')} rules with the words, best matches first.</p>
${ruleTable(page.items)}
${pager(page, (n) => searchPath(text, n, page.pageSize))}`}
</section>`,
  });
}

function exactSection(exact: ExactMatches): Html {
  const { rules, technique } = exact;
  return html`${technique && techniqueLine(technique)}
${rules.length > 0 && html`<h2>Rules with this id</h2>
${ruleTable(rules)}`}`;
}

function techniqueLine(t: TechniqueSummary): Html {
  const n = t.withSubtechniques.total;
  return html`<p class="banner" role="note">ATT&amp;CK technique
<a href="${techniquePath(t.id)}"><code>${t.id}</code> ${t.name ?? ''}</a>:
named by ${n.toLocaleString('en-US')} ${n === 1 ? 'rule' : 'rules'} with its sub-techniques.</p>`;
}
