import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { eventCoverage } from '../../src/analysis/event-coverage.js';
import type { Expr, Rule } from '../../src/ir/index.js';
import { all, any, field, fieldOp, none, ruleWith } from './rule-fixture.js';

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

  test('data-source names give their events, several joined by AND', () => {
    const rule = ruleWith({
      source: 'splunk',
      dataSources: [
        'Sysmon EventID 1 AND Sysmon EventID 11',
        'Windows Event Log System 7045',
        'NTLM Operational 8004,8005',
        'Powershell Script Block Logging 4104',
        'AWS CloudTrail',
      ],
    });
    assert.deepEqual(events(rule), [
      'Microsoft-Windows-NTLM 8004',
      'Microsoft-Windows-NTLM 8005',
      'Microsoft-Windows-PowerShell 4104',
      'Microsoft-Windows-Sysmon 1',
      'Microsoft-Windows-Sysmon 11',
      'Service Control Manager 7045',
    ]);
  });

  test('a System event nobody is known to write gives no guessed provider', () => {
    const rule = ruleWith({ source: 'splunk', dataSources: ['Windows Event Log System 4720'] });
    assert.deepEqual(events(rule), []);
  });

  test('an unknown event id on a channel one provider owns is that provider’s, untitled', () => {
    const rule = ruleWith({
      source: 'splunk',
      eventFilter: all(field('source', 'XmlWinEventLog:Security'), field('EventCode', 4899)),
    });
    assert.deepEqual(eventCoverage(rule), [
      { provider: 'Microsoft-Windows-Security-Auditing', eventId: 4899, title: null },
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
  const sigma = (eventFilter: Expr) => ruleWith({ source: 'sigma', eventFilter });
  const logsource = (product: string, kind: 'category' | 'service', name: string) =>
    all(field('logsource.product', product), field(`logsource.${kind}`, name));

  test('category ps_script is PowerShell 4104', () => {
    const rule = sigma(logsource('windows', 'category', 'ps_script'));
    assert.deepEqual(events(rule), ['Microsoft-Windows-PowerShell 4104']);
  });

  test('category process_creation is Sysmon 1 and Security 4688 on Windows', () => {
    const rule = ruleWith({
      source: 'sigma',
      eventFilter: all(
        logsource('windows', 'category', 'process_creation'),
        field('Image', '\\x.exe'),
      ),
    });
    assert.deepEqual(events(rule), [
      'Microsoft-Windows-Security-Auditing 4688',
      'Microsoft-Windows-Sysmon 1',
    ]);
  });

  test('category process_creation on Linux is Sysmon for Linux 1', () => {
    const rule = sigma(logsource('linux', 'category', 'process_creation'));
    assert.deepEqual(events(rule), ['Linux-Sysmon 1']);
  });

  test('service security with an EventID is that Security event', () => {
    const rule = ruleWith({
      source: 'sigma',
      eventFilter: all(logsource('windows', 'service', 'security'), field('EventID', 4698)),
    });
    assert.deepEqual(eventCoverage(rule), [
      {
        provider: 'Microsoft-Windows-Security-Auditing',
        eventId: 4698,
        title: 'Scheduled task created',
      },
    ]);
  });

  test('a service without an EventID lists nothing', () => {
    const rule = sigma(logsource('windows', 'service', 'security'));
    assert.deepEqual(events(rule), []);
  });

  test('service system finds the provider of the event, or takes Provider_Name', () => {
    const installed = ruleWith({
      source: 'sigma',
      eventFilter: all(logsource('windows', 'service', 'system'), field('EventID', 7045)),
    });
    assert.deepEqual(events(installed), ['Service Control Manager 7045']);

    const named = ruleWith({
      source: 'sigma',
      eventFilter: all(
        logsource('windows', 'service', 'system'),
        field('Provider_Name', 'microsoft-windows-eventlog'),
        field('EventID', 104),
      ),
    });
    assert.deepEqual(eventCoverage(named), [
      { provider: 'Microsoft-Windows-Eventlog', eventId: 104, title: 'Event log cleared' },
    ]);
  });

  test('service sysmon with an EventID is that Sysmon event', () => {
    const rule = ruleWith({
      source: 'sigma',
      eventFilter: all(logsource('windows', 'service', 'sysmon'), field('EventID', 16)),
    });
    assert.deepEqual(events(rule), ['Microsoft-Windows-Sysmon 16']);
  });
});

describe('event coverage of Elastic rules', () => {
  test('a PowerShell index pattern with event.code 4104 is the operational provider only', () => {
    const rule = ruleWith({
      source: 'elastic',
      dataSources: ['winlogbeat-*', 'logs-windows.powershell*'],
      eventFilter: field('event.code', '4104'),
    });
    assert.deepEqual(events(rule), ['Microsoft-Windows-PowerShell 4104']);
  });

  test('indices without Windows event logs give no events', () => {
    const rule = ruleWith({
      source: 'elastic',
      dataSources: ['logs-endpoint.events.*'],
      eventFilter: field('event.code', '4104'),
    });
    assert.deepEqual(events(rule), []);
  });

  test('event.provider, winlog.channel and datasets name the provider', () => {
    const byProvider = ruleWith({
      source: 'elastic',
      eventFilter: all(
        field('event.provider', 'Microsoft-Windows-Sysmon'),
        field('event.code', '10'),
      ),
    });
    assert.deepEqual(events(byProvider), ['Microsoft-Windows-Sysmon 10']);

    const byChannel = ruleWith({
      source: 'elastic',
      eventFilter: all(field('winlog.channel', 'Security'), field('winlog.event_id', '4769')),
    });
    assert.deepEqual(events(byChannel), ['Microsoft-Windows-Security-Auditing 4769']);

    const byDataset = ruleWith({
      source: 'elastic',
      eventFilter: all(
        field('data_stream.dataset', 'system.security'),
        field('event.code', '5136'),
      ),
    });
    assert.deepEqual(events(byDataset), ['Microsoft-Windows-Security-Auditing 5136']);
  });

  test('event codes that are not Windows event ids are ignored', () => {
    const rule = ruleWith({
      source: 'elastic',
      dataSources: ['logs-*'],
      eventFilter: any(field('event.code', 'behavior'), field('event.code', '0100044547')),
    });
    assert.deepEqual(events(rule), []);
  });

  test('an event id with no log named is credited only to the one provider that has it', () => {
    const unique = ruleWith({ source: 'elastic', eventFilter: field('event.code', '4624') });
    assert.deepEqual(events(unique), ['Microsoft-Windows-Security-Auditing 4624']);

    const shared = ruleWith({ source: 'elastic', eventFilter: field('event.code', '1') });
    assert.deepEqual(events(shared), []);
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
