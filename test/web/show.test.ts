import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { showRule } from '../../src/cli/show.js';
import { writeCatalog } from '../../src/store/write-catalog.js';
import { ruleJson } from '../../src/web/rule-json.js';
import { temporaryFolder, writeFixtureCatalog } from '../store/fixtures/catalog-file.js';
import { damageRulesTable } from '../store/fixtures/damaged-catalog.js';
import {
  fixtureSummary,
  REFERENCE_SHAPED_ID,
  referenceShapedRule,
  rule,
  SHARED_UPSTREAM_ID,
} from '../store/fixtures/rules.js';
import { schemaErrors } from './json-schemas.js';

const folder = temporaryFolder();
const db = writeFixtureCatalog(folder);
after(() => fs.rmSync(folder, { recursive: true, force: true }));

test('show --json prints the rule JSON of the contract', () => {
  const outcome = showRule(REFERENCE_SHAPED_ID, { db, json: true });
  assert.equal(outcome.status, 0);
  assert.equal(outcome.stderr, '');
  const printed: unknown = JSON.parse(outcome.stdout);
  assert.deepEqual(printed, ruleJson(referenceShapedRule()));
  assert.deepEqual(schemaErrors('rule', printed), []);
});

test('show --json numbers stages from 1 and names their origin and predicate', () => {
  const printed = JSON.parse(showRule(REFERENCE_SHAPED_ID, { db, json: true }).stdout) as {
    stages: { index: number; command: string; effect: string; origin: null; predicate: null }[];
  };
  assert.deepEqual(
    printed.stages.map((s) => [s.index, s.command, s.effect, !!s.origin, !!s.predicate]),
    [
      [1, 'search', 'filter', true, true],
      [2, 'stats', 'aggregate', false, false],
      [3, 'convert', 'format', true, false],
      [4, 'search', 'tuning-hook', true, false],
    ],
  );
});

test('show takes a bare upstream id when one source has it', () => {
  const outcome = showRule('0d9e3f1a-5b7c-4e21-9a60-1c2b3d4e5f60', { db, json: true });
  assert.equal(outcome.status, 0);
  assert.equal((JSON.parse(outcome.stdout) as { id: string }).id, REFERENCE_SHAPED_ID);
});

test('an ambiguous bare id lists the candidates and exits 1', () => {
  const outcome = showRule(SHARED_UPSTREAM_ID, { db });
  assert.equal(outcome.status, 1);
  assert.equal(outcome.stdout, '');
  assert.equal(
    outcome.stderr,
    `ruledex show: ${SHARED_UPSTREAM_ID} is the upstream id of several rules; give a catalog id\n` +
      `  elastic:${SHARED_UPSTREAM_ID}  WMI spawning a shell\n` +
      `  sigma:${SHARED_UPSTREAM_ID}  Invoke-WmiMethod in a script block\n`,
  );
});

test('an ambiguous bare id with --json prints the error JSON with candidates', () => {
  const outcome = showRule(SHARED_UPSTREAM_ID, { db, json: true });
  assert.equal(outcome.status, 1);
  const printed = JSON.parse(outcome.stdout) as { error: { candidates: { id: string }[] } };
  assert.deepEqual(schemaErrors('error', printed), []);
  assert.equal(printed.error.candidates.length, 2);
});

test('an unknown rule exits 1 with a message', () => {
  const outcome = showRule('sigma:nothing', { db });
  assert.deepEqual(outcome, {
    stdout: '',
    stderr: `ruledex show: no rule sigma:nothing in ${db}\n`,
    status: 1,
  });
});

test('a missing catalog exits 2 naming the file', () => {
  const missing = path.join(folder, 'absent.db');
  const outcome = showRule(REFERENCE_SHAPED_ID, { db: missing, json: true });
  assert.equal(outcome.status, 2);
  assert.equal(outcome.stderr, `ruledex show: no catalog at ${missing}: file not found\n`);
  assert.deepEqual(schemaErrors('error', JSON.parse(outcome.stdout)), []);
});

test('a damaged catalog exits 2 with one line naming the file, and the error JSON', () => {
  const damaged = writeFixtureCatalog(fs.mkdtempSync(path.join(folder, 'damaged-')));
  damageRulesTable(damaged);
  const expected =
    `ruledex show: cannot read catalog ${damaged}: database disk image is malformed ` +
    '(the file is damaged: rebuild it with `ruledex build`)\n';

  assert.deepEqual(showRule(REFERENCE_SHAPED_ID, { db: damaged }), {
    stdout: '',
    stderr: expected,
    status: 2,
  });
  const json = showRule(REFERENCE_SHAPED_ID, { db: damaged, json: true });
  assert.equal(json.status, 2);
  assert.equal(json.stderr, expected);
  const printed = JSON.parse(json.stdout) as { error: { code: string } };
  assert.deepEqual(schemaErrors('error', printed), []);
  assert.equal(printed.error.code, 'internal');
});

test('the text rendering has every section, in page order', () => {
  const { stdout, status } = showRule(REFERENCE_SHAPED_ID, { db });
  assert.equal(status, 0);
  const order = [
    'Detection rules › Splunk',
    'Remote process start through WMI in a PowerShell script block',
    'Authors: Fixture Author, Detection Team',
    'MITRE ATT&CK coverage',
    '    T1047 Windows Management Instrumentation',
    'Event coverage',
    '  Microsoft-Windows-PowerShell  4104  Script block logged',
    'Stages and Predicates',
    '  Stage 1: search  [filter — drops events that do not match]',
    '    from macro powershell (defined in macros/powershell.yml)',
    '      ANY OF',
    '        ScriptBlockText contains "-CN" (any case)',
    '  Stage 2: stats  [aggregate — groups events into rows]',
    'Indicators',
    '    4104   corpus 108 (Splunk 100, Sigma 8)',
    'Neighbors',
    `    sigma:${SHARED_UPSTREAM_ID}  Invoke-WmiMethod in a script block`,
    '    none found in this catalog',
    'Original query (Splunk SPL)',
    'Diagnostics',
    'Metadata',
  ];
  let from = 0;
  for (const line of order) {
    const at = stdout.indexOf(`${line}\n`, from);
    assert.ok(at >= from, `missing or out of order: ${line}`);
    from = at;
  }
});

test('control characters in rule text are shown escaped, never sent to the terminal', () => {
  const file = path.join(folder, 'control.db');
  const sneaky = rule({ source: 'sigma', upstreamId: 'esc', title: 'Clear\u001b[2Jscreen' });
  writeCatalog(file, { rules: [sneaky], failures: [], summary: fixtureSummary(), sources: [] });
  const { stdout } = showRule('sigma:esc', { db: file });
  assert.ok(stdout.includes('Clear\\u001b[2Jscreen'));
  assert.ok(!stdout.includes('\u001b'));
});

test('an untitled rule is headed by its catalog id, marked untitled', () => {
  const file = path.join(folder, 'untitled.db');
  const untitled = rule({ source: 'sigma', upstreamId: 'blank', title: '' });
  writeCatalog(file, { rules: [untitled], failures: [], summary: fixtureSummary(), sources: [] });
  const { stdout } = showRule('sigma:blank', { db: file });
  assert.ok(stdout.includes('\nsigma:blank (untitled)\n======================\n'), stdout);
});

test('the show command parses its arguments and sets the exit status', () => {
  const show = new URL('../../src/cli/show.ts', import.meta.url).href;
  const script = `
    import { Command } from 'commander';
    const { showCommand } = await import(${JSON.stringify(show)});
    const program = new Command('ruledex').addCommand(showCommand());
    await program.parseAsync(process.argv.slice(1), { from: 'user' });`;
  const node = ['--import', 'tsx', '--input-type=module', '-e', script, '--'];
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [...node, ...args], { encoding: 'utf8' });

  const found = run('show', REFERENCE_SHAPED_ID, '--db', db, '--json');
  assert.equal(found.status, 0, found.stderr);
  assert.equal((JSON.parse(found.stdout) as { id: string }).id, REFERENCE_SHAPED_ID);

  const ambiguous = run('show', SHARED_UPSTREAM_ID, '--db', db);
  assert.equal(ambiguous.status, 1);
  assert.ok(ambiguous.stderr.includes(`sigma:${SHARED_UPSTREAM_ID}`));
});

test('a catalog id with an unknown source names the source and the known ones', () => {
  const outcome = showRule('bogus:1234', { db });
  assert.equal(outcome.status, 1);
  assert.equal(
    outcome.stderr,
    'ruledex show: unknown source "bogus" in bogus:1234: catalog ids start with splunk, sigma, ' +
      'elastic, elastic-hunting\n',
  );
});

test('a hunting query id without its number points to the numbered id', () => {
  const file = path.join(folder, 'hunting.db');
  const hunting = rule({ source: 'elastic-hunting', upstreamId: 'h-1#1', title: 'Hunt' });
  writeCatalog(file, { rules: [hunting], failures: [], summary: fixtureSummary(), sources: [] });
  const outcome = showRule('h-1', { db: file });
  assert.equal(outcome.status, 1);
  assert.equal(
    outcome.stderr,
    `ruledex show: no rule h-1 in ${file}; hunting queries are numbered within their file: ` +
      'try h-1#1\n',
  );
});
