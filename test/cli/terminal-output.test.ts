// Text from rules, events and file names reaches the terminal with its control characters written
// as escapes: terminal sequences (ESC), bidi overrides and line separators never arrive raw.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { terminalSafe } from '../../src/cli/terminal-safe.js';
import { ruledex } from './run-ruledex.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'ruledex-terminal-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Clears the screen, then reverses the rest of the line. */
const HOSTILE = '\u001b[2J\u202e';
const SHOWN = '\\u001b[2J\\u202e';

/** A Sigma rule of ours whose field name and modifier carry the hostile text. */
const HOSTILE_RULE = `title: Decoy Tag Seen
id: 0c4e1f2a-3b5d-4c6e-8f7a-9b0c1d2e3f40
status: test
description: A field name and a modifier that try to drive the terminal.
author: ruledex tests
date: 2026-01-01
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        "Decoy\\e[2J\\u202eTag": honeypot
        "Image|\\e[2J\\u202e": x
    condition: selection
level: low
`;

function assertNoRawControls(text: string): void {
  assert.ok(!text.includes('\u001b'), 'an ESC reached the terminal');
  assert.ok(!text.includes('\u202e'), 'a bidi override reached the terminal');
}

describe('terminalSafe', () => {
  test('escapes C0 and C1 controls, bidi controls and line separators', () => {
    assert.equal(terminalSafe('a\u001b[31mb\u009bc'), 'a\\u001b[31mb\\u009bc');
    assert.equal(terminalSafe('\u202a\u202e\u2066\u2069'), '\\u202a\\u202e\\u2066\\u2069');
    assert.equal(terminalSafe('x\u2028y\u2029z'), 'x\\u2028y\\u2029z');
  });

  test('keeps ordinary text, right-to-left letters and, when asked, tabs', () => {
    assert.equal(terminalSafe('é \u05d0\u05d1 ü'), 'é \u05d0\u05d1 ü');
    assert.equal(terminalSafe('a\tb', true), 'a\tb');
    assert.equal(terminalSafe('a\tb'), 'a\\u0009b');
  });
});

describe('command output', () => {
  const db = path.join(scratch, 'catalog.sqlite');
  let build: ReturnType<typeof ruledex>;

  before(() => {
    const rules = path.join(scratch, 'sigma', 'rules');
    mkdirSync(rules, { recursive: true });
    writeFileSync(path.join(rules, 'decoy.yml'), HOSTILE_RULE);
    writeFileSync(path.join(rules, `broken${HOSTILE}.yml`), 'title: [not closed\n');
    build = ruledex(['build', '--source', `sigma=${path.join(scratch, 'sigma')}`, '--db', db]);
  });

  test('build lists a failed file by a name written with escapes', () => {
    assert.equal(build.status, 0, build.stderr);
    assertNoRawControls(build.stderr);
    assert.match(build.stderr, /^ {2}rules\/broken\\u001b\[2J\\u202e\.yml:2: /m);
  });

  test('report fields shows a field name written with escapes', () => {
    const run = ruledex(['report', 'fields', '--db', db]);
    assert.equal(run.status, 0, run.stderr);
    assertNoRawControls(run.stdout);
    assert.ok(run.stdout.includes(`  Decoy${SHOWN}Tag  e.g. sigma:`), run.stdout);
  });

  test('report parse shows an unknown modifier written with escapes', () => {
    const run = ruledex(['report', 'parse', '--db', db]);
    assert.equal(run.status, 0, run.stderr);
    assertNoRawControls(run.stdout);
    assert.ok(run.stdout.includes(`'${SHOWN}' is not a Sigma modifier`), run.stdout);
  });

  test('report events shows rule text only with escapes', () => {
    const run = ruledex(['report', 'events', '--db', db]);
    assert.equal(run.status, 0, run.stderr);
    assertNoRawControls(run.stdout);
  });

  test('an error quoting a file name is written with escapes', () => {
    const missing = path.join(scratch, `missing${HOSTILE}.json`);
    const run = ruledex(['match', '--events', missing, '--db', db]);
    assert.equal(run.status, 2);
    assertNoRawControls(run.stderr);
    assert.ok(run.stderr.includes(`missing${SHOWN}.json`), run.stderr);
  });
});
