// Event coverage: the Windows events (provider, id) a rule reads, from its event codes and the
// log-source constraints every source states, and why a rule resolves to none.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { eventCoverage, eventResolution } from '../../src/analysis/event-coverage.js';
import type { Expr, Rule } from '../../src/ir/index.js';
import { lowerRule, ruleWithDetection } from '../sigma/rule-text.js';
import { all, any, field, fieldOp, indexPattern, none, ruleWith } from './rule-fixture.js';

/** `provider id` pairs, for compact assertions. */
const events = (rule: Rule) => eventCoverage(rule).map((e) => `${e.provider} ${e.eventId}`);

const SYSMON_SOURCES = any(
  field('sourcetype', 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational'),
  field('source', 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational'),
  field('source', 'Syslog:Linux-Sysmon/Operational'),
);

describe('event coverage of Splunk rules', () => {
  test('the powershell macro with EventCode 4104 is PowerShell script block logging', () => {
    const rule = ruleWith({
      source: 'splunk',
      eventFilter: all(
        any(
          field('source', 'XmlWinEventLog:Microsoft-Windows-PowerShell/Operational'),
          field('source', 'WinEventLog:Microsoft-Windows-PowerShell/Operational'),
        ),
        field('EventCode', 4104),
        field('ScriptBlockText', '*Invoke-WmiMethod*'),
      ),
    });
    assert.deepEqual(eventCoverage(rule), [
      { provider: 'Microsoft-Windows-PowerShell', eventId: 4104, title: 'Script block logged' },
    ]);
  });

  test('a security event type with an EventCode list gives each Security event', () => {
    const rule = ruleWith({
      source: 'splunk',
      eventFilter: all(
        field('eventtype', 'wineventlog_security'),
        field('EventCode', 4625, '4624'),
      ),
    });
    assert.deepEqual(eventCoverage(rule), [
      { provider: 'Microsoft-Windows-Security-Auditing', eventId: 4624, title: 'Logon succeeded' },
      { provider: 'Microsoft-Windows-Security-Auditing', eventId: 4625, title: 'Logon failed' },
    ]);
  });

  test('the sysmon macro credits Linux Sysmon only with the events it has', () => {
    const sysmonEvent = (id: number) =>
      ruleWith({ source: 'splunk', eventFilter: all(SYSMON_SOURCES, field('EventCode', id)) });
    const imageLoad = sysmonEvent(7);
    assert.deepEqual(events(imageLoad), ['Microsoft-Windows-Sysmon 7']);

    const process = sysmonEvent(1);
    assert.deepEqual(events(process), ['Linux-Sysmon 1', 'Microsoft-Windows-Sysmon 1']);
  });

  test('data sources give their events through their definitions', () => {
    const definition = (name: string, source: string | null, sourcetype: string | null = null) =>
      ({ name, source, sourcetype });
    const rule = ruleWith({
      source: 'splunk',
      dataSourceDefinitions: [
        definition('Sysmon EventID 1', 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational'),
        definition('Windows Event Log System 7045', 'XmlWinEventLog:System'),
        definition(
          'NTLM Operational 8004,8005',
          'XmlWinEventLog:Microsoft-Windows-NTLM/Operational',
        ),
        definition('Sysmon for Linux EventID 1', 'Syslog:Linux-Sysmon/Operational'),
        definition('AWS CloudTrail', 'aws_cloudtrail', 'aws:cloudtrail'),
      ],
    });
    assert.deepEqual(events(rule), [
      'Linux-Sysmon 1',
      'Microsoft-Windows-NTLM 8004',
      'Microsoft-Windows-NTLM 8005',
      'Microsoft-Windows-Sysmon 1',
      'Service Control Manager 7045',
    ]);
  });

  test('a System event nobody is known to write gives no guessed provider', () => {
    const rule = ruleWith({
      source: 'splunk',
      dataSourceDefinitions: [
        {
          name: 'Windows Event Log System 4720',
          source: 'XmlWinEventLog:System',
          sourcetype: null,
        },
      ],
    });
    assert.deepEqual(events(rule), []);
  });

  test('an unknown event id on a channel one provider owns is that provider’s, untitled', () => {
    const rule = ruleWith({
      source: 'splunk',
      eventFilter: all(field('source', 'XmlWinEventLog:Security'), field('EventCode', 4612)),
    });
    assert.deepEqual(eventCoverage(rule), [
      { provider: 'Microsoft-Windows-Security-Auditing', eventId: 4612, title: null },
    ]);
  });

  test('negated event codes do not count', () => {
    const rule = ruleWith({
      source: 'splunk',
      eventFilter: all(field('source', 'XmlWinEventLog:Security'), none(field('EventCode', 4624))),
    });
    assert.deepEqual(events(rule), []);
  });

  test('a filter after the aggregation still selects events', () => {
    const rule = ruleWith({
      source: 'splunk',
      eventFilter: field('source', 'XmlWinEventLog:Security'),
      pipeline: [
        { index: 1, command: 'search', text: '', effect: 'filter', args: {} },
        { index: 2, command: 'stats', text: '', effect: 'aggregate', args: {} },
        {
          index: 3,
          command: 'where',
          text: '',
          effect: 'filter-aggregated',
          args: {},
          predicate: field('EventCode', 4720),
        },
      ],
    });
    assert.deepEqual(events(rule), ['Microsoft-Windows-Security-Auditing 4720']);
  });

  test('branches pair their own source with their own event code', () => {
    const rule = ruleWith({
      source: 'splunk',
      eventFilter: any(
        all(field('source', 'XmlWinEventLog:Security'), field('EventCode', 4688)),
        all(
          field('source', 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational'),
          field('EventCode', 1),
        ),
      ),
    });
    assert.deepEqual(events(rule), [
      'Microsoft-Windows-Security-Auditing 4688',
      'Microsoft-Windows-Sysmon 1',
    ]);
  });
});

describe('event coverage of Sigma rules', () => {
  /** A Sigma rule with this log source and selection, lowered as the build lowers it. */
  const sigma = (logsource: string, selection = 'CommandLine|contains: x') =>
    lowerRule(ruleWithDetection(`selection:\n    ${selection}\ncondition: selection`, logsource));

  test('category ps_script is script-block logging of both PowerShell editions', () => {
    const rule = sigma('product: windows\n    category: ps_script');
    assert.deepEqual(events(rule), ['Microsoft-Windows-PowerShell 4104', 'PowerShellCore 4104']);
  });

  test('category process_creation is Sysmon 1 and Security 4688 on Windows', () => {
    const rule = sigma('product: windows\n    category: process_creation');
    assert.deepEqual(events(rule), [
      'Microsoft-Windows-Security-Auditing 4688',
      'Microsoft-Windows-Sysmon 1',
    ]);
  });

  test('category process_creation on Linux is Sysmon for Linux 1', () => {
    const rule = sigma('product: linux\n    category: process_creation');
    assert.deepEqual(events(rule), ['Linux-Sysmon 1']);
  });

  test('service security with an EventID is that Security event', () => {
    const rule = sigma('product: windows\n    service: security', 'EventID: 4698');
    assert.deepEqual(eventCoverage(rule), [
      {
        provider: 'Microsoft-Windows-Security-Auditing',
        eventId: 4698,
        title: 'Scheduled task created',
      },
    ]);
  });

  test('a service without an EventID lists nothing, for want of an event id', () => {
    const rule = sigma('product: windows\n    service: security');
    assert.deepEqual(eventResolution(rule), { events: [], missing: 'no event id' });
  });

  test('service system finds the provider of the event, or takes Provider_Name', () => {
    const installed = sigma('product: windows\n    service: system', 'EventID: 7045');
    assert.deepEqual(events(installed), ['Service Control Manager 7045']);

    const named = lowerRule(ruleWithDetection(
      'selection:\n    Provider_Name: microsoft-windows-eventlog\n    EventID: 104\n'
        + 'condition: selection',
      'product: windows\n    service: system',
    ));
    assert.deepEqual(eventCoverage(named), [
      { provider: 'Microsoft-Windows-Eventlog', eventId: 104, title: 'Event log cleared' },
    ]);
  });

  test('service powershell with script-block text is script-block logging', () => {
    const rule = sigma('product: windows\n    service: powershell', 'ScriptBlockText|contains: x');
    assert.deepEqual(events(rule), ['Microsoft-Windows-PowerShell 4104']);
  });

  test('a log source the model does not describe, or another platform, is said so', () => {
    assert.equal(eventResolution(sigma('category: webserver')).missing, 'unknown log source');
    assert.equal(
      eventResolution(sigma('product: aws\n    service: cloudtrail')).missing,
      'not a Windows event log',
    );
    assert.equal(
      eventResolution(sigma('product: linux\n    service: auditd')).missing,
      'not a Windows event log',
    );
  });
});

describe('event coverage of Elastic rules', () => {
  const elastic = (eventFilter: Expr) => ruleWith({ source: 'elastic', eventFilter });

  test('a PowerShell index pattern with event.code 4104 is the operational provider only', () => {
    const rule = elastic(all(
      any(indexPattern('winlogbeat-*'), indexPattern('logs-windows.powershell*')),
      field('event.code', '4104'),
    ));
    assert.deepEqual(events(rule), ['Microsoft-Windows-PowerShell 4104']);
  });

  test('indices without Windows event logs give no events and say so', () => {
    const rule = elastic(all(indexPattern('logs-endpoint.events.*'), field('event.code', '4104')));
    assert.deepEqual(eventResolution(rule), { events: [], missing: 'not a Windows event log' });
  });

  test('event.provider, winlog.channel and datasets name the provider', () => {
    const byProvider = elastic(all(
      field('event.provider', 'Microsoft-Windows-Sysmon'),
      field('event.code', '10'),
    ));
    assert.deepEqual(events(byProvider), ['Microsoft-Windows-Sysmon 10']);

    const byChannel = elastic(all(
      field('winlog.channel', 'Security'),
      field('winlog.event_id', '4769'),
    ));
    assert.deepEqual(events(byChannel), ['Microsoft-Windows-Security-Auditing 4769']);

    const byDataset = elastic(all(
      field('data_stream.dataset', 'system.security'),
      field('event.code', '5136'),
    ));
    assert.deepEqual(events(byDataset), ['Microsoft-Windows-Security-Auditing 5136']);
  });

  test('ECS category and type pick the categorized events of the logs read', () => {
    const rule = elastic(all(
      any(indexPattern('logs-windows.sysmon_operational-*'), indexPattern('logs-system.security*')),
      field('event.category', 'process'),
      field('event.type', 'start'),
    ));
    assert.deepEqual(events(rule), [
      'Microsoft-Windows-Security-Auditing 4688',
      'Microsoft-Windows-Sysmon 1',
    ]);
  });

  test('an action narrows the category to the events written with it', () => {
    const rule = elastic(all(
      indexPattern('winlogbeat-*'),
      field('event.category', 'process'),
      fieldOp('event.action', 'startswith', 'Image loaded'),
    ));
    assert.deepEqual(events(rule), ['Microsoft-Windows-Sysmon 7']);
  });

  test('a field only script-block logging carries is that event', () => {
    const rule = elastic(all(
      indexPattern('logs-windows.powershell_operational-*'),
      fieldOp('powershell.file.script_block_length', 'gt', 1000),
    ));
    assert.deepEqual(events(rule), ['Microsoft-Windows-PowerShell 4104']);
  });

  test('a category no catalogued event of the logs has lists nothing, and says so', () => {
    const rule = elastic(all(indexPattern('winlogbeat-*'), field('event.category', 'web')));
    assert.deepEqual(eventResolution(rule), { events: [], missing: 'no matching event' });
  });

  test('event codes that are not Windows event ids are ignored', () => {
    const rule = elastic(all(
      indexPattern('logs-*'),
      any(field('event.code', 'behavior'), field('event.code', '0100044547')),
    ));
    assert.deepEqual(events(rule), []);
  });

  test('an event id with no log named is credited only to the one provider that has it', () => {
    assert.deepEqual(events(elastic(field('event.code', '4624'))), [
      'Microsoft-Windows-Security-Auditing 4624',
    ]);
    assert.deepEqual(events(elastic(field('event.code', '1'))), []);
  });

  test('a provider name the catalog does not know needs a Windows log beside it', () => {
    const cloud = elastic(all(
      field('event.provider', 'iam.amazonaws.com'),
      field('event.code', '1'),
    ));
    assert.deepEqual(events(cloud), []);
    assert.equal(eventResolution(cloud).missing, 'unknown log source');
  });
});

describe('event coverage in general', () => {
  test('opaque parts and other operators are ignored without failing', () => {
    const rule = ruleWith({
      source: 'splunk',
      eventFilter: all(
        { kind: 'opaque', text: '???', reason: 'not understood' },
        field('source', 'XmlWinEventLog:Security'),
        fieldOp('EventCode', 'gt', 4000),
      ),
    });
    assert.deepEqual(events(rule), []);
  });

  test('the same event from several places is listed once', () => {
    const rule = ruleWith({
      source: 'splunk',
      eventFilter: all(field('source', 'XmlWinEventLog:Security'), field('EventCode', 4688)),
      dataSources: ['Windows Event Log Security 4688'],
    });
    assert.deepEqual(events(rule), ['Microsoft-Windows-Security-Auditing 4688']);
  });
});

describe('why a rule lists no event', () => {
  test('nothing selecting a log is no log source', () => {
    const rule = ruleWith({ source: 'splunk', eventFilter: field('user', 'admin') });
    assert.equal(eventResolution(rule).missing, 'no log source');
  });

  test('an index or unknown sourcetype is an unknown log source', () => {
    const rule = ruleWith({ source: 'splunk', eventFilter: field('sourcetype', 'custom:log') });
    assert.equal(eventResolution(rule).missing, 'unknown log source');
  });

  test('a channel the catalog does not know is an unknown channel', () => {
    const rule = ruleWith({
      source: 'splunk',
      eventFilter: field('source', 'XmlWinEventLog:Some-Unknown/Operational'),
    });
    assert.equal(eventResolution(rule).missing, 'unknown channel');
  });

  test('a Windows log read without an event id is no event id', () => {
    const security = field('source', 'XmlWinEventLog:Security');
    const rule = ruleWith({ source: 'splunk', eventFilter: security });
    assert.equal(eventResolution(rule).missing, 'no event id');
  });

  test('a rule with events has no reason', () => {
    const eventFilter = all(SYSMON_SOURCES, field('EventCode', 1));
    const rule = ruleWith({ source: 'splunk', eventFilter });
    assert.equal(eventResolution(rule).missing, null);
  });
});
