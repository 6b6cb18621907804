import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { buildCatalogFile } from '../../src/build/build-catalog.js';
import { showRule } from '../../src/cli/show.js';
import { demoSources } from '../../src/cli/demo.js';
import type { Op, Scalar } from '../../src/ir/index.js';
import { openCatalog } from '../../src/store/catalog.js';
import { createApp } from '../../src/web/app.js';
import {
  eventPath,
  fieldPath,
  fieldRulesPath,
  indicatorPath,
  techniquePath,
} from '../../src/web/pages/key-links.js';
import { temporaryFolder } from '../store/fixtures/catalog-file.js';
import { schemaErrors, type SchemaName } from './json-schemas.js';

// Real outputs of the whole pipeline, on the demo corpus, checked against the documented schemas.
const folder = temporaryFolder();
const db = path.join(folder, 'demo.db');
const built = buildCatalogFile(demoSources(), db);
const catalog = openCatalog(db);
const app = createApp(catalog);
after(() => {
  catalog.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function apiBody(route: string, schema: SchemaName): Promise<unknown> {
  const response = await app.request(route);
  assert.equal(response.status, 200, route);
  const body: unknown = await response.json();
  assert.deepEqual(schemaErrors(schema, body), [], route);
  return body;
}

test('the build summary of the demo corpus conforms to its schema and adds up', () => {
  assert.deepEqual(schemaErrors('build-summary', built.summary), []);
  for (const s of Object.values(built.summary.sources)) {
    assert.equal(s.documents, s.rules + s.failed);
  }
});

test('every /api/ listing route of the demo catalog conforms to its schema', async () => {
  // The stored summary is written before the write itself is timed, so only seconds differ.
  const stored = (await apiBody('/api/summary', 'build-summary')) as typeof built.summary;
  assert.deepEqual({ ...stored, seconds: 0 }, { ...built.summary, seconds: 0 });
  await apiBody('/api/sources', 'sources');
  await apiBody('/api/failures', 'failures');
  await apiBody('/api/search?q=powershell', 'search-results');
  for (const source of Object.keys(built.summary.sources)) {
    await apiBody(`/api/sources/${source}/rules`, 'rule-list');
  }
});

test('every demo rule conforms to the rule schema, through the API and show --json', async () => {
  assert.ok(built.rules.length >= 30, `${built.rules.length} demo rules`);
  for (const rule of built.rules) {
    const served = await apiBody(`/api/rules/${encodeURIComponent(rule.id)}`, 'rule');
    const shown = showRule(rule.id, { db, json: true });
    assert.equal(shown.status, 0, rule.id);
    assert.deepEqual(JSON.parse(shown.stdout), served, rule.id);
  }
});

test('every demo rule page renders', async () => {
  for (const rule of built.rules) {
    const response = await app.request(`/rules/${encodeURIComponent(rule.id)}`);
    assert.equal(response.status, 200, rule.id);
    assert.ok((await response.text()).includes('Stages and Predicates</h2>'), rule.id);
  }
});

test('every field, indicator, event and technique the demo catalog lists has its page', async () => {
  const fields = (await apiBody('/api/fields?pageSize=200', 'field-list')) as {
    pages: number;
    fields: { field: string }[];
  };
  assert.equal(fields.pages, 1, 'the demo corpus has fewer than 200 canonical fields');
  assert.ok(fields.fields.length > 0);
  for (const { field } of fields.fields) {
    const detail = (await apiBody(`/api${fieldPath(field, { pageSize: 200 })}`, 'field')) as {
      values: { op: Op; value?: Scalar }[];
    };
    await apiBody(`/api${fieldRulesPath(field)}`, 'field-rules');
    for (const { op, value } of detail.values) {
      await apiBody(`/api${indicatorPath(field, op, value)}`, 'indicator');
    }
    // The pages render what the API serves: one indicator page per field is enough.
    const first = detail.values[0];
    await pageOf(indicatorPath(field, first.op, first.value));
    await pageOf(fieldPath(field));
  }

  for (const rule of built.rules) {
    for (const { provider, eventId } of rule.events) {
      await apiBody(`/api${eventPath(provider, eventId)}`, 'event');
      await pageOf(eventPath(provider, eventId));
    }
    for (const { techniques } of rule.attack) {
      for (const { id } of techniques) {
        await apiBody(`/api${techniquePath(id)}`, 'technique');
        await pageOf(techniquePath(id));
      }
    }
  }
  await apiBody('/api/events', 'event-list');
  await apiBody('/api/techniques', 'technique-list');
});

/** The HTML page at `route`, which must answer 200. */
async function pageOf(route: string): Promise<string> {
  const response = await app.request(route);
  assert.equal(response.status, 200, route);
  return response.text();
}
