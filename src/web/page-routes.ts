// The HTML pages: home, per-source listings, search, failures and rule pages.

import { Hono } from 'hono';
import type { Catalog } from '../store/catalog.js';
import { rulePath } from './link.js';
import { failuresPage } from './pages/failures-page.js';
import { homePage } from './pages/home-page.js';
import { listingPage } from './pages/listing-page.js';
import { candidatesPage, messagePage } from './pages/message-page.js';
import { searchPage } from './pages/search-page.js';
import { pageRequest, ruleRef, searchText } from './request-bounds.js';
import { rulePage } from './rule-page/rule-page.js';
import { isSourceName } from './source-names.js';

export function pageRoutes(catalog: Catalog): Hono {
  const pages = new Hono();

  pages.get('/', (c) => c.html(homePage(catalog.summary(), catalog.sources()).markup));

  pages.get('/failures', (c) => c.html(failuresPage(catalog.failures()).markup));

  pages.get('/sources/:source', (c) => {
    const source = c.req.param('source');
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    if (!isSourceName(source)) {
      const message = `There is no source named ${source}.`;
      return c.html(messagePage('No such source', message).markup, 404);
    }
    return c.html(listingPage(source, catalog.list({ ...request, source })).markup);
  });

  pages.get('/search', (c) => {
    const text = searchText(c.req.query('q'));
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    return c.html(searchPage(text, catalog.search(text, request)).markup);
  });

  pages.get('/rules/:id', (c) => {
    const ref = ruleRef(c.req.param('id'));
    const resolution = catalog.resolve(ref);
    switch (resolution.kind) {
      case 'found':
        // A bare upstream id is sent on to the rule's own address, so links stay canonical.
        if (resolution.rule.id !== ref) return c.redirect(rulePath(resolution.rule.id), 302);
        return c.html(rulePage(resolution.rule).markup);
      case 'ambiguous':
        return c.html(candidatesPage(ref, resolution.candidates).markup, 300);
      case 'unknown':
        return c.html(messagePage('No such rule', `There is no rule ${ref} here.`).markup, 404);
    }
  });

  return pages;
}
