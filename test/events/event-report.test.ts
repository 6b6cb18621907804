// The event report counts, per source, the rules resolving to a known event, the events most
// used and the reasons of the others; `ruledex report events --json` prints it as documented.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';

import { eventReport } from '../../src/analysis/event-report.js';
import { buildCatalogFile } from '../../src/build/build-catalog.js';
import { REPO_ROOT } from '../corpus/corpora.js';
import { schemaErrors, type SchemaName } from '../web/json-schemas.js';
import { all, field, ruleWith } from './rule-fixture.js';

const EVENT_REPORT = 'event-report' satisfies SchemaName;

/** A fixture rule with an id of its own. */
const rule = (id: string, ...args: Parameters<typeof ruleWith>) => ({ ...ruleWith(...args), id });

describe('event report', () => {
  test('counts rules with events, events by rules, and the others by reason', () => {
    const security = field('source', 'XmlWinEventLog:Security');
    const report = eventReport([
      rule('splunk:a', { source: 'splunk', eventFilter: all(security, field('EventCode', 4624)) }),
      rule('splunk:b', {
        source: 'splunk',
        eventFilter: all(security, field('EventCode', 4624, 4625)),
      }),
      rule('splunk:c', { source: 'splunk', eventFilter: security }),
      rule('splunk:d', { source: 'splunk', eventFilter: field('sourcetype', 'aws:cloudtrail') }),
      rule('splunk:e', { source: 'splunk', eventFilter: field('sourcetype', 'aws:cloudtrail') }),
    ]);
    assert.deepEqual(report, {
      sources: {
        splunk: {
          rules: 5,
          withEvents: 2,
          share: 0.4,
          distinctEvents: 2,
          events: [
            {
              provider: 'Microsoft-Windows-Security-Auditing',
              eventId: 4624,
              title: 'Logon succeeded',
              rules: 2,
            },
            {
              provider: 'Microsoft-Windows-Security-Auditing',
              eventId: 4625,
              title: 'Logon failed',
              rules: 1,
            },
          ],
          withoutEvents: [
            { reason: 'not a Windows event log', rules: 2, examples: ['splunk:d', 'splunk:e'] },
            { reason: 'no event id', rules: 1, examples: ['splunk:c'] },
          ],
        },
      },
    });
  });

  test('the report validates against its schema', () => {
    const report = eventReport([
      rule('sigma:a', { source: 'sigma', eventFilter: field('logsource.category', 'proxy') }),
    ]);
    assert.deepEqual(schemaErrors(EVENT_REPORT, report), []);
    assert.equal(report.sources.sigma?.share, 0);
  });
});

describe('ruledex report events', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ruledex-report-events-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  const db = path.join(folder, 'demo.sqlite');
  buildCatalogFile((['splunk', 'sigma', 'elastic'] as const).map((source) => ({
    source,
    root: path.join(REPO_ROOT, 'demo', source),
  })), db);
  const ruledex = (args: string[]) => spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'report', 'events', '--db', db, ...args],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );

  test('with --json, prints the report of a catalog, valid against its schema', () => {
    const run = ruledex(['--json']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(schemaErrors(EVENT_REPORT, report), []);
    assert.deepEqual(Object.keys(report.sources).sort(), ['elastic', 'sigma', 'splunk']);
    for (const source of Object.values(report.sources) as { withEvents: number }[]) {
      assert.ok(source.withEvents > 0);
    }
  });

  test('without --json, prints one line per source with its share', () => {
    const run = ruledex([]);
    assert.equal(run.status, 0, run.stderr);
    const heads = run.stdout.split('\n').filter((line) => /^[a-z-]+: /.test(line));
    const sources = heads.map((line) => line.split(':')[0]).sort();
    assert.deepEqual(sources, ['elastic', 'sigma', 'splunk']);
    assert.ok(heads.every((line) => line.includes('rules resolve to a known event')));
  });
});
