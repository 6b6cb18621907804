import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { CatalogError } from '../../src/store/catalog-error.js';
import { openCatalog } from '../../src/store/catalog.js';
import { writeCatalog } from '../../src/store/write-catalog.js';
import { temporaryFolder, writeFixtureCatalog } from './fixtures/catalog-file.js';
import {
  fixtureFailures,
  fixtureSources,
  fixtureSummary,
  REFERENCE_SHAPED_ID,
  referenceShapedRule,
  rule,
  SHARED_UPSTREAM_ID,
} from './fixtures/rules.js';

const folder = temporaryFolder();
const catalog = openCatalog(writeFixtureCatalog(folder));
after(() => {
  catalog.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const all = { page: 1, pageSize: 50 };

test('a rule reads back exactly as it was written', () => {
  assert.deepEqual(catalog.rule(REFERENCE_SHAPED_ID), referenceShapedRule());
});

test('an unknown catalog id has no rule', () => {
  assert.equal(catalog.rule('splunk:nope'), null);
});

test('a catalog id resolves to its rule', () => {
  const resolution = catalog.resolve(REFERENCE_SHAPED_ID);
  assert.equal(resolution.kind, 'found');
  assert.equal(resolution.kind === 'found' && resolution.rule.id, REFERENCE_SHAPED_ID);
});

test('a bare upstream id resolves when one source has it', () => {
  const resolution = catalog.resolve('0d9e3f1a-5b7c-4e21-9a60-1c2b3d4e5f60');
  assert.equal(resolution.kind === 'found' && resolution.rule.id, REFERENCE_SHAPED_ID);
});

test('a bare upstream id that several sources use is ambiguous, listing the candidates', () => {
  const resolution = catalog.resolve(SHARED_UPSTREAM_ID);
  assert.equal(resolution.kind, 'ambiguous');
  assert.deepEqual(
    resolution.kind === 'ambiguous' && resolution.candidates.map((c) => [c.id, c.title]),
    [
      [`elastic:${SHARED_UPSTREAM_ID}`, 'WMI spawning a shell'],
      [`sigma:${SHARED_UPSTREAM_ID}`, 'Invoke-WmiMethod in a script block'],
    ],
  );
});

test('an unknown reference resolves to nothing', () => {
  assert.deepEqual(catalog.resolve('no-such-rule'), { kind: 'unknown' });
});

test('a listing per source is ordered by title and marks deprecated rules', () => {
  const sigma = catalog.list({ ...all, source: 'sigma' });
  assert.equal(sigma.total, 2);
  assert.deepEqual(
    sigma.items.map((r) => r.title),
    ['<script>alert("title")</script>', 'Invoke-WmiMethod in a script block'],
  );

  const elastic = catalog.list({ ...all, source: 'elastic' });
  assert.deepEqual(elastic.items, [
    {
      id: `elastic:${SHARED_UPSTREAM_ID}`,
      upstreamId: SHARED_UPSTREAM_ID,
      source: 'elastic',
      title: 'WMI spawning a shell',
      status: null,
      level: null,
      language: 'kuery',
      deprecated: true,
      fullyParsed: true,
    },
  ]);
});

test('listing pages hold pageSize rules and count them all', () => {
  const first = catalog.list({ page: 1, pageSize: 3 });
  const second = catalog.list({ page: 2, pageSize: 3 });
  assert.equal(first.total, 4);
  assert.equal(first.items.length, 3);
  assert.equal(second.items.length, 1);
  assert.equal(catalog.list({ page: 9, pageSize: 3 }).items.length, 0);
});

test('page numbers below 1 are read as the first page', () => {
  const page = catalog.list({ page: -4, pageSize: 0 });
  assert.equal(page.page, 1);
  assert.equal(page.pageSize, 1);
  assert.equal(page.items.length, 1);
});

test('search matches words of the title, description and query text', () => {
  const ids = (text: string) => catalog.search(text, all).items.map((r) => r.id);
  assert.deepEqual(ids('shell'), [`elastic:${SHARED_UPSTREAM_ID}`]);
  assert.deepEqual(ids('lateral movement'), [REFERENCE_SHAPED_ID]);
  assert.deepEqual(ids('WmiPrvSE'), [`elastic:${SHARED_UPSTREAM_ID}`]);
});

test('search ranks title matches above query-text matches', () => {
  const found = catalog.search('Invoke-WmiMethod', all).items.map((r) => r.id);
  assert.deepEqual(found, [`sigma:${SHARED_UPSTREAM_ID}`, REFERENCE_SHAPED_ID]);
});

test('search is case-insensitive and takes prefixes', () => {
  assert.equal(catalog.search('WMIPRV*', all).total, 1);
});

test('FTS5 syntax in a search is taken literally, never as an error', () => {
  for (const text of ['"', 'NEAR(a b', 'title:x', 'a OR', '*', '^wmi', 'x AND (', '\u0000']) {
    assert.doesNotThrow(() => catalog.search(text, all), text);
  }
  assert.equal(catalog.search('wmi OR zzz', all).total, 0);
});

test('summary, sources and failures read back as written', () => {
  assert.deepEqual(catalog.summary(), fixtureSummary());
  assert.deepEqual(catalog.sources(), fixtureSources());
  assert.deepEqual(catalog.failures(), fixtureFailures());
});

test('opening a missing file names it', () => {
  const missing = path.join(folder, 'missing.db');
  assert.throws(() => openCatalog(missing), {
    name: 'CatalogError',
    message: `no catalog at ${missing}: file not found`,
  });
  assert.equal(fs.existsSync(missing), false);
});

test('opening a file that is not SQLite says it is not a catalog', () => {
  const text = path.join(folder, 'notes.txt');
  fs.writeFileSync(text, 'just some notes, long enough to look like a file header....\n');
  assert.throws(() => openCatalog(text), (error: unknown) => {
    assert.ok(error instanceof CatalogError);
    assert.match(error.message, /notes\.txt is not a ruledex catalog/);
    return true;
  });
});

test('opening another SQLite database says it is not a catalog', () => {
  const other = path.join(folder, 'other.db');
  const db = new Database(other);
  db.exec('CREATE TABLE things (x)');
  db.close();
  assert.throws(() => openCatalog(other), /other\.db is not a ruledex catalog/);
});

test('a truncated catalog is said to be damaged, with a rebuild asked for', () => {
  const whole = writeFixtureCatalog(fs.mkdtempSync(path.join(folder, 'whole-')));
  const truncated = path.join(folder, 'truncated.db');
  const kept = 8192;
  const bytes = fs.readFileSync(whole);
  assert.ok(bytes.length > kept * 2, 'the fixture catalog is larger than what is kept');
  fs.writeFileSync(truncated, bytes.subarray(0, kept));
  assert.throws(() => openCatalog(truncated), /truncated\.db is a damaged catalog .*rebuild it/);
});

test('a catalog of another schema version asks for a rebuild', () => {
  const old = writeFixtureCatalog(fs.mkdtempSync(path.join(folder, 'old-')));
  const db = new Database(old);
  db.prepare(`UPDATE catalog_info SET value = '0' WHERE key = 'schema_version'`).run();
  db.close();
  assert.throws(() => openCatalog(old), /written with catalog schema 0.*rebuild it/);
});

test('a search with a NUL byte runs instead of failing in SQLite', () => {
  const request = { page: 1, pageSize: 10 };
  for (const text of ['a\u0000b', '\u0000a', 'a\u0000', '"a\u0000b"']) {
    const spaced = text.replace('\u0000', ' ');
    assert.deepEqual(catalog.search(text, request), catalog.search(spaced, request), spaced);
  }
});

test('search lists current rules before deprecated ones', () => {
  const file = path.join(folder, 'deprecated-last.db');
  writeCatalog(file, {
    rules: [
      rule({ source: 'sigma', upstreamId: 'old', title: 'Mimikatz usage', deprecated: true }),
      rule({
        source: 'sigma',
        upstreamId: 'new',
        title: 'Credential tool',
        description: 'mimikatz',
      }),
    ],
    failures: [],
    summary: { sources: {}, rules: 2, seconds: 0 },
    sources: [],
  });
  const ranked = openCatalog(file);
  const found = ranked.search('mimikatz', all).items.map((r) => r.id);
  ranked.close();
  assert.deepEqual(found, ['sigma:new', 'sigma:old']);
});
