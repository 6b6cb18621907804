import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { openCatalog } from '../../src/store/catalog.js';
import { writeCatalog } from '../../src/store/write-catalog.js';
import { temporaryFolder, writeFixtureCatalog } from './fixtures/catalog-file.js';
import {
  fixtureSources,
  fixtureSummary,
  referenceShapedRule,
  sigmaRule,
} from './fixtures/rules.js';

const folder = temporaryFolder();
after(() => fs.rmSync(folder, { recursive: true, force: true }));

test('a written catalog leaves no temporary file behind', () => {
  const file = writeFixtureCatalog(fs.mkdtempSync(path.join(folder, 'clean-')));
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['catalog.db']);
});

test('a build interrupted midway leaves the previous catalog intact and no temporary file', () => {
  const file = writeFixtureCatalog(fs.mkdtempSync(path.join(folder, 'intact-')));
  const before = fs.readFileSync(file);
  // The second rule fails while being written, after the first one is already in the new file.
  const interrupted = sigmaRule();
  Object.defineProperty(interrupted, 'title', {
    get() {
      throw new Error('interrupted');
    },
  });

  assert.throws(
    () =>
      writeCatalog(file, {
        rules: [referenceShapedRule(), interrupted],
        failures: [],
        summary: fixtureSummary(),
        sources: [],
      }),
    /interrupted/,
  );

  assert.deepEqual(fs.readFileSync(file), before);
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['catalog.db']);
  const catalog = openCatalog(file);
  assert.equal(catalog.summary().rules, 4);
  catalog.close();
});

test('rewriting a catalog replaces its whole content', () => {
  const file = writeFixtureCatalog(fs.mkdtempSync(path.join(folder, 'replace-')));
  writeCatalog(file, {
    rules: [sigmaRule()],
    failures: [],
    summary: { sources: {}, rules: 1, seconds: 1 },
    sources: [],
  });

  const catalog = openCatalog(file);
  assert.equal(catalog.list({ page: 1, pageSize: 10 }).total, 1);
  assert.deepEqual(catalog.failures(), []);
  catalog.close();
});

test('a second rule with the same catalog id is reported as a failure, not stored twice', () => {
  const file = path.join(folder, 'duplicate.db');
  const copy = { ...referenceShapedRule(), file: 'detections/copy.yml', line: 7 };
  writeCatalog(file, {
    rules: [referenceShapedRule(), copy],
    failures: [],
    summary: fixtureSummary(),
    sources: fixtureSources(),
  });

  const catalog = openCatalog(file);
  assert.equal(catalog.list({ page: 1, pageSize: 10 }).total, 1);
  assert.deepEqual(catalog.failures(), [
    {
      source: 'splunk',
      file: 'detections/copy.yml',
      line: 7,
      reason:
        `duplicate catalog id ${copy.id}: already stored from ` +
        'detections/endpoint/wmi_remote_start_from_script_block.yml:1',
    },
  ]);
  catalog.close();
});

test('each indicator value is a row with the key the pages group by and its JSON value', () => {
  const file = writeFixtureCatalog(fs.mkdtempSync(path.join(folder, 'indicators-')));
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare(
      `SELECT i.canonical_field, i.key_op, i.key_value, i.negated, i.value
       FROM indicators i JOIN rules r ON r.seq = i.rule_seq WHERE r.id = ? ORDER BY i.value`,
    )
    .all(referenceShapedRule().id);
  const valueless = db
    .prepare(`SELECT key_op, key_value, value FROM indicators WHERE key_op = 'exists'`)
    .all();
  db.close();

  const text = (value: string, key: string) => ({
    canonical_field: 'powershell.file.script_block_text',
    key_op: 'contains',
    key_value: key,
    negated: 0,
    value,
  });
  assert.deepEqual(rows, [
    text('"-CN"', 's:-cn'),
    text('"-ComputerName"', 's:-computername'),
    text('"Invoke-WmiMethod"', 's:invoke-wmimethod'),
    { canonical_field: 'event.code', key_op: 'eq', key_value: 'n:4104', negated: 0, value: '4104' },
  ]);
  assert.deepEqual(valueless, [{ key_op: 'exists', key_value: '', value: null }]);
});

/** The pid of a process that has already exited. */
function exitedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

test('a write removes temporary files that dead builds left beside the catalog', () => {
  const dir = fs.mkdtempSync(path.join(folder, 'stale-'));
  const dead = exitedPid();
  const left = [`catalog.db.tmp-${dead}`, `catalog.db.tmp-${dead}-journal`];
  // Not ours to remove: a build still running (this test's own parent process), other names.
  const kept = [`catalog.db.tmp-${process.ppid}`, 'catalog.db.tmp-notapid', `other.db.tmp-${dead}`];
  for (const name of [...left, ...kept]) fs.writeFileSync(path.join(dir, name), 'partial');

  writeFixtureCatalog(dir);

  assert.deepEqual(fs.readdirSync(dir).sort(), ['catalog.db', ...kept].sort());
});

test('a build killed mid-write keeps the old catalog; the next write cleans up', async () => {
  const dir = fs.mkdtempSync(path.join(folder, 'killed-'));
  const file = writeFixtureCatalog(dir);
  const before = fs.readFileSync(file);
  const write = new URL('../../src/store/write-catalog.ts', import.meta.url).href;
  const rules = new URL('./synthetic-rules.ts', import.meta.url).href;
  const script = `
    const { writeCatalog } = await import(${JSON.stringify(write)});
    const { syntheticRules } = await import(${JSON.stringify(rules)});
    const content = { failures: [], summary: { sources: {}, rules: 0, seconds: 0 }, sources: [] };
    for (;;) writeCatalog(${JSON.stringify(file)}, { ...content, rules: syntheticRules(8000) });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
  const exited = once(child, 'exit');
  const temporary = `${file}.tmp-${child.pid}`;
  while (!fs.existsSync(temporary)) await new Promise((resolve) => setTimeout(resolve, 5));
  child.kill('SIGTERM');
  await exited;

  assert.ok(fs.existsSync(temporary), 'the killed build had no chance to remove its file');
  assert.deepEqual(fs.readFileSync(file), before);
  writeFixtureCatalog(dir);
  assert.deepEqual(fs.readdirSync(dir), ['catalog.db']);
});
