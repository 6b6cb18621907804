import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { CatalogError } from '../../src/store/catalog-error.js';
import { ListenError, startServer, type RunningServer } from '../../src/web/start-server.js';
import { temporaryFolder, writeFixtureCatalog } from '../store/fixtures/catalog-file.js';
import { damageRulesTable } from '../store/fixtures/damaged-catalog.js';

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

test('serving a damaged catalog fails before listening, saying it is damaged', async () => {
  const damaged = writeFixtureCatalog(fs.mkdtempSync(path.join(folder, 'damaged-')));
  damageRulesTable(damaged);
  const outcome: unknown = await startServer({ db: damaged, port: 0 })
    .catch((error: unknown) => error);
  if (!(outcome instanceof Error)) await (outcome as RunningServer).close();
  assert.ok(outcome instanceof CatalogError, String(outcome));
  const start = `${damaged} is damaged (SQLite quick_check: `;
  assert.ok(outcome.message.startsWith(start), outcome.message);
  assert.ok(outcome.message.endsWith('): rebuild it with `ruledex build`'), outcome.message);
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

test('the serve command prints its URL, serves, and stops cleanly on SIGTERM', async () => {
  const serve = new URL('../../src/cli/serve.ts', import.meta.url).href;
  const script = `
    import { Command } from 'commander';
    const { serveCommand } = await import(${JSON.stringify(serve)});
    const program = new Command('ruledex').addCommand(serveCommand());
    await program.parseAsync(process.argv.slice(1), { from: 'user' });`;
  const node = ['--import', 'tsx', '--input-type=module', '-e', script, '--'];
  const child = spawn(process.execPath, [...node, 'serve', '--db', db, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const url = line.slice(line.indexOf(' at ') + 4);
    assert.equal(line, `ruledex serving ${db} at ${url}`);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal((await fetch(`${url}api/summary`)).status, 200);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0);
});
