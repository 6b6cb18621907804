// Previous/next links under a paged list, with where the reader is.

import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import type { Page } from '../../store/catalog.js';

export function pager(page: Page<unknown>, hrefFor: (page: number) => string): Html {
  const pages = pageCount(page);
  if (pages <= 1) return html``;
  return html`<nav class="pager" aria-label="Pages">
  ${page.page > 1 && html`<a href="${hrefFor(page.page - 1)}" rel="prev">← Previous</a>`}
  <span class="muted">Page ${page.page} of ${pages}</span>
  ${page.page < pages && html`<a href="${hrefFor(page.page + 1)}" rel="next">Next →</a>`}
</nav>`;
}

export function pageCount(page: Page<unknown>): number {
  return Math.max(1, Math.ceil(page.total / page.pageSize));
}

/** Whether the page asked for lies past the list's end (page 999 of 35). */
export function isPastLastPage(page: Page<unknown>): boolean {
  return page.page > pageCount(page);
}

/** The answer, sent with 404, to a page past the list's end: where the list ends instead. */
export function pastLastPage(page: Page<unknown>, hrefFor: (page: number) => string): Html {
  const last = pageCount(page);
  return layout({
    title: 'No such page',
    body: html`<section class="panel">
<nav class="breadcrumb"><a href="/">Detection rules</a></nav>
<h1>No such page</h1>
<p>This list has ${last === 1 ? 'one page' : `${last} pages`}, not ${page.page}:
<a href="${hrefFor(last)}">go to the last page</a>.</p>
</section>`,
  });
}
