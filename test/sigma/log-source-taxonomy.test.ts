// A Sigma log source becomes its written attributes plus the events the taxonomy says it
// covers, stated on ECS fields (winlog.channel, event.provider, event.code, event.dataset).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Rule } from '../../src/ir/index.js';
import { hasEvent, providerNamed, providersOfChannel } from '../../src/semantics/event-catalog.js';
import { eventsOfLogSource, knownLogSources } from '../../src/semantics/sigma-log-sources.js';
import { notation } from './expr-notation.js';
import { dedent, lowerRule, lowerRules, ruleWithDetection } from './rule-text.js';

/** The log-source stage's tree for a rule with these log-source lines. */
function logsourceOf(...lines: string[]): string {
  const detection = 'sel:\n    A: 1\ncondition: sel';
  const rule = lowerRule(ruleWithDetection(detection, lines.join('\n    ')));
  const [stage] = rule.pipeline;
  assert.equal(stage.command, 'logsource');
  assert.ok(stage.predicate);
  return notation(stage.predicate);
}

const SYSMON = 'winlog.channel eq "Microsoft-Windows-Sysmon/Operational", ' +
  'event.provider eq "Microsoft-Windows-Sysmon"';

describe('Windows categories', () => {
  test('process_creation is Sysmon 1 or Security 4688', () => {
    assert.equal(
      logsourceOf('product: windows', 'category: process_creation'),
      'and(logsource.product eq "windows", logsource.category eq "process_creation", ' +
        `or(and(${SYSMON}, event.code eq "1"), and(winlog.channel eq "Security", ` +
        'event.provider eq "Microsoft-Windows-Security-Auditing", event.code eq "4688")))',
    );
  });

  test('ps_script is 4104 from Windows PowerShell or PowerShell 7', () => {
    assert.equal(
      logsourceOf('product: windows', 'category: ps_script'),
      'and(logsource.product eq "windows", logsource.category eq "ps_script", ' +
        'or(and(winlog.channel eq "Microsoft-Windows-PowerShell/Operational", ' +
        'event.provider eq "Microsoft-Windows-PowerShell", event.code eq "4104"), ' +
        'and(winlog.channel eq "PowerShellCore/Operational", ' +
        'event.provider eq "PowerShellCore", event.code eq "4104")))',
    );
  });

  test('a category of several Sysmon events lists their codes', () => {
    assert.equal(
      logsourceOf('product: windows', 'category: registry_event'),
      'and(logsource.product eq "windows", logsource.category eq "registry_event", ' +
        `${SYSMON}, event.code in "12" "13" "14")`,
    );
  });

  test('each Sysmon category names its event', () => {
    const codes = (category: string) => eventsOfLogSource({ product: 'windows', category });
    const expected: [string, number[]][] = [
      ['network_connection', [3]],
      ['driver_load', [6]],
      ['image_load', [7]],
      ['create_remote_thread', [8]],
      ['process_access', [10]],
      ['file_event', [11]],
      ['registry_add', [12]],
      ['registry_delete', [12]],
      ['registry_set', [13]],
      ['registry_rename', [14]],
      ['pipe_created', [17, 18]],
      ['wmi_event', [19, 20, 21]],
      ['dns_query', [22]],
      ['file_delete', [23]],
    ];
    for (const [category, ids] of expected) {
      assert.deepEqual(codes(category), [
        {
          channel: 'Microsoft-Windows-Sysmon/Operational',
          provider: 'Microsoft-Windows-Sysmon',
          codes: ids,
        },
      ]);
    }
  });

  test('ps_module is 4103 and the classic PowerShell categories their own events', () => {
    const codes = (category: string) =>
      eventsOfLogSource({ product: 'windows', category })?.map((e) => `${e.channel} ${e.codes}`);
    assert.deepEqual(codes('ps_module'), [
      'Microsoft-Windows-PowerShell/Operational 4103',
      'PowerShellCore/Operational 4103',
    ]);
    assert.deepEqual(codes('ps_classic_start'), ['Windows PowerShell 400']);
    assert.deepEqual(codes('ps_classic_provider_start'), ['Windows PowerShell 600']);
    assert.deepEqual(codes('ps_classic_script'), ['Windows PowerShell 800']);
  });

  test('file_access comes from the Kernel-File ETW provider, on no channel', () => {
    assert.equal(
      logsourceOf('product: windows', 'category: file_access'),
      'and(logsource.product eq "windows", logsource.category eq "file_access", ' +
        'event.provider eq "Microsoft-Windows-Kernel-File")',
    );
  });
});

describe('Windows services', () => {
  test('a service is its channel', () => {
    assert.equal(
      logsourceOf('product: windows', 'service: security'),
      'and(logsource.product eq "windows", logsource.service eq "security", ' +
        'winlog.channel eq "Security")',
    );
  });

  test('a service of several channels is any of them', () => {
    assert.equal(
      logsourceOf('product: windows', 'service: security-mitigations'),
      'and(logsource.product eq "windows", logsource.service eq "security-mitigations", ' +
        'or(winlog.channel eq "Microsoft-Windows-Security-Mitigations/Kernel Mode", ' +
        'winlog.channel eq "Microsoft-Windows-Security-Mitigations/User Mode"))',
    );
  });

  test('a category and a service cover the events both describe', () => {
    assert.equal(
      logsourceOf('product: windows', 'category: process_creation', 'service: security'),
      'and(logsource.product eq "windows", logsource.category eq "process_creation", ' +
        'logsource.service eq "security", winlog.channel eq "Security", ' +
        'event.provider eq "Microsoft-Windows-Security-Auditing", event.code eq "4688")',
    );
  });

  test('a category and a service with no event in common keep their attributes only', () => {
    assert.equal(
      logsourceOf('product: windows', 'category: ps_script', 'service: security'),
      'and(logsource.product eq "windows", logsource.category eq "ps_script", ' +
        'logsource.service eq "security")',
    );
  });
});

describe('other products', () => {
  test('Linux categories are Sysmon for Linux events', () => {
    assert.equal(
      logsourceOf('product: linux', 'category: process_creation'),
      'and(logsource.product eq "linux", logsource.category eq "process_creation", ' +
        'winlog.channel eq "Linux-Sysmon/Operational", event.provider eq "Linux-Sysmon", ' +
        'event.code eq "1")',
    );
  });

  test('Linux auditd is either Elastic auditd dataset', () => {
    assert.equal(
      logsourceOf('product: linux', 'service: auditd'),
      'and(logsource.product eq "linux", logsource.service eq "auditd", ' +
        'or(event.dataset eq "auditd.log", event.dataset eq "auditd_manager.auditd"))',
    );
  });

  test('cloud services are the datasets that carry their logs', () => {
    const dataset = (product: string, service: string) =>
      eventsOfLogSource({ product, service })?.map((events) => events.dataset);
    assert.deepEqual(dataset('aws', 'cloudtrail'), ['aws.cloudtrail']);
    assert.deepEqual(dataset('azure', 'signinlogs'), ['azure.signinlogs']);
    assert.deepEqual(dataset('gcp', 'gcp.audit'), ['gcp.audit']);
    assert.deepEqual(dataset('okta', 'okta'), ['okta.system']);
    assert.deepEqual(dataset('m365', 'audit'), ['o365.audit']);
    assert.deepEqual(dataset('github', 'audit'), ['github.audit']);
    assert.deepEqual(dataset('zeek', 'dns'), ['zeek.dns']);
  });

  test('a log source the taxonomy gives no events for keeps its attributes only', () => {
    assert.equal(logsourceOf('category: webserver'), 'logsource.category eq "webserver"');
    assert.equal(logsourceOf('product: windows'), 'logsource.product eq "windows"');
    assert.equal(
      logsourceOf('product: macos', 'category: process_creation'),
      'and(logsource.product eq "macos", logsource.category eq "process_creation")',
    );
  });

  test('attributes are matched in any letter case', () => {
    assert.deepEqual(
      eventsOfLogSource({ product: 'Windows', category: 'PS_Script' }),
      eventsOfLogSource({ product: 'windows', category: 'ps_script' }),
    );
  });
});

describe('filter rules and the event filter', () => {
  test("a filter rule's log source gains the same events", () => {
    const [filter] = lowerRules(
      dedent(`
        title: Jump hosts
        id: 00000000-0000-4000-8000-00000000cccc
        logsource:
            product: windows
            service: security
        filter:
            rules:
                - some-rule
            selection:
                WorkstationName|startswith: 'JUMP-'
            condition: selection`),
    );
    assert.equal(
      notation(filter.pipeline[0].predicate!),
      'and(logsource.product eq "windows", logsource.service eq "security", ' +
        'winlog.channel eq "Security", WorkstationName startswith "JUMP-")',
    );
  });

  test('the event filter holds the covered events, the detection after them', () => {
    const logsource = 'product: windows\n    service: powershell';
    const detection = 'sel:\n    EventID: 4104\ncondition: sel';
    const rule: Rule = lowerRule(ruleWithDetection(detection, logsource));
    assert.equal(
      notation(rule.eventFilter!),
      'and(logsource.product eq "windows", logsource.service eq "powershell", ' +
        'winlog.channel eq "Microsoft-Windows-PowerShell/Operational", EventID eq 4104)',
    );
  });
});

describe('agreement with the event catalog', () => {
  const windows = knownLogSources().filter((source) => source.product === 'windows');

  test('every provider and event a Windows category names is in the catalog', () => {
    for (const { category, covers } of windows) {
      if (!category) continue;
      for (const events of covers) {
        if (!events.provider) continue;
        assert.ok(providerNamed(events.provider), `${category}: provider ${events.provider}`);
        for (const code of events.codes ?? []) {
          assert.ok(hasEvent(events.provider, code), `${category}: ${events.provider} ${code}`);
        }
      }
    }
  });

  test('every channel a Windows category or service names has a writer in the catalog', () => {
    for (const { category, service, covers } of windows) {
      for (const { channel } of covers) {
        if (channel === undefined) continue;
        const writers = providersOfChannel(channel);
        assert.ok(writers.length > 0, `${category ?? service}: channel ${channel}`);
      }
    }
  });

  test('a category naming a provider and a channel names a writer of that channel', () => {
    for (const { category, covers } of windows) {
      for (const { channel, provider } of covers) {
        if (channel === undefined || provider === undefined) continue;
        const writers = providersOfChannel(channel).map((writer) => writer.name);
        assert.ok(writers.includes(provider), `${category}: ${provider} on ${channel}`);
      }
    }
  });
});
