// What the Sigma evaluator makes of each kind of rule — detection, v1 aggregation, correlation,
// filter — and of the log source a rule names.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sigmaEvaluator, sigmaTextEvaluator } from '../../../src/match/sigma/sigma-evaluator.js';
import { lowerRule, lowerRules, ruleWithDetection } from '../../sigma/rule-text.js';
import { detectionRule, evaluatorOf, event } from './sigma-fixture.js';

const PROCESS_CREATION = { product: 'windows', category: 'process_creation' };
const SELECTION = `selection:\n    Image|endswith: '\\reg.exe'\ncondition: selection`;

function sysmonEvent(eventId: number) {
  return event({
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    Provider_Name: 'Microsoft-Windows-Sysmon',
    EventID: eventId,
    Image: 'C:\\Windows\\reg.exe',
  });
}

describe('log source', () => {
  test('a category matches only the events the taxonomy says it stands for', () => {
    const rule = evaluatorOf(detectionRule(SELECTION, PROCESS_CREATION));
    assert.equal(rule.evaluate(sysmonEvent(1)).status, 'matched');
    assert.deepEqual(rule.evaluate(sysmonEvent(13)), {
      status: 'not-matched',
      reason: 'logsource: product: windows, category: process_creation — stands for '
        + 'Microsoft-Windows-Sysmon 1 or Microsoft-Windows-Security-Auditing 4688; the event is '
        + 'Microsoft-Windows-Sysmon 13',
    });
  });

  test('a service matches the events of its channel', () => {
    const logsource = { product: 'windows', service: 'security' };
    const rule = evaluatorOf(detectionRule(SELECTION, logsource));
    const security = event({ Channel: 'Security', EventID: 4688, Image: 'C:\\reg.exe' });
    assert.equal(rule.evaluate(security).status, 'matched');
    assert.equal(rule.evaluate(sysmonEvent(1)).status, 'not-matched');
  });

  test('ECS events are placed by winlog.channel, event.provider and event.code', () => {
    const rule = evaluatorOf(detectionRule(SELECTION, PROCESS_CREATION));
    const ecs = event({
      'winlog.channel': 'Microsoft-Windows-Sysmon/Operational',
      'event.provider': 'Microsoft-Windows-Sysmon',
      'event.code': '1',
      Image: 'C:\\reg.exe',
    });
    assert.equal(rule.evaluate(ecs).status, 'matched');
    assert.equal(rule.evaluate({ ...ecs, fields: new Map([...ecs.fields, ['event.code', '3']]) })
      .status, 'not-matched');
  });

  test('an event that says nothing about its source is judged on the detection alone', () => {
    const rule = evaluatorOf(detectionRule(SELECTION, PROCESS_CREATION));
    assert.equal(rule.evaluate(event({ Image: 'C:\\reg.exe' })).status, 'matched');
  });

  test('ignoring the log source judges every event on the detection alone', () => {
    const rule = evaluatorOf(detectionRule(SELECTION, PROCESS_CREATION), { ignoreLogsource: true });
    assert.equal(rule.evaluate(sysmonEvent(13)).status, 'matched');
  });

  test('a catalog rule takes its log source from its first stage', () => {
    const logsource = 'product: windows\n    category: process_creation';
    const rule = lowerRule(ruleWithDetection(SELECTION, logsource));
    const evaluator = sigmaEvaluator(rule);
    assert.ok('evaluate' in evaluator);
    assert.equal(evaluator.evaluate(sysmonEvent(1)).status, 'matched');
    assert.equal(evaluator.evaluate(sysmonEvent(13)).status, 'not-matched');
  });
});

describe('rules over several events', () => {
  test('a v1 aggregation is partial: its per-event part is evaluated', () => {
    const rule = evaluatorOf(detectionRule(`${SELECTION} | count() by Computer > 5`));
    assert.equal(rule.partial, true);
    assert.equal(rule.evaluate(sysmonEvent(1)).status, 'matched');
  });

  test('a detection rule is not partial', () => {
    assert.equal(evaluatorOf(detectionRule(SELECTION)).partial, false);
  });

  test('a correlation rule is partial and undecided on each event', () => {
    const [base, correlation] = lowerRules([
      ruleWithDetection(SELECTION),
      '---',
      'title: Many reg.exe',
      'id: 00000000-0000-4000-8000-00000000bbbb',
      'correlation:',
      '    type: event_count',
      '    rules: 00000000-0000-4000-8000-00000000aaaa',
      '    group-by: [Computer]',
      '    timespan: 5m',
      '    condition:',
      '        gte: 10',
      '',
    ].join('\n'));
    assert.equal(base.type, null);
    const evaluator = sigmaEvaluator(correlation);
    assert.ok('evaluate' in evaluator);
    assert.equal(evaluator.partial, true);
    assert.equal(evaluator.evaluate(sysmonEvent(1)).status, 'undecided');
  });

  test('a filter rule is not evaluable on its own', () => {
    const filter = { query: 'filter:\n    rules: [x]', type: 'filter', logsource: null };
    assert.ok('notEvaluable' in sigmaTextEvaluator(filter));
  });
});
