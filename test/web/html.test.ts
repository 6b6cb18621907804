import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, html } from '../../src/web/html.js';
import { externalHref, rulePath, searchPath, sourcePath } from '../../src/web/link.js';
import { DEFAULT_PAGE_SIZE } from '../../src/web/request-bounds.js';

test('escaping turns every markup character into an entity', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  assert.equal(escapeHtml('plain text'), 'plain text');
});

test('template values are escaped, nested templates are not escaped twice', () => {
  const title = '<script>alert(1)</script>';
  const inner = html`<em>${'a&b'}</em>`;
  assert.equal(
    html`<h1>${title}</h1>${inner}`.markup,
    '<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1><em>a&amp;b</em>',
  );
});

test('template lists are joined, and false, null and undefined render as nothing', () => {
  const items = ['x<', 'y'].map((s) => html`<li>${s}</li>`);
  assert.equal(html`<ul>${items}</ul>${false}${null}${undefined}${0}`.markup,
    '<ul><li>x&lt;</li><li>y</li></ul>0');
});

test('only http and https addresses become links', () => {
  assert.equal(externalHref('https://example.org/a b'), 'https://example.org/a%20b');
  assert.equal(externalHref('http://example.org/'), 'http://example.org/');
  assert.equal(externalHref('javascript:alert(1)'), null);
  assert.equal(externalHref('JavaScript:alert(1)'), null);
  assert.equal(externalHref('data:text/html,<b>x</b>'), null);
  assert.equal(externalHref('not a url'), null);
  assert.equal(externalHref(null), null);
});

test('paths encode rule ids and search text, and keep a page size other than the default', () => {
  assert.equal(rulePath('sigma:a/b c'), '/rules/sigma%3Aa%2Fb%20c');
  assert.equal(searchPath('a&b', 2), '/search?q=a%26b&page=2');
  assert.equal(searchPath('a&b', 1, 10), '/search?q=a%26b&pageSize=10');
  assert.equal(searchPath('a', 2, DEFAULT_PAGE_SIZE), '/search?q=a&page=2');
  assert.equal(sourcePath('sigma', 3, 7), '/sources/sigma?page=3&pageSize=7');
  assert.equal(sourcePath('sigma', 1, 7), '/sources/sigma?pageSize=7');
});
