// Previous/next links under a paged list, with where the reader is.

import { html, type Html } from '../html.js';
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
