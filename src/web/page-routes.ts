// The HTML pages: home, per-source listings, search, failures, rule pages, the comparison of two
// rules, and the pages per canonical field, indicator, event and ATT&CK technique with indexes.

import { Hono } from 'hono';
import type { Catalog, TechniqueSummary } from '../store/catalog.js';
import { compareJson } from './compare/compare-json.js';
import { comparePage } from './compare/compare-page.js';
import { comparedPair } from './compare/compare-request.js';
import { rulePath, searchPath, sourcePath } from './link.js';
import { eventPage } from './pages/event-page.js';
import { eventsPage } from './pages/events-page.js';
import { failuresPage } from './pages/failures-page.js';
import { fieldPage } from './pages/field-page.js';
import { fieldRulesPage } from './pages/field-rules-page.js';
import { fieldsPage } from './pages/fields-page.js';
import { homePage } from './pages/home-page.js';
import { indicatorPage } from './pages/indicator-page.js';
import {
  eventId,
  fieldName,
  indicatorKey,
  providerName,
  sourceFilter,
  techniqueId,
} from './pages/key-params.js';
import { listingPage } from './pages/listing-page.js';
import { candidatesPage, messagePage } from './pages/message-page.js';
import { isPastLastPage, pastLastPage } from './pages/pager.js';
import { searchPage } from './pages/search-page.js';
import { techniquePage } from './pages/technique-page.js';
import { techniquesPage } from './pages/techniques-page.js';
import {
  unknownEventPage,
  unknownFieldPage,
  unknownIndicatorPage,
  unknownTechniquePage,
} from './pages/unknown-key-pages.js';
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
    const page = catalog.list({ ...request, source });
    if (isPastLastPage(page)) {
      const past = pastLastPage(page, (n) => sourcePath(source, n, page.pageSize));
      return c.html(past.markup, 404);
    }
    return c.html(listingPage(source, page).markup);
  });

  pages.get('/search', (c) => {
    const text = searchText(c.req.query('q'));
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    const named = text === '' ? { kind: 'unknown' as const } : catalog.resolve(text);
    // A catalog id, or an upstream id only one source uses, is the rule the reader wants.
    if (named.kind === 'found') return c.redirect(rulePath(named.rule.id), 302);

    const page = catalog.search(text, request);
    if (isPastLastPage(page)) {
      const past = pastLastPage(page, (n) => searchPath(text, n, page.pageSize));
      return c.html(past.markup, 404);
    }
    const exact = {
      rules: named.kind === 'ambiguous' ? named.candidates : [],
      technique: namedTechnique(catalog, text),
    };
    return c.html(searchPage(text, page, exact).markup);
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

  pages.get('/compare', (c) => {
    const pair = comparedPair(catalog, c.req.query('a'), c.req.query('b'));
    switch (pair.kind) {
      case 'found':
        return c.html(comparePage(compareJson(pair.a, pair.b)).markup);
      case 'ambiguous':
        return c.html(candidatesPage(pair.ref, pair.candidates).markup, 300);
      case 'unknown': {
        const message = `There is no rule ${pair.ref} here.`;
        return c.html(messagePage('No such rule', message).markup, 404);
      }
    }
  });

  keyPages(pages, catalog);
  return pages;
}

/** The technique a search text names by its id (`T1047`, `t1059.001`), if any rule names it. */
function namedTechnique(catalog: Catalog, text: string): TechniqueSummary | null {
  if (!TECHNIQUE_ID.test(text)) return null;
  const detail = catalog.technique(text.toUpperCase(), { page: 1, pageSize: 1 });
  return detail === null ? null : detail.summary;
}

const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/i;

/** The pages per canonical field, indicator, event and technique, each with a 404 that helps. */
function keyPages(pages: Hono, catalog: Catalog): void {
  pages.get('/fields', (c) => {
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    return c.html(fieldsPage(catalog.fields(request)).markup);
  });

  pages.get('/fields/:field', (c) => {
    const name = fieldName(c.req.param('field'));
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    const field = catalog.field(name);
    if (!field) return c.html(unknownFieldPage(name, catalog.fieldsNamedLike(name)).markup, 404);
    const writtenFields = catalog.writtenFields(name);
    const indicators = catalog.fieldIndicators(name, request);
    return c.html(fieldPage({ field, writtenFields, indicators }).markup);
  });

  pages.get('/fields/:field/rules', (c) => {
    const name = fieldName(c.req.param('field'));
    const source = sourceFilter(c.req.query('source'));
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    const field = catalog.field(name);
    if (!field) return c.html(unknownFieldPage(name, catalog.fieldsNamedLike(name)).markup, 404);
    const page = catalog.rulesWithField(name, { ...request, source });
    return c.html(fieldRulesPage(field, source, page).markup);
  });

  pages.get('/indicators/:field/:op', (c) => {
    const { field, op } = c.req.param();
    const key = indicatorKey(field, op, c.req.query('value'), c.req.query('type'));
    const source = sourceFilter(c.req.query('source'));
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    const detail = catalog.indicator(key, { ...request, source });
    if (!detail) {
      const fieldKnown = catalog.field(key.canonicalField) !== null;
      return c.html(unknownIndicatorPage(key, fieldKnown).markup, 404);
    }
    return c.html(indicatorPage(detail, source).markup);
  });

  pages.get('/events', (c) => {
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    return c.html(eventsPage(catalog.events(request)).markup);
  });

  pages.get('/events/:provider/:eventId', (c) => {
    const provider = providerName(c.req.param('provider'));
    const id = eventId(c.req.param('eventId'));
    const source = sourceFilter(c.req.query('source'));
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    const detail = catalog.event(provider, id, { ...request, source });
    if (!detail) {
      return c.html(unknownEventPage(provider, id, catalog.eventsWithId(id)).markup, 404);
    }
    return c.html(eventPage(detail, source).markup);
  });

  pages.get('/techniques', (c) => {
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    return c.html(techniquesPage(catalog.techniques(request)).markup);
  });

  pages.get('/techniques/:id', (c) => {
    const id = techniqueId(c.req.param('id'));
    const source = sourceFilter(c.req.query('source'));
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    const detail = catalog.technique(id, { ...request, source });
    if (!detail || detail.summary.withSubtechniques.total === 0) {
      return c.html(unknownTechniquePage(id, detail?.summary ?? null).markup, 404);
    }
    return c.html(techniquePage(detail, source).markup);
  });
}
