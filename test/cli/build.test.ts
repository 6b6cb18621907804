// `ruledex build` as a user runs it: the summary contract, and the checks made before any work.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { REPO_ROOT } from '../corpus/corpora.js';
import { schemaErrors } from '../web/json-schemas.js';
import { ruledex } from './run-ruledex.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'ruledex-build-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const DEMO_SOURCES = ['splunk', 'sigma', 'elastic']
  .flatMap((source) => ['--source', `${source}=${path.join(REPO_ROOT, 'demo', source)}`]);

describe('ruledex build', () => {
  test('with --json, stdout holds only the summary, and documents = rules + failed', () => {
    const db = path.join(scratch, 'demo.sqlite');
    const run = ruledex(['build', ...DEMO_SOURCES, '--db', db, '--json']);
    assert.equal(run.status, 0, run.stderr);
    const summary = JSON.parse(run.stdout);
    assert.deepEqual(schemaErrors('build-summary', summary), []);
    assert.deepEqual(Object.keys(summary.sources), ['splunk', 'sigma', 'elastic']);
    for (const s of Object.values(summary.sources) as { documents: number; rules: number;
      failed: number }[]) {
      assert.equal(s.documents, s.rules + s.failed);
    }
    assert.equal(summary.rules, 50);
  });

  test('a rebuild replaces an existing catalog', () => {
    const db = path.join(scratch, 'again.sqlite');
    assert.equal(ruledex(['build', ...DEMO_SOURCES, '--db', db, '--json']).status, 0);
    const run = ruledex(['build', '--source', `sigma=${path.join(REPO_ROOT, 'demo/sigma')}`,
      '--db', db, '--json']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).rules, 18);
  });

  test('a truncated catalog, whose tables cannot be read, is replaced', () => {
    const db = path.join(scratch, 'truncated.sqlite');
    assert.equal(ruledex(['build', ...DEMO_SOURCES, '--db', db, '--json']).status, 0);
    truncateSync(db, 16384);
    const shown = ruledex(['show', 'sigma:x', '--db', db]);
    assert.match(shown.stderr, /damaged catalog/);
    const run = ruledex(['build', ...DEMO_SOURCES, '--db', db, '--json']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).rules, 50);
  });

  test('a truncated SQLite file of something else is not replaced', () => {
    const other = path.join(scratch, 'other.sqlite');
    const made = spawnSync(process.execPath, ['-e',
      `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(other)});`
        + "db.exec('CREATE TABLE notes (text)'); db.close();"], { cwd: REPO_ROOT });
    assert.equal(made.status, 0, String(made.stderr));
    truncateSync(other, 100);
    const run = ruledex(['build', ...DEMO_SOURCES, '--db', other]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /it is not a ruledex catalog/);
  });

  test('a FIFO at the catalog path is refused, not waited on', () => {
    const fifo = path.join(scratch, 'fifo.sqlite');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const run = ruledex(['build', ...DEMO_SOURCES, '--db', fifo], 60_000);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /it is not a ruledex catalog/);
  });

  test('refuses to replace a file that is not a catalog, and leaves it alone', () => {
    const notes = path.join(scratch, 'notes.txt');
    writeFileSync(notes, 'my notes\n');
    const run = ruledex(['build', ...DEMO_SOURCES, '--db', notes]);
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr,
      `ruledex: refusing to replace ${notes}: it is not a ruledex catalog; `
        + 'remove it or choose another --db\n',
    );
    assert.equal(readFileSync(notes, 'utf8'), 'my notes\n');
  });

  test('a catalog path in a missing folder fails at once with one line', () => {
    const run = ruledex(['build', ...DEMO_SOURCES, '--db', path.join(scratch, 'no/such/x.db')]);
    assert.equal(run.status, 2);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /folder .* does not exist/);
  });

  test('a wrong source folder or name is a usage error naming it', () => {
    const missing = ruledex(['build', '--source', 'sigma=/no/such/folder', '--db', 'x.db']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /sigma source folder not found: \/no\/such\/folder/);
    const typo = ruledex(['build', '--source', 'sigmaa=demo/sigma', '--db', 'x.db']);
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /unknown source "sigmaa"/);
    const file = ruledex(['build', '--source', 'splunk=README.md', '--db', 'x.db']);
    assert.equal(file.status, 2);
    assert.equal(
      file.stderr,
      `ruledex: splunk source ${path.join(REPO_ROOT, 'README.md')} is a file; `
        + "give the repository's folder\n",
    );
  });

  test('build --help names the elastic-hunting source read from hunting/', () => {
    const run = ruledex(['build', '--help']);
    assert.equal(run.status, 0);
    const help = run.stdout.replace(/\s+/g, ' ');
    assert.match(help, /hunting\/ folder is read as source elastic-hunting/);
  });
});
