// A Splunk search's log-source terms gain the events they cover as ECS constraints beside them:
// `source=XmlWinEventLog:…` a channel (and its sole provider), sourcetypes a dataset, data models
// an event category; data sources are recorded, never added as constraints.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { predicatesOf, type Predicate, type Rule } from '../../src/ir/index.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { lowerSpl } from '../../src/lower/spl/lower-spl.js';
import { constrainLogSource } from '../../src/semantics/log-source-constraints.js';
import { eventsOfSplunkLog } from '../../src/semantics/splunk-log-sources.js';
import { notation } from '../sigma/expr-notation.js';
import { contextWith, documentOf, type MacroFixture } from '../spl/spl-fixture.js';

const SYSMON_MACRO: MacroFixture = {
  name: 'sysmon',
  definition: 'source=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational '
    + 'OR source=Syslog:Linux-Sysmon/Operational',
};

/** The rule after lowering and the log-source step, with the given data-source definitions. */
function constrained(query: string, macros: MacroFixture[] = [], dataSources: string[] = []): Rule {
  const context = contextWith(macros);
  context.dataSources.set('Sysmon EventID 1', {
    name: 'Sysmon EventID 1',
    source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
    sourcetype: 'xmlwineventlog',
    definedIn: 'data_sources/sysmon_eventid_1.yml',
  });
  const doc = { ...documentOf(query), dataSources };
  const rule = finishRule(doc, lowerSpl(doc, context));
  constrainLogSource(rule, context);
  return rule;
}

const firstStage = (rule: Rule) => notation(rule.pipeline[0].predicate!);

describe('Splunk log-source constraints', () => {
  test('a Windows event log source names its channel and the provider alone writing it', () => {
    const rule = constrained('`sysmon` EventCode=1', [SYSMON_MACRO]);
    assert.equal(
      firstStage(rule),
      'and(or(and(source eq "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational", '
        + 'winlog.channel eq "Microsoft-Windows-Sysmon/Operational", '
        + 'event.provider eq "Microsoft-Windows-Sysmon"), '
        + 'and(source eq "Syslog:Linux-Sysmon/Operational", '
        + 'winlog.channel eq "Linux-Sysmon/Operational", event.provider eq "Linux-Sysmon")), '
        + 'EventCode eq 1)',
    );
  });

  test('a channel several providers write gets no provider', () => {
    const rule = constrained('source="XmlWinEventLog:Security" EventCode=4624');
    assert.equal(
      firstStage(rule),
      'and(source eq "XmlWinEventLog:Security", winlog.channel eq "Security", '
        + 'EventCode eq 4624)',
    );
  });

  test('constraints keep the term\'s text, have no macro origin and are already canonical', () => {
    const rule = constrained('`sysmon` EventCode=1', [SYSMON_MACRO]);
    const channel = findPredicate(rule, 'winlog.channel');
    assert.equal(channel.text, 'source=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational');
    assert.equal(channel.origin, undefined);
    assert.equal(channel.span, undefined);
    assert.deepEqual(channel.canonical, {
      field: 'winlog.channel',
      op: 'eq',
      values: ['Microsoft-Windows-Sysmon/Operational'],
      caseSensitive: false,
      mapping: 'ecs',
    });
  });

  test('eventtypes and sourcetypes name channels and datasets', () => {
    assert.deepEqual(eventsOfSplunkLog('eventtype', 'wineventlog_security'), [
      { channel: 'Security' },
    ]);
    assert.deepEqual(eventsOfSplunkLog('sourcetype', 'aws:cloudtrail'), [
      { dataset: 'aws.cloudtrail' },
    ]);
    assert.deepEqual(eventsOfSplunkLog('sourcetype', 'XmlWinEventLog'), null);
    assert.deepEqual(eventsOfSplunkLog('source', 'aws:cloudtrail'), null);
    assert.deepEqual(eventsOfSplunkLog('sourcetype', 'some:unknown:log'), null);
  });

  test('a source prefix reads the channels under it', () => {
    const rule = constrained('source="WinEventLog:Microsoft-Windows-AppLocker/*" EventCode=8004');
    assert.equal(
      firstStage(rule),
      'and(source startswith "WinEventLog:Microsoft-Windows-AppLocker/", '
        + 'winlog.channel startswith "Microsoft-Windows-AppLocker/", EventCode eq 8004)',
    );
  });

  test('a term under NOT and a value the table does not know are left alone', () => {
    const rule = constrained(
      'sourcetype=custom:log NOT source="XmlWinEventLog:Security" index=main',
    );
    assert.equal(
      firstStage(rule),
      'and(sourcetype eq "custom:log", not(source eq "XmlWinEventLog:Security"), '
        + 'index eq "main")',
    );
  });

  test('an IN list is an OR of what each value covers, or nothing if one is unknown', () => {
    const known = constrained('sourcetype IN ("aws:cloudtrail", "o365:management:activity")');
    assert.equal(
      firstStage(known),
      'and(sourcetype in "aws:cloudtrail" "o365:management:activity", '
        + 'or(event.dataset eq "aws.cloudtrail", event.dataset eq "o365.audit"))',
    );
    const partly = constrained('sourcetype IN ("aws:cloudtrail", "custom:log")');
    assert.equal(firstStage(partly), 'sourcetype in "aws:cloudtrail" "custom:log"');
  });

  test('a data model is an ECS event category on the tstats stage', () => {
    const rule = constrained(
      '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe '
        + 'by Processes.dest',
    );
    const tstats = rule.pipeline[0];
    assert.equal(tstats.command, 'tstats');
    assert.equal(
      notation(tstats.predicate!),
      'and(Processes.process_name eq "cmd.exe", event.category eq "process")',
    );
  });

  test('the event filter is rebuilt over the constrained stages', () => {
    const rule = constrained('source="XmlWinEventLog:Security" EventCode=4688 | stats count');
    assert.equal(notation(rule.eventFilter!), firstStage(rule));
  });

  test('data sources are recorded from their definitions, not added as constraints', () => {
    const rule = constrained('`sysmon` EventCode=1', [SYSMON_MACRO], [
      'Sysmon EventID 1 AND Undefined Source 4',
    ]);
    assert.deepEqual(rule.dataSourceDefinitions, [
      {
        name: 'Sysmon EventID 1',
        source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
        sourcetype: 'xmlwineventlog',
      },
    ]);
    assert.ok(!JSON.stringify(rule.pipeline).includes('Sysmon EventID 1'));
  });
});

/** The first predicate on `field` in the rule's first stage, left to right. */
function findPredicate(rule: Rule, field: string): Predicate {
  const found = [...predicatesOf(rule.pipeline[0].predicate!)]
    .find(({ predicate }) => predicate.field === field);
  assert.ok(found, `no ${field} predicate`);
  return found.predicate;
}
