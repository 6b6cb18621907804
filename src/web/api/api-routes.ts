// The JSON API under /api/: summary, sources, failures, per-source listings, rules, search, the
// comparison of two rules, and the rules per canonical field, indicator, event and technique
// (documented in docs/json.md).

import { Hono } from 'hono';
import type { Catalog, Page, RuleListing } from '../../store/catalog.js';
import { pageCount } from '../pages/pager.js';
import { pageRequest, ruleRef, searchText } from '../request-bounds.js';
import { compareJson } from '../compare/compare-json.js';
import { comparedPair } from '../compare/compare-request.js';
import { ruleJson } from '../rule-json.js';
import { publishedSource } from '../published-source.js';
import { isSourceName } from '../source-names.js';
import { apiError } from './api-error.js';
import { keyApiRoutes } from './key-routes.js';
import { RULE_JSON_CHARACTERS, RULE_JSON_TOO_LARGE, ruleJsonText } from './rule-json-text.js';

/** A page of rules as the API returns it. */
export interface RulePageJson {
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  rules: RuleListing[];
}

/** `ruleJsonCharacters` bounds one rule's JSON (tests lower it). */
export function apiRoutes(catalog: Catalog, ruleJsonCharacters = RULE_JSON_CHARACTERS): Hono {
  const api = new Hono();

  api.get('/summary', (c) => c.json(catalog.summary()));

  api.get('/sources', (c) => c.json({ sources: catalog.sources().map(publishedSource) }));

  api.get('/failures', (c) => c.json({ failures: catalog.failures() }));

  api.get('/sources/:source/rules', (c) => {
    const source = c.req.param('source');
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    if (!isSourceName(source)) {
      return c.json(apiError('not-found', `no source named ${source}`), 404);
    }
    return c.json({ source, ...rulePageJson(catalog.list({ ...request, source })) });
  });

  api.get('/search', (c) => {
    const text = searchText(c.req.query('q'));
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    return c.json({ query: text, ...rulePageJson(catalog.search(text, request)) });
  });

  api.get('/rules/:id', (c) => {
    const resolution = catalog.resolve(ruleRef(c.req.param('id')));
    switch (resolution.kind) {
      case 'found': {
        const text = ruleJsonText(ruleJson(resolution.rule), undefined, ruleJsonCharacters);
        if (text === null) return c.json(apiError('too-large', RULE_JSON_TOO_LARGE), 413);
        return c.body(text, 200, { 'content-type': 'application/json' });
      }
      case 'ambiguous': {
        const message = `${c.req.param('id')} is the upstream id of several rules`;
        return c.json(apiError('ambiguous', message, resolution.candidates), 300);
      }
      case 'unknown':
        return c.json(apiError('not-found', `no rule ${c.req.param('id')}`), 404);
    }
  });

  api.get('/compare', (c) => {
    const pair = comparedPair(catalog, c.req.query('a'), c.req.query('b'));
    switch (pair.kind) {
      case 'found':
        return c.json(compareJson(pair.a, pair.b));
      case 'ambiguous': {
        const message = `${pair.ref} is the upstream id of several rules`;
        return c.json(apiError('ambiguous', message, pair.candidates), 300);
      }
      case 'unknown':
        return c.json(apiError('not-found', `no rule ${pair.ref}`), 404);
    }
  });

  keyApiRoutes(api, catalog);
  return api;
}

function rulePageJson(page: Page<RuleListing>): RulePageJson {
  return {
    page: page.page,
    pageSize: page.pageSize,
    total: page.total,
    pages: pageCount(page),
    rules: page.items,
  };
}
