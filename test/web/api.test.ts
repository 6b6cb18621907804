import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ruleJson } from '../../src/web/rule-json.js';
import {
  fixtureFailures,
  fixtureSummary,
  REFERENCE_SHAPED_ID,
  referenceShapedRule,
  SHARED_UPSTREAM_ID,
} from '../store/fixtures/rules.js';
import { fixtureApp } from './fixture-app.js';
import { schemaErrors, type SchemaName } from './json-schemas.js';

const { app, close } = fixtureApp();
after(close);

/** GETs an API path, checks status, content type and schema, and returns the body. */
async function apiGet(path: string, status: number, schema: SchemaName): Promise<unknown> {
  const response = await app.request(path);
  assert.equal(response.status, status, path);
  assert.equal(response.headers.get('content-type'), 'application/json', path);
  const body: unknown = await response.json();
  assert.deepEqual(schemaErrors(schema, body), [], path);
  return body;
}

test('/api/summary is the build summary', async () => {
  assert.deepEqual(await apiGet('/api/summary', 200, 'build-summary'), fixtureSummary());
});

test('/api/sources lists the repositories read', async () => {
  // The folder's name only: the build machine's absolute paths are not published.
  assert.deepEqual(await apiGet('/api/sources', 200, 'sources'), {
    sources: [
      { source: 'splunk', root: 'splunk', commit: 'abc123' },
      { source: 'sigma', root: 'sigma', commit: null },
      { source: 'elastic', root: 'elastic', commit: 'def456' },
    ],
  });
});

test('/api/failures lists the documents not stored', async () => {
  assert.deepEqual(await apiGet('/api/failures', 200, 'failures'), {
    failures: fixtureFailures(),
  });
});

test('/api/sources/:source/rules pages through a source by title', async () => {
  const body = await apiGet('/api/sources/sigma/rules?page=2&pageSize=1', 200, 'rule-list');
  assert.deepEqual(body, {
    source: 'sigma',
    page: 2,
    pageSize: 1,
    total: 2,
    pages: 2,
    rules: [
      {
        id: `sigma:${SHARED_UPSTREAM_ID}`,
        upstreamId: SHARED_UPSTREAM_ID,
        source: 'sigma',
        title: 'Invoke-WmiMethod in a script block',
        status: 'test',
        level: 'medium',
        language: 'sigma',
        deprecated: false,
        fullyParsed: false,
      },
    ],
  });
});

test('/api/search finds rules by words of their text', async () => {
  const body = (await apiGet('/api/search?q=lateral%20movement', 200, 'search-results')) as {
    query: string;
    total: number;
    rules: { id: string }[];
  };
  assert.equal(body.query, 'lateral movement');
  assert.equal(body.total, 1);
  assert.deepEqual(body.rules.map((r) => r.id), [REFERENCE_SHAPED_ID]);
});

test('/api/search with nothing to search finds nothing', async () => {
  const body = await apiGet('/api/search', 200, 'search-results');
  assert.deepEqual(body, { query: '', page: 1, pageSize: 50, total: 0, pages: 1, rules: [] });
});

test('/api/rules/:id is the same JSON as show --json, with the id URL-encoded', async () => {
  const path = `/api/rules/${encodeURIComponent(REFERENCE_SHAPED_ID)}`;
  assert.deepEqual(await apiGet(path, 200, 'rule'), ruleJson(referenceShapedRule()));
  assert.deepEqual(
    await apiGet(`/api/rules/${REFERENCE_SHAPED_ID}`, 200, 'rule'),
    ruleJson(referenceShapedRule()),
  );
});

test('/api/rules/:id takes a bare upstream id when unique', async () => {
  const body = (await apiGet('/api/rules/0d9e3f1a-5b7c-4e21-9a60-1c2b3d4e5f60', 200, 'rule')) as {
    id: string;
  };
  assert.equal(body.id, REFERENCE_SHAPED_ID);
});

test('every rule of the fixture catalog conforms to the rule schema', async () => {
  const ids = ['sigma:hostile-1', `sigma:${SHARED_UPSTREAM_ID}`, `elastic:${SHARED_UPSTREAM_ID}`];
  for (const id of ids) {
    await apiGet(`/api/rules/${encodeURIComponent(id)}`, 200, 'rule');
  }
});

test('an ambiguous bare id answers 300 with the candidates', async () => {
  const body = (await apiGet(`/api/rules/${SHARED_UPSTREAM_ID}`, 300, 'error')) as {
    error: { code: string; candidates: { id: string }[] };
  };
  assert.equal(body.error.code, 'ambiguous');
  assert.deepEqual(body.error.candidates.map((c) => c.id), [
    `elastic:${SHARED_UPSTREAM_ID}`,
    `sigma:${SHARED_UPSTREAM_ID}`,
  ]);
});

test('unknown rules, sources and routes answer 404 in JSON', async () => {
  assert.deepEqual(await apiGet('/api/rules/splunk%3Anothing', 404, 'error'), {
    error: { code: 'not-found', message: 'no rule splunk:nothing' },
  });
  assert.deepEqual(await apiGet('/api/sources/qradar/rules', 404, 'error'), {
    error: { code: 'not-found', message: 'no source named qradar' },
  });
  assert.deepEqual(await apiGet('/api/everything', 404, 'error'), {
    error: { code: 'not-found', message: 'no API route GET /api/everything' },
  });
});

test('inputs out of bounds answer 400 in JSON', async () => {
  assert.deepEqual(await apiGet(`/api/search?q=${'x'.repeat(201)}`, 400, 'error'), {
    error: { code: 'bad-request', message: 'q is longer than 200 characters' },
  });
  assert.deepEqual(await apiGet('/api/sources/sigma/rules?page=-1', 400, 'error'), {
    error: { code: 'bad-request', message: 'page must be a whole number from 1 to 10000' },
  });
  assert.deepEqual(await apiGet('/api/search?q=x&pageSize=0', 400, 'error'), {
    error: { code: 'bad-request', message: 'pageSize must be a whole number from 1 to 200' },
  });
});

test('the schemas reject what breaks the contract', () => {
  const rule = ruleJson(referenceShapedRule());
  const { stages: _stages, ...withoutStages } = rule;
  assert.deepEqual(schemaErrors('rule', withoutStages), ["/ must have required property 'stages'"]);
  assert.notDeepEqual(schemaErrors('rule', { ...rule, line: 0 }), []);
  const unknownTactic = { ...rule, attack: [{ tactic: { name: 'x' }, techniques: [] }] };
  assert.notDeepEqual(schemaErrors('rule', unknownTactic), []);
  assert.notDeepEqual(schemaErrors('build-summary', { ...fixtureSummary(), rules: -1 }), []);
  const extraSource = { ...fixtureSummary(), sources: { qradar: {} } };
  assert.notDeepEqual(schemaErrors('build-summary', extraSource), []);
});

test('/api/search takes a NUL byte as a word break, never a server error', async () => {
  for (const q of ['a%00b', '%00a', 'a%00', '%22a%00b%22']) {
    const body = (await apiGet(`/api/search?q=${q}`, 200, 'search-results')) as {
      query: string;
    };
    assert.ok(!body.query.includes('\u0000'), q);
  }
});
