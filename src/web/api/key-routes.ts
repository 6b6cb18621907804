// The JSON of the pages per canonical field, indicator, event and ATT&CK technique and of their
// indexes, under /api/ at the pages' own paths (documented in docs/json.md).

import type { Hono } from 'hono';
import type { SourceName } from '../../ir/index.js';
import type { Catalog, Page } from '../../store/catalog.js';
import {
  eventId,
  fieldName,
  indicatorKey,
  providerName,
  sourceFilter,
  techniqueId,
} from '../pages/key-params.js';
import { pageCount } from '../pages/pager.js';
import { pageRequest } from '../request-bounds.js';
import { apiError } from './api-error.js';

/** A page of a list as the API returns it, the items under `key`. */
type PageJson<K extends string, T> = {
  page: number;
  pageSize: number;
  total: number;
  pages: number;
} & Record<K, T[]>;

export function keyApiRoutes(api: Hono, catalog: Catalog): void {
  api.get('/fields', (c) => {
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    return c.json(pageJson('fields', catalog.fields(request)));
  });

  api.get('/fields/:field', (c) => {
    const name = fieldName(c.req.param('field'));
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    const field = catalog.field(name);
    if (!field) return c.json(apiError('not-found', `no rule compares the field ${name}`), 404);
    return c.json({
      field,
      writtenFields: catalog.writtenFields(name),
      ...pageJson('values', catalog.fieldIndicators(name, request)),
    });
  });

  api.get('/fields/:field/rules', (c) => {
    const name = fieldName(c.req.param('field'));
    const source = sourceFilter(c.req.query('source'));
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    const field = catalog.field(name);
    if (!field) return c.json(apiError('not-found', `no rule compares the field ${name}`), 404);
    const page = catalog.rulesWithField(name, { ...request, source });
    return c.json({ field, source: sourceOrNull(source), ...pageJson('rules', page) });
  });

  api.get('/indicators/:field/:op', (c) => {
    const { field, op } = c.req.param();
    const key = indicatorKey(field, op, c.req.query('value'), c.req.query('type'));
    const source = sourceFilter(c.req.query('source'));
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    const detail = catalog.indicator(key, { ...request, source });
    if (!detail) {
      const message = `no rule compares ${key.canonicalField} ${key.op} with this value`;
      return c.json(apiError('not-found', message), 404);
    }
    const { key: found, rules, requiring, excluding, page } = detail;
    return c.json({
      indicator: { ...found, rules, requiring, excluding },
      source: sourceOrNull(source),
      ...pageJson('rules', page),
    });
  });

  api.get('/events', (c) => {
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    return c.json(pageJson('events', catalog.events(request)));
  });

  api.get('/events/:provider/:eventId', (c) => {
    const provider = providerName(c.req.param('provider'));
    const id = eventId(c.req.param('eventId'));
    const source = sourceFilter(c.req.query('source'));
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    const detail = catalog.event(provider, id, { ...request, source });
    if (!detail) {
      return c.json(apiError('not-found', `no rule covers event ${id} of ${provider}`), 404);
    }
    return c.json({
      event: detail.summary,
      source: sourceOrNull(source),
      ...pageJson('rules', detail.page),
    });
  });

  api.get('/techniques', (c) => {
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    return c.json(pageJson('techniques', catalog.techniques(request)));
  });

  api.get('/techniques/:id', (c) => {
    const id = techniqueId(c.req.param('id'));
    const source = sourceFilter(c.req.query('source'));
    const request = pageRequest(c.req.query('page'), c.req.query('pageSize'));
    const detail = catalog.technique(id, { ...request, source });
    if (!detail || detail.summary.withSubtechniques.total === 0) {
      return c.json(apiError('not-found', `no rule names the technique ${id}`), 404);
    }
    return c.json({
      technique: detail.summary,
      subtechniques: detail.subtechniques,
      source: sourceOrNull(source),
      ...pageJson('rules', detail.page),
    });
  });
}

function pageJson<K extends string, T>(key: K, page: Page<T>): PageJson<K, T> {
  const paging = {
    page: page.page,
    pageSize: page.pageSize,
    total: page.total,
    pages: pageCount(page),
  };
  return { ...paging, [key]: page.items } as PageJson<K, T>;
}

function sourceOrNull(source: SourceName | undefined): SourceName | null {
  return source ?? null;
}
