import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { CatalogError } from '../../src/store/catalog-error.js';
import { ListenError, startServer } from '../../src/web/start-server.js';
import { temporaryFolder, writeFixtureCatalog } from '../store/fixtures/catalog-file.js';

const folder = temporaryFolder();
const db = writeFixtureCatalog(folder);
after(() => fs.rmSync(folder, { recursive: true, force: true }));

test('the server listens on loopback by default and serves pages and the API', async () => {
  const server = await startServer({ db, port: 0 });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await fetch(server.url);
    assert.equal(home.status, 200);
    assert.ok((await home.text()).includes('Detection rules'));
    const summary = (await (await fetch(`${server.url}api/summary`)).json()) as { rules: number };
    assert.equal(summary.rules, 4);
  } finally {
    await server.close();
  }
});

test('after close the port no longer answers', async () => {
  const server = await startServer({ db, port: 0 });
  await server.close();
  await assert.rejects(fetch(server.url));
});

test('serving a missing catalog fails before listening, naming the file', async () => {
  const missing = path.join(folder, 'none.db');
  await assert.rejects(startServer({ db: missing, port: 0 }), (error: unknown) => {
    assert.ok(error instanceof CatalogError);
    assert.equal(error.message, `no catalog at ${missing}: file not found`);
    return true;
  });
});

test('a port in use is reported as such', async () => {
  const first = await startServer({ db, port: 0 });
  const port = Number(new URL(first.url).port);
  try {
    await assert.rejects(startServer({ db, port }), (error: unknown) => {
      assert.ok(error instanceof ListenError);
      assert.equal(error.message, `cannot listen on 127.0.0.1 port ${port}: the port is in use`);
      return true;
    });
  } finally {
    await first.close();
  }
});
