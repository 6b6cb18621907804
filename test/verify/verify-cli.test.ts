// `ruledex verify` as a user runs it: the report against its documented schema, the text for a
// terminal, the events check, and exit statuses.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildCatalogFile } from '../../src/build/build-catalog.js';
import { ruledex } from '../cli/run-ruledex.js';
import { schemaErrors } from '../web/json-schemas.js';
import { SIGMA_FILES, SPLUNK_FILES } from './claim-fixtures.js';
import { writeRepositories } from './rule-repository.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'ruledex-verify-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const DB = path.join(scratch, 'catalog.sqlite');
const EVENTS = path.join(scratch, 'events.jsonl');

before(() => {
  buildCatalogFile(writeRepositories(scratch, { sigma: SIGMA_FILES, splunk: SPLUNK_FILES }), DB);
  writeFileSync(EVENTS, `${JSON.stringify({ Event: {
    System: {
      Provider: { '#attributes': { Name: 'Microsoft-Windows-Sysmon' } },
      EventID: 1,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
    },
    EventData: {
      Image: 'C:\\Windows\\System32\\rundll32.exe',
      CommandLine: 'rundll32 javascript:"\\..\\mshtml,RunHTMLApplication"',
    },
  } })}\n`);
});

describe('ruledex verify', () => {
  test('--json prints the report of every claim, as the schema documents it', () => {
    const run = ruledex(['verify', '--db', DB, '--json', '--events', EVENTS]);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual(schemaErrors('verify', report), []);
    const { seconds, ...counted } = report;
    assert.equal(typeof seconds, 'number');
    // Two broader claims within Sigma and Splunk, two of Splunk's wide search over both Sigma
    // rules, and six overlapping pairs: the WMI child rule with both Sigma JavaScript rules and
    // both searches, and both Sigma JavaScript rules with the narrow search, which reads event
    // code 1 of any channel where Sigma reads Sysmon 1 and Security 4688.
    assert.deepEqual(counted, {
      claims: 10,
      checked: 10,
      byRelation: { broader: 4, equivalent: 0, overlapping: 6 },
      confirmed: 10,
      unknown: 0,
      unknownReasons: {},
      unknownClaims: [],
      witnesses: 13,
      failures: [],
      // The event is one every narrower rule matches: both Sigma rules and the Splunk search.
      events: { events: 1, claims: 4, checks: 4, undecided: 0, failures: [] },
    });
  });

  test('without --json it prints the counts for a terminal', () => {
    const run = ruledex(['verify', '--db', DB]);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    const counts =
      '10 claims (4 broader, 0 equivalent, 6 overlapping), 10 checked with 13 witnesses';
    assert.ok(lines[0].startsWith(`${counts} in `), lines[0]);
    assert.equal(lines[1], '  10 confirmed, 0 unknown, 0 failed');
  });

  test('a missing catalog exits 2 with one message', () => {
    const missing = path.join(scratch, 'missing.sqlite');
    const run = ruledex(['verify', '--db', missing]);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `ruledex: no catalog at ${missing}: file not found\n`);
  });
});
