// `ruledex report fields` as a user runs it: the JSON contract, and what the text shows.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT } from '../corpus/corpora.js';
import { schemaErrors, type SchemaName } from '../web/json-schemas.js';
import { ruledex } from './run-ruledex.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'ruledex-report-fields-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A Sigma rule of ours with one field Sysmon writes and one an organization made up. */
const DECOY_RULE = `title: Explorer Started With a Decoy Tag
id: 5f0d3c1e-8a47-4b52-9d0e-2c6b1e7a9f30
status: test
description: An endpoint agent tags process starts on decoy hosts; one of them started Explorer.
author: ruledex tests
date: 2026-01-01
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        DecoyTag: honeypot
        Image|endswith: '\\explorer.exe'
    condition: selection
level: low
`;

// The schema is known to the shared loader by its file; the name list there lags behind.
const FIELD_REPORT = 'field-report' satisfies SchemaName;

describe('ruledex report fields', () => {
  const db = path.join(scratch, 'catalog.sqlite');

  before(() => {
    const sigma = path.join(scratch, 'sigma');
    mkdirSync(path.join(sigma, 'rules'), { recursive: true });
    writeFileSync(path.join(sigma, 'rules', 'decoy.yml'), DECOY_RULE);
    const sources = [
      '--source', `splunk=${path.join(REPO_ROOT, 'demo', 'splunk')}`,
      '--source', `sigma=${sigma}`,
      '--source', `elastic=${path.join(REPO_ROOT, 'demo', 'elastic')}`,
    ];
    const build = ruledex(['build', ...sources, '--db', db, '--json']);
    assert.equal(build.status, 0, build.stderr);
  });

  test('with --json, stdout holds the report, valid against its schema', () => {
    const run = ruledex(['report', 'fields', '--db', db, '--json']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(schemaErrors(FIELD_REPORT, report), []);
    assert.deepEqual(Object.keys(report.sources).sort(), ['elastic', 'sigma', 'splunk']);
    for (const s of Object.values(report.sources) as Record<string, number>[]) {
      assert.equal(s.predicates, s.ecs + s.table + s.pseudo + s.unmapped);
    }
  });

  test('the made-up field is listed with its rule; the Sysmon one is mapped', () => {
    const report = JSON.parse(ruledex(['report', 'fields', '--db', db, '--json']).stdout);
    const sigma = report.sources.sigma;
    assert.equal(sigma.fieldNames, 'ignore-case');
    assert.deepEqual(sigma.unmappedFields, [{
      field: 'DecoyTag',
      predicates: 1,
      rules: 1,
      computed: 0,
      examples: ['sigma:5f0d3c1e-8a47-4b52-9d0e-2c6b1e7a9f30'],
    }]);
    assert.equal(sigma.writtenShare, 0.5);
  });

  test('without --json, one line per source, then its unmapped fields', () => {
    const run = ruledex(['report', 'fields', '--db', db]);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(lines.find((l) => l.startsWith('sigma: ')) ?? '',
      /^sigma: \d+\/\d+ predicates on fields mapped \(\d+\.\d%\): .* 1 unmapped; /);
    assert.ok(lines.some((l) => /^ {2}\d+ more on pseudo fields, not counted: raw text/.test(l)));
    assert.ok(!lines.some((l) => l.includes('leaving out the 0')), 'no empty computed figure');
    assert.ok(lines.includes('      1  DecoyTag  e.g. sigma:5f0d3c1e-8a47-4b52-9d0e-2c6b1e7a9f30'),
      run.stdout);
  });
});
