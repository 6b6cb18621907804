import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { REFERENCE_SHAPED_ID, SHARED_UPSTREAM_ID } from '../store/fixtures/rules.js';
import { fixtureApp } from './fixture-app.js';
import { schemaErrors, type SchemaName } from './json-schemas.js';

// The JSON of the field, indicator, event and technique pages, on the fixture catalog.
const { app, close } = fixtureApp();
after(close);

const SIGMA_ID = `sigma:${SHARED_UPSTREAM_ID}`;

/** GETs an API path, checks status, content type and schema, and returns the body. */
async function apiGet(path: string, status: number, schema: SchemaName): Promise<any> {
  const response = await app.request(path);
  assert.equal(response.status, status, path);
  assert.equal(response.headers.get('content-type'), 'application/json', path);
  const body: unknown = await response.json();
  assert.deepEqual(schemaErrors(schema, body), [], path);
  return body;
}

const paging = (total: number) => ({ page: 1, pageSize: 50, total, pages: 1 });

test('/api/fields pages through the canonical fields, the most used first', async () => {
  const body = await apiGet('/api/fields?pageSize=1', 200, 'field-list');
  assert.deepEqual(body, {
    page: 1,
    pageSize: 1,
    total: 6,
    pages: 6,
    fields: [
      {
        field: 'event.code',
        rules: { total: 2, bySource: { splunk: 1, sigma: 1 } },
        indicators: 1,
      },
    ],
  });
});

test('/api/fields/:field has the written names and the indicators of the field', async () => {
  const body = await apiGet('/api/fields/event.code', 200, 'field');
  assert.deepEqual(body.writtenFields, [
    { source: 'sigma', field: 'EventID', rules: 1 },
    { source: 'splunk', field: 'EventCode', rules: 1 },
  ]);
  assert.equal(body.values.length, 1);
  assert.deepEqual(body.values[0].rules, { total: 2, bySource: { splunk: 1, sigma: 1 } });
});

test('/api/fields/:field/rules lists the rules of one source when asked', async () => {
  const body = await apiGet('/api/fields/event.code/rules?source=sigma', 200, 'field-rules');
  assert.equal(body.source, 'sigma');
  assert.deepEqual(body.rules.map((r: { id: string }) => r.id), [SIGMA_ID]);
  assert.equal(body.field.rules.total, 2);
});

test('/api/indicators/:field/:op gives each rule with how it writes the indicator', async () => {
  const path = '/api/indicators/file.path/endswith?value=%5CTrusted%5Cadmin.ps1';
  assert.deepEqual(await apiGet(path, 200, 'indicator'), {
    indicator: {
      canonicalField: 'file.path',
      op: 'endswith',
      value: '\\Trusted\\admin.ps1',
      rules: { total: 1, bySource: { sigma: 1 } },
      requiring: 0,
      excluding: 1,
    },
    source: null,
    ...paging(1),
    rules: [
      {
        rule: {
          id: SIGMA_ID,
          upstreamId: SHARED_UPSTREAM_ID,
          source: 'sigma',
          title: 'Invoke-WmiMethod in a script block',
          status: 'test',
          level: 'medium',
          language: 'sigma',
          deprecated: false,
          fullyParsed: false,
        },
        uses: [
          {
            field: 'Path',
            op: 'endswith',
            value: '\\Trusted\\admin.ps1',
            negated: true,
            caseSensitive: true,
            text: 'Path|endswith|cased',
          },
        ],
      },
    ],
  });
});

test('/api/indicators takes numbers with type=number and values without one', async () => {
  const path = '/api/indicators/event.code/eq?value=4104&type=number';
  const typed = await apiGet(path, 200, 'indicator');
  assert.equal(typed.indicator.value, 4104);
  assert.equal(typed.total, 2);
  const valueless = await apiGet('/api/indicators/process.parent.name/exists', 200, 'indicator');
  assert.equal('value' in valueless.indicator, false);
  assert.equal('value' in valueless.rules[0].uses[0], false);
});

test('/api/events and /api/events/:provider/:eventId list events and their rules', async () => {
  const list = await apiGet('/api/events', 200, 'event-list');
  assert.equal(list.total, 2);
  const body = await apiGet('/api/events/Microsoft-Windows-PowerShell/4104', 200, 'event');
  assert.deepEqual(body.event, {
    provider: 'Microsoft-Windows-PowerShell',
    eventId: 4104,
    title: 'Script block logged',
    rules: { total: 2, bySource: { splunk: 1, sigma: 1 } },
  });
  assert.deepEqual(body.rules.map((r: { id: string }) => r.id), [REFERENCE_SHAPED_ID, SIGMA_ID]);
});

test('/api/techniques and /api/techniques/:id list techniques and their rules', async () => {
  const list = await apiGet('/api/techniques', 200, 'technique-list');
  assert.deepEqual(list.techniques.map((t: { id: string }) => t.id), [
    'T1047',
    'T1059',
    'T1059.003',
    'T9999',
    'T<SCRIPT>"1',
  ]);
  const parent = await apiGet('/api/techniques/T1059', 200, 'technique');
  assert.deepEqual(parent.subtechniques.map((t: { id: string }) => t.id), ['T1059.003']);
  assert.deepEqual(parent.rules, []);
  const own = await apiGet('/api/techniques/t1047?source=splunk', 200, 'technique');
  assert.deepEqual(own.rules.map((r: { id: string }) => r.id), [REFERENCE_SHAPED_ID]);
  assert.deepEqual(own.technique.tactics, [
    { id: 'TA0002', name: 'Execution', shortName: 'execution' },
  ]);
});

test('unknown fields, indicators, events and techniques answer 404 in JSON', async () => {
  const notFound = (message: string) => ({ error: { code: 'not-found', message } });
  assert.deepEqual(
    await apiGet('/api/fields/EventCode', 404, 'error'),
    notFound('no rule compares the field EventCode'),
  );
  assert.deepEqual(
    await apiGet('/api/fields/EventCode/rules', 404, 'error'),
    notFound('no rule compares the field EventCode'),
  );
  assert.deepEqual(
    await apiGet('/api/indicators/event.code/eq?value=4103', 404, 'error'),
    notFound('no rule compares event.code eq with this value'),
  );
  assert.deepEqual(
    await apiGet('/api/events/Microsoft-Windows-PowerShell/4103', 404, 'error'),
    notFound('no rule covers event 4103 of Microsoft-Windows-PowerShell'),
  );
  assert.deepEqual(
    await apiGet('/api/techniques/T1003', 404, 'error'),
    notFound('no rule names the technique T1003'),
  );
});

test('keys and filters out of bounds answer 400 in JSON', async () => {
  const badRequest = (message: string) => ({ error: { code: 'bad-request', message } });
  assert.deepEqual(
    await apiGet(`/api/fields/${'f'.repeat(301)}`, 400, 'error'),
    badRequest('a field name has 1 to 300 characters'),
  );
  assert.deepEqual(
    await apiGet('/api/events/Security/65536', 400, 'error'),
    badRequest('an event id is a whole number from 0 to 65535'),
  );
  assert.deepEqual(
    await apiGet('/api/indicators/event.code/eq?value=x&type=number', 400, 'error'),
    badRequest('value must be a number when type is number'),
  );
  assert.deepEqual(
    await apiGet('/api/techniques/T1047?source=qradar', 400, 'error'),
    badRequest('source is one of splunk, sigma, elastic, elastic-hunting'),
  );
});
