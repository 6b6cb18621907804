// ES|QL evaluated with its own semantics: three-valued logic, exact strings, null for
// multi-valued comparisons, EVAL/RENAME/KEEP columns, and STATS ending the per-event part.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventValue } from '../../../src/match/event-record.js';
import { esqlEvaluator } from '../../../src/match/elastic/esql-evaluator.js';
import { catalogRule, evaluatorOf, event, eventAsWritten, verdictText } from './elastic-rule.js';

function esqlRule(query: string) {
  return evaluatorOf(esqlEvaluator(catalogRule({ type: 'esql', language: 'esql', query })));
}

function esql(query: string) {
  const evaluator = esqlRule(query);
  return (fields: Record<string, EventValue>) => verdictText(evaluator.evaluate(event(fields)));
}

describe('ES|QL WHERE', () => {
  it('compares strings exactly; TO_LOWER makes a comparison case-insensitive', () => {
    const exact = esql('from logs-* | where process.name == "cmd.exe"');
    assert.equal(exact({ 'process.name': 'cmd.exe' }), 'matched');
    assert.equal(exact({ 'process.name': 'CMD.exe' }), 'not-matched: process.name == "cmd.exe"');
    const folded = esql('from logs-* | where to_lower(process.name) == "cmd.exe"');
    assert.equal(folded({ 'process.name': 'CMD.exe' }), 'matched');
  });

  it('makes a comparison with a missing field null, which neither it nor its NOT passes', () => {
    assert.equal(esql('from logs-* | where user.name != "root"')({}),
      'not-matched: user.name != "root"');
    assert.equal(esql('from logs-* | where not user.name == "root"')({}),
      'not-matched: not user.name == "root"');
    assert.equal(esql('from logs-* | where user.name != "root" or user.name is null')({}),
      'matched');
  });

  it('gives null for comparisons of a multi-valued field', () => {
    const on = esql('from logs-* | where process.args == "-enc"');
    assert.equal(on({ 'process.args': ['-enc'] }), 'matched');
    assert.equal(on({ 'process.args': ['-enc', 'x'] }), 'not-matched: process.args == "-enc"');
  });

  it('matches LIKE with wildcards and escapes, RLIKE with whole-value Lucene regexes', () => {
    const like = esql('from logs-* | where file.path like "C:\\\\\\\\Temp\\\\\\\\*.ps?"');
    assert.equal(like({ 'file.path': 'C:\\Temp\\a.ps1' }), 'matched');
    assert.equal(like({ 'file.path': 'c:\\temp\\a.ps1' }).split(':')[0], 'not-matched');
    const rlike = esql('from logs-* | where url.path rlike "/api/v[0-9]+/.*"');
    assert.equal(rlike({ 'url.path': '/api/v2/users' }), 'matched');
    assert.equal(rlike({ 'url.path': 'x/api/v2/users' }).split(':')[0], 'not-matched');
    const negated = esql('from logs-* | where url.path not like ("/a*", "/b*")');
    assert.equal(negated({ 'url.path': '/c' }), 'matched');
  });

  it('evaluates IN, IS NULL and functions', () => {
    const on = esql(`from logs-*
      | where event.action in ("a", "b") and starts_with(host.name, "srv")
          and cidr_match(source.ip, "10.0.0.0/8") and length(host.name) > 3
          and host.id is not null`);
    const fields = { 'event.action': 'b', 'host.name': 'srv01', 'source.ip': '10.2.3.4' };
    assert.equal(on({ ...fields, 'host.id': 'h' }), 'matched');
    assert.equal(on(fields), 'not-matched: host.id is not null');
  });

  it('searches the event with KQL() and MATCH', () => {
    const on = esql(
      'from logs-* | where kql("process.name : cmd.exe") and match(message, "error")',
    );
    assert.equal(on({ 'process.name': 'cmd.exe', message: 'An ERROR occurred' }), 'matched');
  });

  it('leaves conditions on the time of the search undecided', () => {
    assert.equal(esql('from logs-* | where @timestamp > now() - 1 day')({ '@timestamp': 'x' }),
      'undecided: the ES|QL function NOW() depends on the time of the search or on data outside'
        + ' the event');
  });
});

describe('ES|QL commands before STATS', () => {
  it('filters on columns computed by EVAL, CASE and RENAME', () => {
    const on = esql(`from logs-*
      | eval kind = case(process.name like "*.ps1", "script", process.name == "cmd.exe", "shell",
          "other")
      | rename kind as Esql.kind
      | where Esql.kind != "other"`);
    assert.equal(on({ 'process.name': 'cmd.exe' }), 'matched');
    assert.equal(on({ 'process.name': 'x.exe' }), 'not-matched: Esql.kind != "other"');
  });

  it('forgets dropped columns', () => {
    const on = esql('from logs-* | keep host.* | where process.name is null');
    assert.equal(on({ 'process.name': 'x', 'host.name': 'h' }), 'matched');
  });

  it('expands multi-valued columns into rows with MV_EXPAND', () => {
    const on = esql('from logs-* | mv_expand process.args | where process.args == "-enc"');
    assert.equal(on({ 'process.args': ['a', '-enc'] }), 'matched');
  });

  it('splits text with DISSECT and GROK, null where it does not fit', () => {
    const dissect = esql('from logs-* | dissect message "%{user} logged in from %{ip}" '
      + '| where user == "bob"');
    assert.equal(dissect({ message: 'bob logged in from 1.2.3.4' }), 'matched');
    assert.equal(dissect({ message: 'nothing' }), 'not-matched: user == "bob"');
    const grok = esql('from logs-* | grok url.original "%{URIPROTO:proto}://%{URIHOST:Esql.host}" '
      + '| where proto == "https" and Esql.host == "example.org:8443"');
    assert.equal(grok({ 'url.original': 'x https://example.org:8443/a' }), 'matched');
    assert.equal(grok({ 'url.original': 'none' }), 'not-matched: proto == "https"');
    const named = esql('from logs-* | grok arn ":(?<Esql.account>[0-9]{12}):" '
      + '| where Esql.account == "123456789012"');
    assert.equal(named({ arn: 'arn:aws:iam::123456789012:user/x' }), 'matched');
  });

  it('leaves the output of a GROK pattern it does not know undecided', () => {
    const on = esql('from logs-* | grok message "%{SYSLOGBASE:x}" | where x == "a"');
    assert.equal(on({ message: 'a' }), 'undecided: GROK pattern %{SYSLOGBASE} is not known');
  });

  it('reads FROM index patterns against the index the event names in _index', () => {
    const on = esql('from logs-endpoint.events.process-* | where true');
    assert.equal(on({ _index: 'logs-endpoint.events.process-default' }), 'matched');
    assert.equal(on({ _index: 'logs-windows.sysmon-default' }),
      'not-matched: FROM logs-endpoint.events.process-* (_index: logs-windows.sysmon-default)');
  });

  it('an event that names no index leaves FROM undecided, never matched', () => {
    const evaluator = esqlRule('from metrics-* | where true');
    assert.equal(verdictText(evaluator.evaluate(eventAsWritten({ 'host.name': 'a' }))),
      'undecided: FROM metrics-*: the event names no index ' +
        '(_index, data_stream.dataset, event.dataset or a Windows channel)');
  });

  it('a Windows event is searched through the data stream of the dataset of its channel', () => {
    const windows = eventAsWritten({ Channel: 'Security', EventID: 4624 });
    const metrics = esqlRule('from metrics-* | stats c = count(*) by host.name');
    assert.equal(verdictText(metrics.evaluate(windows)),
      'not-matched: FROM metrics-* (data stream logs-system.security-*, from channel Security)');
    const system = esqlRule('from logs-system.security* | where true');
    assert.equal(verdictText(system.evaluate(windows)), 'matched');
  });

  it('stops at STATS and reports the rule as partial', () => {
    const evaluator = esqlRule(`from logs-* | where event.action == "x"
      | stats c = count(*) by host.name | where c > 10`);
    assert.equal(evaluator.partial, true);
    assert.equal(evaluator.evaluate(event({ 'event.action': 'x' })).status, 'matched');
    assert.equal(evaluator.evaluate(event({})).status, 'not-matched');
  });

  it('leaves conditions on LOOKUP JOIN columns undecided', () => {
    const on = esql('from logs-* | lookup join hosts on host.name | where host.owner == "x"');
    assert.equal(on({ 'host.name': 'h' }),
      'undecided: lookup join hosts on host.name adds columns from data outside the event');
  });
});
