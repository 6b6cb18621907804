import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { fixtureApp } from './fixture-app.js';
import { schemaErrors } from './json-schemas.js';

const { app, close } = fixtureApp();
after(close);

test('another method on an API route is 405 with Allow, in the error JSON', async () => {
  for (const [method, path] of [
    ['POST', '/api/summary'],
    ['DELETE', '/api/rules/sigma%3Ax'],
    ['PUT', '/api/search?q=wmi'],
  ]) {
    const response = await app.request(path, { method });
    assert.equal(response.status, 405, `${method} ${path}`);
    assert.equal(response.headers.get('allow'), 'GET, HEAD');
    const body: unknown = await response.json();
    assert.deepEqual(schemaErrors('error', body), []);
    assert.deepEqual(body, {
      error: {
        code: 'method-not-allowed',
        message: `${path.split('?')[0]} answers GET and HEAD only, not ${method}`,
      },
    });
  }
});

test('another method on a page is a 405 page with Allow', async () => {
  for (const [method, path] of [
    ['POST', '/'],
    ['POST', '/search?q=wmi'],
    ['DELETE', '/rules/sigma%3Ax'],
    ['PATCH', '/sources/sigma'],
    ['OPTIONS', '/style.css'],
  ]) {
    const response = await app.request(path, { method });
    assert.equal(response.status, 405, `${method} ${path}`);
    assert.equal(response.headers.get('allow'), 'GET, HEAD');
    assert.ok((await response.text()).includes('<h1>Method not allowed</h1>'));
  }
});

test('HEAD is answered on every route; unknown paths stay 404 for any method', async () => {
  assert.equal((await app.request('/api/summary', { method: 'HEAD' })).status, 200);
  assert.equal((await app.request('/', { method: 'HEAD' })).status, 200);
  assert.equal((await app.request('/nowhere', { method: 'POST' })).status, 404);
  assert.equal((await app.request('/api/nowhere', { method: 'POST' })).status, 404);
  assert.equal((await app.request('/api/nowhere')).status, 404);
});
