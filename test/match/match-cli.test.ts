// `ruledex match` as a user runs it: one JSON line per event against the documented schema,
// --explain, --rule, the log-source and placeholder options, and exit statuses.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildCatalogFile } from '../../src/build/build-catalog.js';
import { ruledex as runRuledex } from '../cli/run-ruledex.js';
import { schemaErrors } from '../web/json-schemas.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'ruledex-match-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const DB = path.join(scratch, 'catalog.sqlite');
const EVENTS = path.join(scratch, 'events.jsonl');
const REG = 'sigma:00000000-0000-4000-8000-000000000001';
const BURST = 'sigma:00000000-0000-4000-8000-000000000002';
const LOOKBEHIND = 'sigma:00000000-0000-4000-8000-000000000003';
const SERVERS = 'sigma:00000000-0000-4000-8000-000000000004';

function ruleText(id: number, title: string, detection: string[]): string {
  return [
    `title: ${title}`,
    `id: 00000000-0000-4000-8000-00000000000${id}`,
    'logsource:',
    '    product: windows',
    '    category: process_creation',
    'detection:',
    ...detection.map((line) => `    ${line}`),
    'level: low',
    '',
  ].join('\n');
}

function sysmonEvent(eventId: number, image: string, computer: string): string {
  return JSON.stringify({ Event: {
    System: {
      Provider: { '#attributes': { Name: 'Microsoft-Windows-Sysmon' } },
      EventID: eventId,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Computer: computer,
    },
    EventData: { Image: image, CommandLine: `${image} query` },
  } });
}

before(() => {
  const rules = path.join(scratch, 'sigma', 'rules');
  mkdirSync(rules, { recursive: true });
  writeFileSync(path.join(rules, 'reg.yml'), ruleText(1, 'Reg query', [
    'selection:', "    Image|endswith: '\\reg.exe'", 'condition: selection',
  ]));
  writeFileSync(path.join(rules, 'burst.yml'), ruleText(2, 'Reg burst', [
    'selection:',
    "    Image|endswith: '\\reg.exe'",
    'condition: selection | count() by Computer > 5',
  ]));
  writeFileSync(path.join(rules, 'lookbehind.yml'), ruleText(3, 'Lookbehind', [
    'selection:', "    CommandLine|re: '(?<=reg)\\.exe'", 'condition: selection',
  ]));
  writeFileSync(path.join(rules, 'servers.yml'), ruleText(4, 'On servers', [
    'selection:', "    Computer|expand: '%Servers%'", 'condition: selection',
  ]));
  buildCatalogFile([{ source: 'sigma', root: path.join(scratch, 'sigma') }], DB);
  writeFileSync(EVENTS, [
    sysmonEvent(1, 'C:\\Windows\\reg.exe', 'srv01'),
    sysmonEvent(13, 'C:\\Windows\\reg.exe', 'ws01'),
    '',
  ].join('\n'));
});

function ruledex(args: string[]) {
  const run = runRuledex(args);
  const lines = run.stdout.split('\n').filter((line) => line !== '');
  return { status: run.status, lines, stderr: run.stderr };
}

function jsonLines(args: string[]): Record<string, unknown>[] {
  const run = ruledex(['match', '--db', DB, '--events', EVENTS, '--json', ...args]);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  for (const line of lines) {
    assert.deepEqual(schemaErrors('match-line', line), []);
  }
  return lines;
}

describe('ruledex match', () => {
  test('one line per event with the rules that match, partial ones marked', () => {
    assert.deepEqual(jsonLines([]), [
      { file: EVENTS, index: 0, matched: [REG, BURST], partial: [BURST] },
      { file: EVENTS, index: 1, matched: [] },
    ]);
  });

  test('--explain says why each other rule did not match, and which matches are partial', () => {
    const [first, second] = jsonLines(['--explain']);
    assert.deepEqual(first.partial, [BURST]);
    assert.deepEqual(first.undecided, [
      { rule: LOOKBEHIND, reason: "selection: CommandLine|re: '(?<=reg)\\.exe' — RE2 cannot run "
        + 'the pattern: error parsing regexp: invalid named capture: `(?<=reg)\\.exe`' },
      { rule: SERVERS, reason: "selection: Computer|expand: '%Servers%' — the placeholder "
        + '%Servers% has no value' },
    ]);
    assert.deepEqual(first.notMatched, []);
    assert.equal((second.notMatched as unknown[]).length, 4);
  });

  test('--rule evaluates only the rules named, listed in id order', () => {
    assert.deepEqual(jsonLines(['--rule', REG]).map((line) => line.matched), [[REG], []]);
    const both = jsonLines(['--rule', BURST, '--rule', REG, '--rule', BURST]);
    assert.deepEqual(both[0].matched, [REG, BURST].sort());
  });

  test('--no-logsource judges Sigma rules on their detection alone', () => {
    const lines = jsonLines(['--rule', REG, '--no-logsource']);
    assert.deepEqual(lines.map((line) => line.matched), [[REG], [REG]]);
  });

  test('--placeholder gives a placeholder its values', () => {
    const lines = jsonLines(['--rule', SERVERS, '--placeholder', 'Servers=srv*']);
    assert.deepEqual(lines.map((line) => line.matched), [[SERVERS], []]);
  });

  test('an unknown rule, a bad events file or a missing catalog exit 2 with one message', () => {
    const unknown = ruledex(['match', '--db', DB, '--events', EVENTS, '--rule', 'sigma:nope']);
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, `ruledex: no rule sigma:nope in ${DB}\n`);

    const broken = path.join(scratch, 'broken.json');
    writeFileSync(broken, '{"a": 1}\n{"a": ');
    const events = ruledex(['match', '--db', DB, '--events', broken, '--json']);
    assert.equal(events.status, 2);
    assert.match(events.stderr,
      /ruledex: .*broken\.json:2:1: the JSON value starting here is not closed/);
    assert.deepEqual(events.lines.map((line) => JSON.parse(line).index), [0]);

    const noEvents = ruledex(['match', '--db', DB, '--events', path.join(scratch, 'none.json')]);
    assert.equal(noEvents.status, 2);
    assert.match(noEvents.stderr, /^ruledex: no events file or folder .*none\.json\n$/);

    const missing = ruledex(['match', '--db', path.join(scratch, 'none.db'), '--events', EVENTS]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^ruledex: no catalog at .*none\.db: file not found\n$/);
  });
});
