// A paged listing of one source's rules.

import type { SourceName } from '../../ir/index.js';
import type { Page, RuleListing } from '../../store/catalog.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { sourcePath } from '../link.js';
import { SOURCE_LISTING_TITLES, SOURCE_NAMES } from '../source-names.js';
import { pager } from './pager.js';
import { ruleTable } from './rule-table.js';

export function listingPage(source: SourceName, page: Page<RuleListing>): Html {
  const name = SOURCE_NAMES[source];
  const title = SOURCE_LISTING_TITLES[source];
  return layout({
    title,
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a> › ${name}</nav>
<h1>${title}</h1>
<p class="muted">${page.total.toLocaleString('en-US')} rules, by title.</p>
${ruleTable(page.items)}
${pager(page, (n) => sourcePath(source, n, page.pageSize))}
</section>`,
  });
}
