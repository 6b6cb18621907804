import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  HOSTILE_FIELD,
  HOSTILE_PROVIDER,
  HOSTILE_TECHNIQUE,
  HOSTILE_VALUE,
  REFERENCE_SHAPED_ID,
  SHARED_UPSTREAM_ID,
} from '../store/fixtures/rules.js';
import { fixtureApp } from './fixture-app.js';

// The pages per canonical field, indicator, event and technique, on the fixture catalog.
const { app, close } = fixtureApp();
after(close);

async function get(path: string): Promise<{ status: number; body: string }> {
  const response = await app.request(path);
  return { status: response.status, body: await response.text() };
}

const SIGMA_ID = `sigma:${SHARED_UPSTREAM_ID}`;
const ruleLink = (id: string) => `href="/rules/${encodeURIComponent(id)}"`;

test('the home page leads to the field, event and technique indexes', async () => {
  const { body } = await get('/');
  for (const index of ['/fields', '/events', '/techniques']) {
    assert.ok(body.includes(`<a href="${index}">`), index);
  }
});

test('the field index links each canonical field with its rules per source', async () => {
  const { status, body } = await get('/fields');
  assert.equal(status, 200);
  assert.ok(body.includes('<a href="/fields/event.code"><code>event.code</code></a>'));
  assert.ok(body.includes('<td>Splunk 1 · Sigma 1</td>'));
  assert.ok(body.includes('6 fields.'));
});

test('the field index is paged', async () => {
  const { body } = await get('/fields?pageSize=2');
  assert.ok(body.includes('Page 1 of 3'));
  assert.ok(body.includes('href="/fields?page=2&amp;pageSize=2"'));
});

test('a field page lists the written names and links each indicator', async () => {
  const { status, body } = await get('/fields/event.code');
  assert.equal(status, 200);
  assert.ok(body.includes('<td>Sigma</td><td><code>EventID</code></td>'));
  assert.ok(body.includes('<td>Splunk</td><td><code>EventCode</code></td>'));
  assert.ok(body.includes('href="/indicators/event.code/eq?value=4104&amp;type=number"'));
  assert.ok(body.includes('href="/fields/event.code/rules"'));
});

test('an indicator without a value links without one', async () => {
  const { body } = await get('/fields/process.parent.name');
  assert.ok(body.includes('href="/indicators/process.parent.name/exists"'));
  assert.ok(body.includes('<span class="muted">no value</span>'));
});

test('the rules of a field are grouped by source and can keep to one', async () => {
  const all = await get('/fields/event.code/rules');
  assert.ok(all.body.includes('<h3>Splunk</h3>'));
  assert.ok(all.body.includes('<h3>Sigma</h3>'));
  const sigma = await get('/fields/event.code/rules?source=sigma');
  assert.ok(!sigma.body.includes('<h3>Splunk</h3>'));
  assert.ok(sigma.body.includes(ruleLink(SIGMA_ID)));
  assert.ok(sigma.body.includes('<a href="/fields/event.code/rules?source=splunk">Splunk</a>'));
});

test('an indicator page shows how each rule writes it, whatever its letter case', async () => {
  const path = '/indicators/powershell.file.script_block_text/contains?value=INVOKE-wmimethod';
  const { status, body } = await get(path);
  assert.equal(status, 200);
  assert.ok(body.includes('2 rules use this indicator: 2\nrequire it, 0 exclude it.'));
  assert.ok(body.includes(ruleLink(REFERENCE_SHAPED_ID)));
  assert.ok(body.includes(ruleLink(SIGMA_ID)));
  assert.ok(body.includes('<code>ScriptBlockText=&quot;*Wmi*&quot;</code>'));
  assert.ok(body.includes('<code>&quot;Invoke-WmiMethod&quot;</code>'));
  assert.ok(body.includes('<code>&quot;invoke-wmimethod&quot;</code>'));
});

test('an indicator page marks a rule that excludes the value, with its case rule', async () => {
  const { body } = await get('/indicators/file.path/endswith?value=%5CTrusted%5Cadmin.ps1');
  assert.ok(body.includes('<span class="badge negated">excludes</span>'));
  assert.ok(body.includes('<span class="badge">case-sensitive</span>'));
  assert.ok(body.includes('1 rule use this indicator: 0\nrequire it, 1 exclude it.'));
});

test('an event page has the title and the rules per source, with a source filter', async () => {
  const { status, body } = await get('/events/Microsoft-Windows-PowerShell/4104');
  assert.equal(status, 200);
  assert.ok(body.includes('<dt>Title</dt><dd>Script block logged</dd>'));
  assert.ok(body.includes('2 rules cover this event.'));
  assert.ok(
    body.includes('<a href="/events/Microsoft-Windows-PowerShell/4104?source=sigma">Sigma</a>'),
  );
  const sigma = await get('/events/microsoft-windows-powershell/4104?source=sigma');
  assert.ok(sigma.body.includes(ruleLink(SIGMA_ID)));
  assert.ok(!sigma.body.includes(ruleLink(REFERENCE_SHAPED_ID)));
});

test('the event index links each event', async () => {
  const { body } = await get('/events');
  assert.ok(body.includes('href="/events/Microsoft-Windows-PowerShell/4104">4104</a>'));
  assert.ok(body.includes('<td>Script block logged</td>'));
});

test('the technique index lists sub-techniques under their parent', async () => {
  const { body } = await get('/techniques');
  const parent = body.indexOf('href="/techniques/T1059"');
  const sub = body.indexOf('href="/techniques/T1059.003"');
  assert.ok(parent > 0 && sub > parent);
  assert.ok(body.includes('<span class="muted">↳</span>'));
  assert.ok(body.includes('not in ATT&amp;CK data'));
});

test('a technique page has its tactics and the rules naming it', async () => {
  const { status, body } = await get('/techniques/t1047');
  assert.equal(status, 200);
  assert.ok(body.includes('<h1><code>T1047</code> Windows Management Instrumentation'));
  assert.ok(body.includes('Execution\n<span class="muted">TA0002</span>'));
  assert.ok(body.includes(ruleLink(REFERENCE_SHAPED_ID)));
});

test('a parent technique page lists the sub-techniques rules name', async () => {
  const { status, body } = await get('/techniques/T1059');
  assert.equal(status, 200);
  assert.ok(body.includes('<a href="/techniques/T1059.003"><code>T1059.003</code></a>'));
  assert.ok(body.includes('No rule names T1059 itself'));
  const sub = await get('/techniques/T1059.003');
  assert.ok(sub.body.includes('<dt>Sub-technique of</dt><dd><a href="/techniques/T1059">'));
});

test('unknown keys answer 404 pages that say where to look instead', async () => {
  const field = await get('/fields/EventCode');
  assert.equal(field.status, 404);
  assert.ok(field.body.includes('Rules that write <code>EventCode</code> are filed under:'));
  assert.ok(field.body.includes('<a href="/fields/event.code"><code>event.code</code></a>'));

  const indicator = await get('/indicators/event.code/eq?value=4103');
  assert.equal(indicator.status, 404);
  assert.ok(indicator.body.includes('listed on\n<a href="/fields/event.code">its page</a>'));

  const event = await get('/events/Security/4104');
  assert.equal(event.status, 404);
  assert.ok(event.body.includes('href="/events/Microsoft-Windows-PowerShell/4104"'));

  const unused = await get('/techniques/T1003');
  assert.equal(unused.status, 404);
  assert.ok(unused.body.includes('OS Credential Dumping is in the ATT&amp;CK data'));

  const unknown = await get('/techniques/T0000');
  assert.equal(unknown.status, 404);
  assert.ok(unknown.body.includes('is not a technique of the ATT&amp;CK data ruledex knows'));
});

test('keys out of bounds are answered 400 on pages', async () => {
  for (const path of [
    `/fields/${'f'.repeat(301)}`,
    '/fields?pageSize=201',
    '/fields/event.code/rules?source=qradar',
    '/indicators/event.code/bogus?value=1',
    `/indicators/event.code/eq?value=${'v'.repeat(2001)}`,
    '/indicators/event.code/eq?value=1&type=date',
    '/indicators/event.code/eq?value=maybe&type=boolean',
    `/events/${'p'.repeat(201)}/1`,
    '/events/Security/4104x',
    '/events/Security/123456',
    `/techniques/T${'1'.repeat(20)}`,
    '/techniques/T1047?page=0',
  ]) {
    const { status, body } = await get(path);
    assert.equal(status, 400, path);
    assert.ok(body.includes('<h1>Bad request</h1>'), path);
  }
});

test('the rule page links its events, techniques and indicator values to their pages', async () => {
  const { body } = await get(`/rules/${encodeURIComponent(REFERENCE_SHAPED_ID)}`);
  assert.ok(body.includes('href="/techniques/T1047"'));
  assert.ok(body.includes('href="/events/Microsoft-Windows-PowerShell/4104"'));
  assert.ok(body.includes('<a href="/indicators/event.code/eq?value=4104&amp;type=number">'));
  const elastic = await get(`/rules/elastic%3A${SHARED_UPSTREAM_ID}`);
  assert.ok(elastic.body.includes('href="/indicators/process.name/eq?value=cmd.exe"'));
});

test('hostile field names, values, providers and techniques are escaped on all pages', async () => {
  const field = encodeURIComponent(HOSTILE_FIELD);
  const technique = encodeURIComponent(HOSTILE_TECHNIQUE);
  const provider = encodeURIComponent(HOSTILE_PROVIDER);
  const pages = [
    '/fields',
    `/fields/${field}`,
    `/fields/${field}/rules`,
    `/indicators/${field}/eq?value=${encodeURIComponent(HOSTILE_VALUE)}`,
    '/events',
    `/events/${provider}/7`,
    '/techniques',
    `/techniques/${technique}`,
    `/fields/${encodeURIComponent('<script>alert(1)</script>')}`,
    `/indicators/${field}/eq?value=${encodeURIComponent('<script>"')}`,
    `/events/${provider}/8`,
    `/techniques/${encodeURIComponent('<script>"')}`,
  ];
  for (const path of pages) {
    const { status, body } = await get(path);
    assert.ok(status === 200 || status === 404, `${path}: ${status}`);
    for (const raw of ['<script', '<img', '<b onmouseover', '<i>']) {
      assert.ok(!body.toLowerCase().includes(raw), `${path} holds ${raw}`);
    }
  }
  const fieldPage = await get(`/fields/${field}`);
  assert.ok(fieldPage.body.includes('&lt;script&gt;alert(&#39;field&#39;)&lt;/script&gt;&quot;'));
  const value = encodeURIComponent(HOSTILE_VALUE);
  const indicator = await get(`/indicators/${field}/eq?value=${value}`);
  assert.equal(indicator.status, 200);
  assert.ok(indicator.body.includes('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;'));
  const techniquePage = await get(`/techniques/${technique}`);
  assert.equal(techniquePage.status, 200);
  assert.ok(techniquePage.body.includes('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;'));
  const event = await get(`/events/${provider}/7`);
  assert.equal(event.status, 200);
  assert.ok(event.body.includes('&lt;b onmouseover=&quot;alert(3)&quot;&gt;t&lt;/b&gt;'));
});
