// The parse report counts fully parsed rules per source and names what keeps the others out.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { parseReport } from '../../src/analysis/parse-report.js';
import { buildCatalogFile } from '../../src/build/build-catalog.js';
import type { Diagnostic } from '../../src/ir/index.js';
import { REPO_ROOT } from '../corpus/corpora.js';
import { schemaErrors } from '../web/json-schemas.js';

const diagnostic = (code: string, severity: Diagnostic['severity'] = 'warning'): Diagnostic =>
  ({ severity, code, message: `${code} here`, file: 'f.yml', line: 1 });

describe('parse report', () => {
  test('counts per source, current rules apart, constructs by rules, most frequent first', () => {
    const report = parseReport([
      { id: 'splunk:a', source: 'splunk', deprecated: false, fullyParsed: true, diagnostics: [] },
      {
        id: 'splunk:b',
        source: 'splunk',
        deprecated: false,
        fullyParsed: false,
        diagnostics: [diagnostic('spl.opaque-predicate'), diagnostic('spl.opaque-predicate'),
          diagnostic('spl.join-subsearch', 'info'), diagnostic('spl.opaque-stage')],
      },
      {
        id: 'splunk:c',
        source: 'splunk',
        deprecated: true,
        fullyParsed: false,
        diagnostics: [diagnostic('spl.opaque-predicate', 'error')],
      },
    ]);
    assert.deepEqual(report, {
      sources: {
        splunk: {
          rules: 3,
          fullyParsed: 1,
          notFullyParsed: 2,
          current: { rules: 2, fullyParsed: 1, notFullyParsed: 1 },
          constructs: [
            {
              construct: 'spl.opaque-predicate',
              rules: 2,
              message: 'spl.opaque-predicate here',
              examples: ['splunk:b', 'splunk:c'],
            },
            {
              construct: 'spl.opaque-stage',
              rules: 1,
              message: 'spl.opaque-stage here',
              examples: ['splunk:b'],
            },
          ],
        },
      },
    });
  });

  test('a rule not fully parsed without a diagnostic shows as unexplained', () => {
    const report = parseReport([
      { id: 'sigma:x', source: 'sigma', deprecated: false, fullyParsed: false, diagnostics: [] },
    ]);
    assert.equal(report.sources.sigma?.constructs[0].construct, 'unexplained');
  });
});

describe('ruledex report parse', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ruledex-report-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('prints the report of a catalog as JSON valid against its schema', () => {
    const db = path.join(folder, 'demo.sqlite');
    buildCatalogFile((['splunk', 'sigma', 'elastic'] as const).map((source) => ({
      source,
      root: path.join(REPO_ROOT, 'demo', source),
    })), db);
    const run = spawnSync(process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'report', 'parse', '--db', db, '--json'],
      { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(schemaErrors('parse-report', report), []);
    assert.deepEqual(report.sources.sigma, {
      rules: 18,
      fullyParsed: 18,
      notFullyParsed: 0,
      current: { rules: 17, fullyParsed: 17, notFullyParsed: 0 },
      constructs: [],
    });
  });
});
