// EQL evaluated with Elasticsearch's semantics: operators differ in case and wildcards, missing
// fields do not match comparisons, and sequences match per step.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventValue } from '../../../src/match/event-record.js';
import { eqlEvaluator } from '../../../src/match/elastic/eql-evaluator.js';
import { catalogRule, evaluatorOf, event, verdictText } from './elastic-rule.js';

function eqlRule(query: string, rule: Record<string, unknown> = {}) {
  return evaluatorOf(eqlEvaluator(catalogRule({ type: 'eql', language: 'eql', query, ...rule })));
}

function eql(query: string, rule: Record<string, unknown> = {}) {
  const evaluator = eqlRule(query, rule);
  return (fields: Record<string, EventValue>) => verdictText(evaluator.evaluate(event(fields)));
}

const PROCESS = { 'event.category': 'process' };

function processEvent(fields: Record<string, EventValue>): Record<string, EventValue> {
  return { ...PROCESS, ...fields };
}

describe('EQL comparison operators', () => {
  it('compares with == exactly and case-sensitively, without wildcards', () => {
    const on = eql('process where process.name == "cmd.exe"');
    assert.equal(on(processEvent({ 'process.name': 'cmd.exe' })), 'matched');
    assert.equal(on(processEvent({ 'process.name': 'CMD.EXE' })),
      'not-matched: process.name == "cmd.exe"');
    const star = eql('process where process.name == "cmd*"');
    assert.equal(star(processEvent({ 'process.name': 'cmd.exe' })),
      'not-matched: process.name == "cmd*"');
    assert.equal(star({ ...PROCESS, 'process.name': 'cmd*' }), 'matched');
  });

  it('compares with : case-insensitively, with * and ? wildcards', () => {
    const on = eql('process where process.name : "CMD.exe"');
    assert.equal(on({ ...PROCESS, 'process.name': 'cmd.EXE' }), 'matched');
    const pattern = eql('process where process.executable : "C:\\\\Windows\\\\Sys???32\\\\*.exe"');
    const executable = 'c:\\windows\\sysWOW32\\x.exe';
    assert.equal(pattern(processEvent({ 'process.executable': executable })), 'matched');
    assert.equal(pattern({ ...PROCESS, 'process.executable': 'c:\\windows\\sys32\\x.exe' }),
      'not-matched: process.executable : "C:\\\\Windows\\\\Sys???32\\\\*.exe"');
  });

  it('takes `in` case-sensitively and `in~` case-insensitively, both without wildcards', () => {
    const exact = eql('process where process.name in ("cmd.exe", "pwsh.exe")');
    assert.equal(exact({ ...PROCESS, 'process.name': 'pwsh.exe' }), 'matched');
    assert.equal(exact({ ...PROCESS, 'process.name': 'PWSH.exe' }).split(':')[0], 'not-matched');
    const folded = eql('process where process.name in~ ("CMD.exe", "p*.exe")');
    assert.equal(folded({ ...PROCESS, 'process.name': 'cmd.EXE' }), 'matched');
    assert.equal(folded({ ...PROCESS, 'process.name': 'pwsh.exe' }),
      'not-matched: process.name in~ ("CMD.exe", "p*.exe")');
  });

  it('matches like with wildcards case-sensitively and like~ ignoring case', () => {
    const name = processEvent({ 'process.name': 'cmd.exe' });
    assert.equal(eql('process where process.name like "Cmd*"')(name),
      'not-matched: process.name like "Cmd*"');
    assert.equal(eql('process where process.name like~ "Cmd*"')(name), 'matched');
  });

  it('matches regex against the whole value, regex~ ignoring case', () => {
    const on = eql('process where process.name regex~ "[a-z]+32\\\\.exe"');
    assert.equal(on({ ...PROCESS, 'process.name': 'RUNDLL32.exe' }), 'matched');
    assert.equal(on({ ...PROCESS, 'process.name': 'x-rundll32.exe' }).split(':')[0], 'not-matched');
  });

  it('compares numbers of number fields as numbers', () => {
    const on = eql('process where process.pid >= 4 and process.args_count == 2');
    assert.equal(on({ ...PROCESS, 'process.pid': '10', 'process.args_count': 2 }), 'matched');
  });
});

describe('EQL on missing and multi-valued fields', () => {
  it('does not match a comparison on a missing field, so that not and != match', () => {
    assert.equal(eql('process where process.name == "a"')(PROCESS),
      'not-matched: process.name == "a"');
    assert.equal(eql('process where not process.name : "a"')(PROCESS), 'matched');
    assert.equal(eql('process where process.name != "a"')(PROCESS), 'matched');
  });

  it('propagates null through scripted functions, and `not` of a null script is null', () => {
    assert.equal(eql('process where endsWith(process.name, ".exe")')(PROCESS),
      'not-matched: endsWith(process.name, ".exe")');
    assert.equal(eql('process where not endsWith(process.name, ".exe")')(PROCESS),
      'not-matched: not endsWith(process.name, ".exe")');
    assert.equal(eql('process where not (endsWith(process.name, ".exe") and true)')(PROCESS),
      'matched');
  });

  it('tests presence with != null and absence with == null', () => {
    assert.equal(eql('process where process.parent.name != null')(PROCESS),
      'not-matched: process.parent.name != null');
    assert.equal(eql('process where process.parent.name == null')(PROCESS), 'matched');
  });

  it('matches a multi-valued field when any value matches', () => {
    const on = eql('process where process.args : "-enc*" and not process.args == "-nop"');
    const args = ['powershell', '-EncodedCommand', 'x'];
    assert.equal(on(processEvent({ 'process.args': args })), 'matched');
    assert.equal(on({ ...PROCESS, 'process.args': ['-enc', '-nop'] }),
      'not-matched: not process.args == "-nop"');
  });
});

describe('EQL functions', () => {
  const on = (condition: string, fields: Record<string, EventValue>) =>
    eql(`process where ${condition}`)({ ...PROCESS, ...fields });

  it('evaluates string functions and their case-insensitive forms', () => {
    const name = { 'process.name': 'RunDLL32.exe' };
    assert.equal(on('startsWith(process.name, "Run")', name), 'matched');
    assert.equal(on('startsWith(process.name, "run")', name),
      'not-matched: startsWith(process.name, "run")');
    assert.equal(on('startsWith~(process.name, "run")', name), 'matched');
    assert.equal(on('endsWith~(process.name, ".EXE")', name), 'matched');
    assert.equal(on('stringContains(process.name, "DLL")', name), 'matched');
    assert.equal(on('length(process.name) == 12', name), 'matched');
    assert.equal(on('substring(process.name, -4) == ".exe"', name), 'matched');
    assert.equal(on('indexOf~(process.name, "dll") == 3', name), 'matched');
    assert.equal(on('between(process.name, "Run", "32") == "DLL"', name), 'matched');
    assert.equal(on('concat(process.name, "/", 1) == "RunDLL32.exe/1"', name), 'matched');
    assert.equal(on('wildcard(process.name, "*.dll", "Run*")', name), 'matched');
  });

  it('evaluates number, arithmetic and cidrMatch', () => {
    assert.equal(on('number(process.pid) * 2 + 1 == 9', { 'process.pid': '4' }), 'matched');
    assert.equal(on('number("0x1f") == 31 and number("ff", 16) == 255', {}), 'matched');
    assert.equal(on('add(number(process.pid), 1) == 5', { 'process.pid': '4' }), 'matched');
    const ip = { 'source.ip': '192.168.1.1' };
    assert.equal(on('cidrMatch(source.ip, "10.0.0.0/8", "192.168.0.0/16")', ip), 'matched');
  });

  it('compares two fields in a script', () => {
    const same = { 'process.name': 'a', 'process.parent.name': 'a' };
    assert.equal(on('process.name == process.parent.name', same), 'matched');
    assert.equal(on('process.name != process.parent.name', { 'process.name': 'a' }),
      'not-matched: process.name != process.parent.name');
  });

  it('leaves a function it does not know undecided', () => {
    assert.equal(on('fancy(process.name)', { 'process.name': 'a' }),
      'undecided: the EQL function fancy() is not evaluated');
  });
});

describe('EQL event categories', () => {
  it('requires the category in event.category, any value of it, and `any` matches all', () => {
    const on = eql('process where true');
    assert.equal(on({ 'event.category': ['network', 'process'] }), 'matched');
    assert.equal(on({ 'event.category': 'network' }),
      'not-matched: process (event.category: network)');
    assert.equal(on({}), 'not-matched: process (event.category: missing)');
    assert.equal(eql('any where true')({}), 'matched');
  });

  it('reads the category from the field event_category_override names', () => {
    const on = eql('start where process.name : "a"', { event_category_override: 'event.type' });
    assert.equal(on({ 'event.type': 'start', 'process.name': 'A' }), 'matched');
    assert.equal(on({ 'event.category': 'start', 'process.name': 'A' }),
      'not-matched: start (event.type: missing)');
  });
});

describe('EQL rules and their index patterns', () => {
  it('read a Windows event through the data stream of its channel, undecided without one', () => {
    const on = eql('any where true', { index: ['logs-windows.sysmon_operational-*'] });
    assert.equal(on({ Channel: 'Microsoft-Windows-Sysmon/Operational' }), 'matched');
    assert.equal(on({ Channel: 'Security' }),
      'not-matched: index = ["logs-windows.sysmon_operational-*"]'
        + ' (data stream logs-system.security-*, from channel Security)');
    assert.equal(on({ Channel: 'Made-Up/Operational' }),
      'undecided: index = ["logs-windows.sysmon_operational-*"]: no Elastic integration of the'
        + ' event model collects the channel Made-Up/Operational');
  });
});

describe('EQL sequences and samples', () => {
  const query = `sequence by host.id with maxspan=1m
    [process where process.name : "a.exe"]
    [network where destination.port == 443] by process.entity_id
    ![file where true]`;

  it('are partial and match an event taking any step, naming the step', () => {
    const evaluator = eqlRule(query);
    assert.equal(evaluator.partial, true);
    const second = evaluator.evaluate(event({
      'event.category': 'network',
      'destination.port': 443,
      'host.id': 'h',
      'process.entity_id': 'p',
    }));
    assert.deepEqual(second, {
      status: 'matched', reason: null,
      part: 'step 2 of 3: [network where destination.port == 443] by process.entity_id',
    });
  });

  it('need the join keys of the step', () => {
    const on = eql(query);
    assert.equal(on({ 'event.category': 'network', 'destination.port': 443, 'host.id': 'h' }),
      'not-matched: no step matches — step 1 of 3: process (event.category: network); '
        + 'step 2 of 3: by process.entity_id (missing)');
  });

  it('never match an event through a step that must not happen', () => {
    assert.equal(eql(query)({ 'event.category': 'file', 'host.id': 'h' }).split(' —')[0],
      'not-matched: no step matches');
  });
});
