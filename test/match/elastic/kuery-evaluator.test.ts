// KQL evaluated with Kibana's semantics: field types decide how values compare.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventValue } from '../../../src/match/event-record.js';
import { kueryEvaluator } from '../../../src/match/elastic/kuery-evaluator.js';
import { catalogRule, evaluatorOf, event, verdictText } from './elastic-rule.js';

function kql(query: string, rule: Record<string, unknown> = {}) {
  const evaluator = evaluatorOf(
    kueryEvaluator(catalogRule({ type: 'query', language: 'kuery', query, ...rule })),
  );
  return (fields: Record<string, EventValue>) => verdictText(evaluator.evaluate(event(fields)));
}

describe('KQL on keyword fields', () => {
  it('compares keyword values exactly and case-sensitively', () => {
    const on = kql('process.name : "cmd.exe"');
    assert.equal(on({ 'process.name': 'cmd.exe' }), 'matched');
    assert.equal(on({ 'process.name': 'CMD.EXE' }), 'not-matched: process.name : "cmd.exe"');
    assert.equal(on({ 'process.name': 'cmd.exe.bak' }), 'not-matched: process.name : "cmd.exe"');
  });

  it('matches unquoted wildcards against the whole keyword value', () => {
    const on = kql('process.executable : C\\:\\\\Windows\\\\*.exe');
    assert.equal(on({ 'process.executable': 'C:\\Windows\\notepad.exe' }), 'matched');
    const lower = on({ 'process.executable': 'c:\\windows\\notepad.exe' });
    assert.equal(lower, 'not-matched: process.executable : C\\:\\\\Windows\\\\*.exe');
  });

  it('reads a quoted asterisk as a character, not a wildcard', () => {
    const on = kql('file.name : "a*"');
    assert.equal(on({ 'file.name': 'a*' }), 'matched');
    assert.equal(on({ 'file.name': 'ab' }), 'not-matched: file.name : "a*"');
  });

  it('folds case on .caseless fields', () => {
    const on = kql('process.name.caseless : "cmd.exe"');
    assert.equal(on({ 'process.name.caseless': 'CMD.exe' }), 'matched');
  });

  it('matches a multi-valued field when any value matches, and `not` when none does', () => {
    const any = kql('process.args : "-enc"');
    assert.equal(any({ 'process.args': ['powershell.exe', '-enc', 'AAAA'] }), 'matched');
    const none = kql('not process.args : "-enc"');
    assert.equal(
      none({ 'process.args': ['powershell.exe', '-enc'] }),
      'not-matched: not process.args : "-enc"',
    );
    assert.equal(none({ 'process.args': ['powershell.exe'] }), 'matched');
  });

  it('treats a missing field as not matching, so its negation matches', () => {
    assert.equal(kql('user.name : "root"')({}), 'not-matched: user.name : "root"');
    assert.equal(kql('not user.name : "root"')({}), 'matched');
  });

  it('tests existence with `field : *`', () => {
    const on = kql('process.parent.name : *');
    assert.equal(on({ 'process.parent.name': 'x' }), 'matched');
    assert.equal(on({ 'process.name': 'x' }), 'not-matched: process.parent.name : *');
  });
});

describe('KQL on text fields', () => {
  it('matches any analyzed word of an unquoted value, ignoring case', () => {
    const on = kql('message : Failed Password');
    assert.equal(on({ message: 'password reset by admin' }), 'matched');
    assert.equal(on({ message: 'login FAILED for bob' }), 'matched');
    assert.equal(on({ message: 'passwords rotated' }), 'not-matched: message : Failed Password');
  });

  it('matches a quoted phrase only as consecutive words', () => {
    const on = kql('message : "failed password"');
    assert.equal(on({ message: 'sshd: Failed password for root' }), 'matched');
    assert.equal(on({ message: 'password failed' }), 'not-matched: message : "failed password"');
  });

  it('matches a wildcard against single lower-cased words', () => {
    const on = kql('powershell.file.script_block_text : *Mimikatz*');
    assert.equal(on({ 'powershell.file.script_block_text': 'Invoke-MIMIKATZ -dump' }), 'matched');
  });

  it('matches a multi-field `.text` by words while its keyword parent compares exactly', () => {
    assert.equal(kql('process.command_line.text : whoami')({
      'process.command_line.text': 'C:\\Windows\\whoami.exe /all',
    }), 'not-matched: process.command_line.text : whoami');
    assert.equal(kql('process.command_line.text : "whoami.exe"')({
      'process.command_line.text': 'C:\\Windows\\whoami.exe /all',
    }), 'matched');
    assert.equal(kql('process.command_line : whoami')({ 'process.command_line': 'whoami /all' }),
      'not-matched: process.command_line : whoami');
  });
});

describe('KQL values of other types', () => {
  it('compares numbers as numbers and ranges numerically', () => {
    assert.equal(kql('destination.port : 0445')({ 'destination.port': 445 }), 'matched');
    const range = kql('destination.port >= 1024');
    assert.equal(range({ 'destination.port': '8080' }), 'matched');
    assert.equal(range({ 'destination.port': 80 }), 'not-matched: destination.port >= 1024');
  });

  it('orders keyword ranges as text', () => {
    assert.equal(kql('event.code > 100')({ 'event.code': '99' }), 'matched');
  });

  it('matches CIDR blocks and equal addresses on ip fields', () => {
    const on = kql('source.ip : (10.0.0.0/8 or "::1")');
    assert.equal(on({ 'source.ip': '10.1.2.3' }), 'matched');
    assert.equal(on({ 'source.ip': '0:0:0:0:0:0:0:1' }), 'matched');
    assert.equal(on({ 'source.ip': '11.0.0.1' }), 'not-matched: source.ip : (10.0.0.0/8 or "::1")');
  });

  it('leaves a wildcard on an ip field undecided: Elasticsearch rejects it', () => {
    assert.equal(kql('source.ip : 10.*')({ 'source.ip': '10.0.0.1' }),
      'undecided: a wildcard on an ip field: 10.*');
  });

  it('leaves ranges relative to now undecided', () => {
    assert.equal(kql('@timestamp > now-1d')({ '@timestamp': '2024-01-01T00:00:00Z' }),
      'undecided: date now-1d in @timestamp > now-1d is relative to the time of the search');
  });
});

describe('KQL structure', () => {
  it('binds not tighter than and, and and tighter than or', () => {
    const on = kql('a : 1 or b : 2 and not c : 3');
    assert.equal(on({ a: '1', c: '3' }), 'matched');
    assert.equal(on({ b: '2', c: '3' }), 'not-matched: a : 1 or b : 2 and not c : 3');
    assert.equal(kql('b : 2 and not c : 3')({ b: '2', c: '3' }), 'not-matched: not c : 3');
    assert.equal(on({ b: '2' }), 'matched');
  });

  it('evaluates value lists with their own boolean structure', () => {
    const on = kql('process.name : (cmd.exe or powershell.exe) and not process.args : (a and b)');
    assert.equal(on({ 'process.name': 'cmd.exe', 'process.args': ['a'] }), 'matched');
    assert.equal(on({ 'process.name': 'cmd.exe', 'process.args': ['a', 'b'] }),
      'not-matched: not process.args : (a and b)');
  });

  it('tries every field a wildcard field name selects', () => {
    const on = kql('process.*.name : "svchost.exe"');
    assert.equal(on({ 'process.parent.name': 'svchost.exe' }), 'matched');
    assert.equal(
      on({ 'process.name': 'svchost.exe' }),
      'not-matched: process.*.name : "svchost.exe"',
    );
  });

  it('searches free text in every field by its mapping', () => {
    const on = kql('"cmd.exe"');
    assert.equal(on({ 'process.name': 'cmd.exe' }), 'matched');
    assert.equal(on({ message: 'started CMD.EXE today' }), 'matched');
    assert.equal(on({ 'process.name': 'CMD.EXE' }), 'not-matched: "cmd.exe"');
  });

  it('decides a nested query of one condition, and not one of several that hold', () => {
    assert.equal(kql('threat.enrichments:{ matched.type : "indicator_match_rule" }')({
      'threat.enrichments.matched.type': ['indicator_match_rule'],
    }), 'matched');
    const several = kql('threat.enrichments:{ matched.type : a and matched.field : b }');
    const both = {
      'threat.enrichments.matched.type': 'a',
      'threat.enrichments.matched.field': 'b',
    };
    assert.equal(several(both),
      'undecided: the conditions of threat.enrichments:{ matched.type : a and matched.field : b } '
        + 'may hold in different objects');
    assert.equal(several({ 'threat.enrichments.matched.type': 'a' }).split(':')[0], 'not-matched');
  });

  it('matches every event with an empty query', () => {
    assert.equal(kql('')({}), 'matched');
  });
});

describe('KQL rules and their settings', () => {
  it('keeps to the index patterns when the event names its index', () => {
    const index = ['logs-endpoint.events.*', '-logs-endpoint.events.network-*'];
    const on = kql('event.action : "x"', { index });
    const process = 'logs-endpoint.events.process-default';
    assert.equal(on({ 'event.action': 'x', _index: process }), 'matched');
    assert.equal(on({ 'event.action': 'x', _index: 'logs-endpoint.events.network-default' }),
      'not-matched: index = ["logs-endpoint.events.*", "-logs-endpoint.events.network-*"]'
        + ' (_index: logs-endpoint.events.network-default)');
    const backing = '.ds-logs-endpoint.events.file-default-2024.01.02-000001';
    assert.equal(on({ 'event.action': 'x', _index: backing }), 'matched');
  });

  it('keeps to the index patterns by the data stream of the dataset the event names', () => {
    const index = ['logs-endpoint.events.*', '-logs-endpoint.events.network-*'];
    const on = kql('event.action : "x"', { index });
    assert.equal(on({ 'event.action': 'x', 'event.dataset': 'endpoint.events.process' }),
      'matched');
    assert.equal(on({ 'event.action': 'x', 'event.dataset': 'endpoint.events.network' }),
      'not-matched: index = ["logs-endpoint.events.*", "-logs-endpoint.events.network-*"]'
        + ' (data stream logs-endpoint.events.network-*, from dataset endpoint.events.network)');
  });

  it('leaves a pattern that depends on the namespace the event does not name undecided', () => {
    const on = kql('event.action : "x"', { index: ['logs-system.security-prod'] });
    const fields = { 'event.action': 'x', 'data_stream.dataset': 'system.security' };
    assert.equal(on(fields),
      'undecided: index = ["logs-system.security-prod"]: whether it reads the data stream '
        + 'logs-system.security-*, from dataset system.security depends on its namespace');
    assert.equal(on({ ...fields, 'data_stream.namespace': 'prod' }), 'matched');
  });

  it('applies the query DSL of rule filters, negated ones too', () => {
    const filters = [
      {
        meta: { negate: false },
        query: { wildcard: { 'file.path': { value: '?:\\\\Temp\\\\*', case_insensitive: true } } },
      },
      { meta: { negate: true }, query: { term: { 'user.name': 'SYSTEM' } } },
    ];
    const on = kql('event.category : "file"', { filters });
    assert.equal(on({ 'event.category': 'file', 'file.path': 'c:\\temp\\a.exe' }), 'matched');
    const bySystem = {
      'event.category': 'file',
      'file.path': 'c:\\temp\\a.exe',
      'user.name': 'SYSTEM',
    };
    assert.equal(on(bySystem),
      'not-matched: not {"term":{"user.name":"SYSTEM"}}');
  });

  it('evaluates the per-event filter of threshold and new terms rules, as partial', () => {
    const rule = catalogRule({
      type: 'threshold', language: 'kuery', query: 'event.action : "logon-failed"',
      threshold: { field: ['source.ip'], value: 10 },
    });
    const evaluator = evaluatorOf(kueryEvaluator(rule));
    assert.equal(evaluator.partial, true);
    assert.equal(evaluator.evaluate(event({ 'event.action': 'logon-failed' })).status, 'matched');
  });

  it('refuses machine learning rules, which have no query', () => {
    const rule = catalogRule({
      type: 'machine_learning',
      machine_learning_job_id: ['rare_process'],
    });
    assert.deepEqual(kueryEvaluator(rule), {
      notEvaluable:
        'a machine learning rule has no query: it alerts on anomaly scores of jobs (rare_process)',
    });
  });
});
