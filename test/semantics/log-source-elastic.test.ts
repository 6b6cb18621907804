// An Elastic rule's index patterns, datasets and Winlogbeat modules gain the events they cover as
// ECS constraints beside them: `logs-<dataset>-*` reads that dataset, a Windows dataset its
// channel (and the provider alone writing it).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Rule } from '../../src/ir/index.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { lowerElastic } from '../../src/lower/elastic/lower-elastic.js';
import {
  datasetOfIndexPattern,
  eventsOfElasticDataset,
  eventsOfWinlogbeatModule,
} from '../../src/semantics/elastic-log-sources.js';
import { constrainLogSource } from '../../src/semantics/log-source-constraints.js';
import { elasticDocument } from '../elastic/elastic-fixture.js';
import { notation } from '../sigma/expr-notation.js';

function constrained(rule: Record<string, unknown>): Rule {
  const doc = elasticDocument(rule);
  const finished = finishRule(doc, lowerElastic(doc, { commit: null }));
  constrainLogSource(finished, { commit: null });
  return finished;
}

const stage = (rule: Rule, command: string) =>
  notation(rule.pipeline.find((s) => s.command === command)!.predicate!);

describe('Elastic log-source constraints', () => {
  test('a data stream pattern reads its dataset; a Windows dataset its channel', () => {
    const rule = constrained({
      type: 'query',
      language: 'kuery',
      query: 'process.name : "x.exe"',
      index: ['logs-windows.sysmon_operational-*', 'logs-aws.cloudtrail-*', 'winlogbeat-*'],
    });
    assert.equal(
      stage(rule, 'from'),
      'or(and(_index startswith cased "logs-windows.sysmon_operational-", '
        + 'winlog.channel eq "Microsoft-Windows-Sysmon/Operational", '
        + 'event.provider eq "Microsoft-Windows-Sysmon", '
        + 'event.dataset eq "windows.sysmon_operational"), '
        + 'and(_index startswith cased "logs-aws.cloudtrail-", '
        + 'event.dataset eq "aws.cloudtrail"), '
        + '_index startswith cased "winlogbeat-")',
    );
  });

  test('an excluded pattern is left alone', () => {
    const rule = constrained({
      type: 'query',
      language: 'kuery',
      query: 'process.name : "x.exe"',
      index: ['logs-*', '-logs-aws.cloudtrail-*'],
    });
    assert.equal(
      stage(rule, 'from'),
      'and(_index startswith cased "logs-", '
        + 'not(_index startswith cased "logs-aws.cloudtrail-"))',
    );
  });

  test('a dataset condition in the query names its channel, a module its channels', () => {
    const rule = constrained({
      type: 'query',
      language: 'kuery',
      query: 'event.dataset : "system.security" and event.module : "powershell"',
    });
    assert.equal(
      stage(rule, 'query'),
      'and(event.dataset eq cased "system.security", winlog.channel eq "Security", '
        + 'event.module eq cased "powershell", '
        + 'or(and(winlog.channel eq "Windows PowerShell", event.provider eq "PowerShell"), '
        + 'and(winlog.channel eq "Microsoft-Windows-PowerShell/Operational", '
        + 'event.provider eq "Microsoft-Windows-PowerShell")))',
    );
  });

  test('index patterns name a dataset only by the data stream naming scheme', () => {
    assert.equal(datasetOfIndexPattern('logs-aws.cloudtrail-*'), 'aws.cloudtrail');
    assert.equal(datasetOfIndexPattern('logs-system.security*'), 'system.security');
    const defend = datasetOfIndexPattern('logs-endpoint.events.process*');
    assert.equal(defend, 'endpoint.events.process');
    assert.equal(datasetOfIndexPattern('logs-okta*'), null);
    assert.equal(datasetOfIndexPattern('logs-*'), null);
    assert.equal(datasetOfIndexPattern('logs-*-default'), null);
    assert.equal(datasetOfIndexPattern('winlogbeat-*'), null);
  });

  test('datasets and modules the table does not know name only themselves', () => {
    assert.deepEqual(eventsOfElasticDataset('github.audit'), [{ dataset: 'github.audit' }]);
    assert.equal(eventsOfWinlogbeatModule('system'), null);
  });
});
