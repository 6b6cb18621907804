import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Catalog } from '../../src/store/catalog.js';
import { createApp } from '../../src/web/app.js';
import { REFERENCE_SHAPED_ID, SHARED_UPSTREAM_ID } from '../store/fixtures/rules.js';
import { fixtureApp } from './fixture-app.js';

const { app, close } = fixtureApp();
after(close);

async function get(path: string): Promise<{ status: number; body: string; response: Response }> {
  const response = await app.request(path);
  return { status: response.status, body: await response.text(), response };
}

const referencePage = `/rules/${encodeURIComponent(REFERENCE_SHAPED_ID)}`;

/** The number cells of the table row that contains `marker`. */
function numbersInRow(body: string, marker: string): string[] {
  const at = body.indexOf(marker);
  const row = body.slice(body.lastIndexOf('<tr>', at), body.indexOf('</tr>', at));
  return [...row.matchAll(/<td class="number">([^<]*)<\/td>/g)].map((m) => m[1]);
}

test('the home page counts rules per source and offers search', async () => {
  const { status, body } = await get('/');
  assert.equal(status, 200);
  assert.ok(body.includes('<a href="/sources/sigma">Sigma</a>'));
  // Files, documents, rules, failed, with diagnostics, fully parsed.
  assert.deepEqual(numbersInRow(body, 'Sigma</a>'), ['3', '3', '2', '1', '1', '1 (50.0%)']);
  assert.ok(body.includes('<form action="/search" method="get" role="search">'));
});

test('a source listing links each rule by its encoded id and marks deprecated ones', async () => {
  const { status, body } = await get('/sources/elastic');
  assert.equal(status, 200);
  assert.ok(body.includes(`href="/rules/elastic%3A${SHARED_UPSTREAM_ID}"`));
  assert.ok(body.includes('<span class="badge deprecated">deprecated</span>'));
});

test('a source listing is paged', async () => {
  const first = await get('/sources/sigma?pageSize=1');
  assert.ok(first.body.includes('Page 1 of 2'));
  assert.ok(first.body.includes('href="/sources/sigma?page=2&amp;pageSize=1"'));
  const second = await get('/sources/sigma?page=2&pageSize=1');
  assert.ok(second.body.includes('Invoke-WmiMethod in a script block'));
  assert.ok(!second.body.includes('&lt;script&gt;'));
});

test('a page past the end of a listing is a 404 pointing to the last page', async () => {
  const past = await get('/sources/sigma?page=999&pageSize=1');
  assert.equal(past.status, 404);
  assert.ok(past.body.includes('This list has 2 pages, not 999:'));
  assert.ok(past.body.includes('<a href="/sources/sigma?page=2&amp;pageSize=1">'));
  const search = await get('/search?q=wmi&page=50');
  assert.equal(search.status, 404);
  assert.ok(search.body.includes('This list has one page, not 50:'));
});

test('searching a rule id opens the rule; a shared upstream id lists its rules', async () => {
  const found = await get(`/search?q=${encodeURIComponent(REFERENCE_SHAPED_ID)}`);
  assert.equal(found.status, 302);
  assert.equal(found.response.headers.get('location'), referencePage);
  const shared = await get(`/search?q=${SHARED_UPSTREAM_ID}`);
  assert.equal(shared.status, 200);
  assert.ok(shared.body.includes('<h2>Rules with this id</h2>'));
  assert.ok(shared.body.includes(`href="/rules/sigma%3A${SHARED_UPSTREAM_ID}"`));
});

test('searching a technique id points to the technique page with its rule count', async () => {
  const { status, body } = await get('/search?q=t1047');
  assert.equal(status, 200);
  const text = body.replace(/\s+/g, ' ');
  assert.ok(text.includes('<a href="/techniques/T1047"><code>T1047</code> Windows Management'));
  assert.match(text, /Instrumentation<\/a>: named by \d+ rules? with its sub-techniques\./);
});

test('the hunting queries listing is titled without "rules"', async () => {
  const { status, body } = await get('/sources/elastic-hunting');
  assert.equal(status, 200);
  assert.ok(body.includes('<h1>Elastic hunting queries</h1>'), body);
});

test('the home page names each repository by its folder, not its absolute path', async () => {
  const { body } = await get('/');
  assert.ok(body.includes('Splunk: <code>splunk</code>'));
  assert.ok(!body.includes('/corpora/'));
});

test('an unknown source is a 404 page', async () => {
  const { status, body } = await get('/sources/qradar');
  assert.equal(status, 404);
  assert.ok(body.includes('There is no source named qradar.'));
});

test('search results list matching rules with the text kept in the box', async () => {
  const { status, body } = await get('/search?q=shell');
  assert.equal(status, 200);
  assert.ok(body.includes('WMI spawning a shell'));
  assert.ok(body.includes('value="shell"'));
  assert.ok(!body.includes('Invoke-WmiMethod in a script block'));
});

test('the rule page has every section of the reference page', async () => {
  const { status, body } = await get(referencePage);
  assert.equal(status, 200);
  for (const heading of [
    'MITRE ATT&amp;CK coverage',
    'Event coverage',
    'Stages and Predicates',
    'Indicators',
    'Neighbors',
    'Broader alternatives',
    'Narrower variants',
    'Original query',
    'Diagnostics',
    'Metadata',
  ]) {
    assert.ok(body.includes(`${heading}</h`), heading);
  }
  assert.ok(body.includes('<a href="/">Detection rules</a> ›'));
  assert.ok(body.includes('Fixture Author, Detection Team'));
  assert.ok(body.includes('href="https://example.org/detections/endpoint/'));
  assert.ok(
    body.includes('<a href="/techniques/T1047"><code>T1047</code></a>\nWindows Management'),
  );
  assert.ok(
    body.includes(
      '<td>Microsoft-Windows-PowerShell</td>\n' +
        '<td class="number"><a href="/events/Microsoft-Windows-PowerShell/4104">4104</a></td>',
    ),
  );
  assert.ok(body.includes('<h3>Stage 2: stats</h3>'));
  assert.ok(body.includes('from macro <code>powershell</code>'));
  assert.ok(body.includes('<span class="connective">ANY OF</span>'));
  assert.ok(body.includes('<span class="corpus">corpus 108 (Splunk 100, Sigma 8)</span>'));
  assert.ok(body.includes('No narrower rule was found in this catalog.'));
});

test('predicates show field, op, value and case rule; opaque parts are marked', async () => {
  const { body } = await get(`/rules/sigma%3A${SHARED_UPSTREAM_ID}`);
  assert.ok(body.includes('<code>Path</code>'));
  assert.ok(body.includes('<strong class="op">endswith</strong>'));
  assert.ok(body.includes('<code>&quot;\\Trusted\\admin.ps1&quot;</code>'), 'one backslash');
  assert.ok(body.includes('<span class="badge">case-sensitive</span>'));
  assert.ok(body.includes('<span class="connective">NOT</span>'));
  assert.ok(body.includes('<span class="badge opaque">not understood</span>'));
  assert.ok(body.includes('<code>near filter_x</code> — near is not supported'));
  assert.ok(body.includes('not in ATT&amp;CK data'));
});

test('a deprecated rule carries a banner', async () => {
  const { body } = await get(`/rules/elastic%3A${SHARED_UPSTREAM_ID}`);
  assert.ok(body.includes('<strong>Deprecated.</strong>'));
});

test('rule text is escaped everywhere, and unsafe links are not linked', async () => {
  const { status, body } = await get('/rules/sigma%3Ahostile-1');
  assert.equal(status, 200);
  assert.ok(body.includes('<h1>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</h1>'));
  assert.ok(body.includes('&lt;img src=x onerror=alert(1)&gt; &amp; friends'));
  assert.ok(body.includes('&lt;b&gt;bold&lt;/b&gt;'));
  assert.ok(!body.includes('<script'));
  assert.ok(!body.includes('<img'));
  assert.ok(!body.includes('href="javascript:'));
  const reference = await get(referencePage);
  assert.ok(reference.body.includes('<li>javascript:alert(1)</li>'));
});

test('a bare upstream id redirects to the rule page under its catalog id', async () => {
  const { status, response } = await get('/rules/0d9e3f1a-5b7c-4e21-9a60-1c2b3d4e5f60');
  assert.equal(status, 302);
  assert.equal(response.headers.get('location'), referencePage);
});

test('an ambiguous bare id lists the candidates', async () => {
  const { status, body } = await get(`/rules/${SHARED_UPSTREAM_ID}`);
  assert.equal(status, 300);
  assert.ok(body.includes(`href="/rules/elastic%3A${SHARED_UPSTREAM_ID}"`));
  assert.ok(body.includes(`href="/rules/sigma%3A${SHARED_UPSTREAM_ID}"`));
});

test('an unknown rule is a 404 page', async () => {
  const { status, body } = await get('/rules/splunk%3Anothing');
  assert.equal(status, 404);
  assert.ok(body.includes('There is no rule splunk:nothing here.'));
});

test('inputs out of bounds are answered 400 on pages', async () => {
  for (const path of [
    `/search?q=${'a'.repeat(201)}`,
    '/search?q=x&page=0',
    '/sources/sigma?page=abc',
    '/sources/sigma?page=10001',
    '/sources/sigma?pageSize=201',
    '/sources/sigma?page=1.5',
    `/rules/${'x'.repeat(301)}`,
  ]) {
    const { status, body } = await get(path);
    assert.equal(status, 400, path);
    assert.ok(body.includes('<h1>Bad request</h1>'), path);
  }
});

test('pages are sent with a policy that forbids scripts and outside resources', async () => {
  const { response } = await get('/');
  assert.equal(
    response.headers.get('content-security-policy'),
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " +
      "base-uri 'none'; frame-ancestors 'none'",
  );
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  const css = await get('/style.css');
  assert.equal(css.response.headers.get('content-type'), 'text/css');
});

test('a failing catalog gives a 500 without internals, as a page and as JSON', async (t) => {
  const broken = new Proxy({} as Catalog, {
    get: () => () => {
      throw new Error('secret detail at /internal/path.ts:12');
    },
  });
  t.mock.method(console, 'error', () => {});
  const brokenApp = createApp(broken);

  const page = await brokenApp.request('/');
  const pageBody = await page.text();
  assert.equal(page.status, 500);
  assert.ok(pageBody.includes('The server could not answer this request.'));
  assert.ok(!pageBody.includes('secret'));

  const api = await brokenApp.request('/api/summary');
  assert.equal(api.status, 500);
  assert.deepEqual(await api.json(), {
    error: { code: 'internal', message: 'The server could not answer this request.' },
  });
});

test('malformed percent-encoding is answered, never with a server error', async () => {
  for (const path of ['/search?q=%E0%A4%A', '/search?q=%ZZ', '/sources/%ZZ', '/rules/%E0%A4%A']) {
    const { status } = await get(path);
    assert.ok(status === 200 || status === 404, `${path}: ${status}`);
  }
});

test('unknown paths are 404 pages', async () => {
  const { status, body } = await get('/wp-admin');
  assert.equal(status, 404);
  assert.ok(body.includes('Nothing lives at /wp-admin.'));
});

test('the search page takes a NUL byte as a word break, never a server error', async () => {
  for (const q of ['a%00b', '%00a', 'a%00', '%22a%00b%22']) {
    const { status, body } = await get(`/search?q=${q}`);
    assert.equal(status, 200, q);
    assert.ok(!body.includes('\u0000'), q);
  }
});

test('the pager keeps the page size it was asked for', async () => {
  const second = await get('/sources/sigma?page=2&pageSize=1');
  assert.ok(second.body.includes('Page 2 of 2'));
  assert.ok(second.body.includes('href="/sources/sigma?pageSize=1" rel="prev"'));

  const search = await get('/search?q=wmi*&pageSize=1');
  assert.ok(search.body.includes('Page 1 of 3'));
  assert.ok(search.body.includes('href="/search?q=wmi*&amp;page=2&amp;pageSize=1" rel="next"'));
  const next = await get('/search?q=wmi*&page=2&pageSize=1');
  assert.ok(next.body.includes('Page 2 of 3'));
});
