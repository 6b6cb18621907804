// The search command on one event: precedence, case, wildcards, negation, IN, numbers,
// ranges, raw-text terms and Splunk's metadata fields.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matched, notMatched, statusOf, verdictOf } from './spl-match-fixture.js';

describe('search precedence', () => {
  it('OR binds tighter than implicit AND: A B OR C is A AND (B OR C)', () => {
    const search = 'a=1 b=2 OR c=3';
    assert.deepEqual(verdictOf(search, { a: '1', c: '3' }), matched());
    assert.deepEqual(verdictOf(search, { b: '2', c: '3' }), notMatched('a=1'));
    assert.deepEqual(verdictOf(search, { a: '1' }), notMatched('b=2 OR c=3'));
  });

  it('OR binds tighter than explicit AND as well', () => {
    const search = 'a=1 AND b=2 OR c=3 AND d=4';
    assert.equal(statusOf(search, { a: '1', c: '3', d: '4' }), 'matched');
    assert.equal(statusOf(search, { a: '1', b: '2', c: '3' }), 'not-matched');
  });

  it('parentheses group against the precedence', () => {
    assert.equal(statusOf('(a=1 b=2) OR c=3', { c: '3' }), 'matched');
    assert.equal(statusOf('a=1 b=2 OR c=3', { c: '3' }), 'not-matched');
  });

  it('NOT takes only the next term', () => {
    assert.equal(statusOf('NOT a=1 b=2', { b: '2' }), 'matched');
    assert.deepEqual(verdictOf('NOT a=1 b=2', { a: '1', b: '2' }), notMatched('NOT a=1'));
  });

  it('the reason names the first failed term in the rule text', () => {
    const search = 'process_name=cmd.exe  parent_process_name="winword.exe" user=*';
    const verdict = verdictOf(search, { process_name: 'cmd.exe', parent_process_name: 'x' });
    assert.deepEqual(verdict, notMatched('parent_process_name="winword.exe"'));
  });
});

describe('search values', () => {
  it('compares values case-insensitively and field names case-sensitively', () => {
    assert.equal(statusOf('Image=C:\\\\WINDOWS\\\\cmd.exe', { Image: 'c:\\windows\\CMD.EXE' }),
      'matched');
    assert.equal(statusOf('image=cmd.exe', { Image: 'cmd.exe' }), 'not-matched');
  });

  it('wildcards match any run of characters, anywhere in the value', () => {
    const fields = { CommandLine: 'powershell -enc AAAA -nop' };
    assert.equal(statusOf('CommandLine=*-enc*', fields), 'matched');
    assert.equal(statusOf('CommandLine=powershell*', fields), 'matched');
    assert.equal(statusOf('CommandLine=*-nop', fields), 'matched');
    assert.equal(statusOf('CommandLine=*-enc', fields), 'not-matched');
    assert.equal(statusOf('CommandLine=power*enc*nop', fields), 'matched');
    assert.equal(statusOf('CommandLine=-enc', fields), 'not-matched');
  });

  it('an escaped star is a literal star', () => {
    assert.equal(statusOf('path=a\\*b', { path: 'a*b' }), 'matched');
    assert.equal(statusOf('path=a\\*b', { path: 'axxb' }), 'not-matched');
  });

  it('field=* needs the field, with any value', () => {
    assert.equal(statusOf('user=*', { user: '' }), 'matched');
    assert.deepEqual(verdictOf('user=*', {}), notMatched('user=*'));
  });

  it('f!=x needs f present and different; NOT f=x also keeps events without f', () => {
    assert.equal(statusOf('f!=x', { f: 'y' }), 'matched');
    assert.equal(statusOf('f!=x', { f: 'X' }), 'not-matched');
    assert.equal(statusOf('f!=x', {}), 'not-matched');
    assert.equal(statusOf('NOT f=x', { f: 'y' }), 'matched');
    assert.equal(statusOf('NOT f=x', {}), 'matched');
    assert.equal(statusOf('NOT f=x', { f: 'x' }), 'not-matched');
  });

  it('IN matches any of its values, with wildcards', () => {
    const search = 'process_name IN ("cmd.exe", powershell*, "wscript.exe")';
    assert.equal(statusOf(search, { process_name: 'PowerShell_ISE.exe' }), 'matched');
    assert.equal(statusOf(search, { process_name: 'cscript.exe' }), 'not-matched');
    assert.equal(statusOf(search, {}), 'not-matched');
  });

  it('numbers written as text equal numbers, and compare as numbers', () => {
    assert.equal(statusOf('EventCode=4688', { EventCode: 4688 }), 'matched');
    assert.equal(statusOf('EventCode=4688', { EventCode: '4688' }), 'matched');
    assert.equal(statusOf('count=1', { count: '1.0' }), 'matched');
    assert.equal(statusOf('count=01', { count: '1' }), 'not-matched');
    assert.equal(statusOf('count>9', { count: '10' }), 'matched');
    assert.equal(statusOf('count>9', { count: '8' }), 'not-matched');
    assert.equal(statusOf('count<=10', { count: 10 }), 'matched');
  });

  it('ordering compares text when either side is not a number', () => {
    assert.equal(statusOf('name>m', { name: 'Zed' }), 'matched');
    assert.equal(statusOf('name>m', { name: 'alpha' }), 'not-matched');
  });

  it('a CIDR value matches addresses in the range', () => {
    assert.equal(statusOf('src=10.0.0.0/8', { src: '10.20.30.40' }), 'matched');
    assert.equal(statusOf('src=10.0.0.0/8', { src: '11.0.0.1' }), 'not-matched');
    assert.equal(statusOf('NOT src=192.168.0.0/16', { src: '192.168.4.4' }), 'not-matched');
    assert.equal(statusOf('src=fe80::/10', { src: 'fe80::1' }), 'matched');
  });

  it('a multivalue field matches when any of its values does', () => {
    assert.equal(statusOf('tag=network', { tag: ['process', 'network'] }), 'matched');
    assert.equal(statusOf('f!=a', { f: ['a', 'b'] }), 'matched');
    assert.equal(statusOf('f!=a', { f: ['a', 'A'] }), 'not-matched');
  });

  it('CASE() matches a field value case-sensitively', () => {
    assert.equal(statusOf('user=CASE(Admin)', { user: 'Admin' }), 'matched');
    assert.equal(statusOf('user=CASE(Admin)', { user: 'admin' }), 'not-matched');
  });
});

describe('raw-text terms', () => {
  const raw = 'Process C:\\Windows\\System32\\cmd.exe started by user=alice; args=/c whoami';

  it('match whole terms between breakers, case-insensitively', () => {
    assert.equal(statusOf('cmd.exe', {}, raw), 'matched');
    assert.equal(statusOf('CMD', {}, raw), 'matched');
    assert.equal(statusOf('WhoAmI', {}, raw), 'matched');
    assert.equal(statusOf('alic', {}, raw), 'not-matched');
    assert.equal(statusOf('md.exe', {}, raw), 'not-matched');
  });

  it('take wildcards for the rest of a term', () => {
    assert.equal(statusOf('alic*', {}, raw), 'matched');
    assert.equal(statusOf('*ystem32', {}, raw), 'matched');
    assert.equal(statusOf('sys*', {}, raw), 'matched');
    assert.equal(statusOf('xyz*', {}, raw), 'not-matched');
  });

  it('quoted phrases match as written, spaces included', () => {
    assert.equal(statusOf('"started by"', {}, raw), 'matched');
    assert.equal(statusOf('"by started"', {}, raw), 'not-matched');
  });

  it('TERM() needs major breakers around the term', () => {
    assert.equal(statusOf('TERM(user=alice)', {}, raw), 'matched');
    assert.equal(statusOf('TERM(alice)', {}, raw), 'not-matched');
    assert.equal(statusOf('TERM(args=/c)', {}, raw), 'matched');
    assert.equal(statusOf('TERM(args)', {}, raw), 'not-matched');
    assert.equal(statusOf('TERM(cmd)', {}, raw), 'not-matched');
  });

  it('CASE() matches the raw text case-sensitively', () => {
    assert.equal(statusOf('CASE(Process)', {}, raw), 'matched');
    assert.equal(statusOf('CASE(process)', {}, raw), 'not-matched');
  });

  it('lower-case and, or, not are terms', () => {
    assert.equal(statusOf('started and', {}, raw), 'not-matched');
    assert.equal(statusOf('started and', {}, `${raw} and more`), 'matched');
  });
});

describe('time bounds and Splunk metadata', () => {
  it('earliest and latest hold for every event', () => {
    assert.equal(statusOf('earliest=-24h latest=now a=1', { a: 1 }), 'matched');
  });

  it('index, host, eventtype the event does not record are undecided, not guessed', () => {
    assert.deepEqual(verdictOf('index=main a=1', { a: 1 }), {
      status: 'undecided',
      reason: 'index=main: `index` is Splunk metadata the event does not record',
    });
    assert.equal(statusOf('eventtype=x OR a=1', { a: 1 }), 'matched');
    assert.equal(statusOf('host=h a=1', { a: 2 }), 'not-matched');
  });

  it('metadata the event has is compared like any field', () => {
    assert.equal(statusOf('index=main', { index: 'main' }), 'matched');
    assert.equal(statusOf('index=main', { index: 'other' }), 'not-matched');
  });

  it('a Windows event has the source, sourcetype and EventCode Splunk gives it', () => {
    const sysmon = { EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational' };
    const macro = 'sourcetype=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational'
      + ' OR source=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational';
    assert.equal(statusOf(`${macro} EventCode=1`, sysmon), 'matched');
    assert.equal(statusOf('sourcetype=XmlWinEventLog', sysmon), 'matched');
    assert.equal(statusOf('source=XmlWinEventLog:Security', sysmon), 'not-matched');
    assert.equal(statusOf('sourcetype="WinEventLog:Security"', sysmon), 'not-matched');
  });

  it('an event that states its source keeps it', () => {
    const fields = { EventID: 1, Channel: 'Security', source: 'WinEventLog:Security' };
    assert.equal(statusOf('source=WinEventLog:Security', fields), 'matched');
  });
});

describe('macros and subsearches left in the search', () => {
  it('tuning hooks are empty', () => {
    assert.equal(statusOf('a=1 `my_rule_filter`', { a: 1 }), 'matched');
  });

  it('a macro that did not expand or a subsearch is undecided', () => {
    assert.equal(statusOf('`unknown_macro` a=1', { a: 1 }), 'undecided');
    assert.equal(statusOf('`unknown_macro` a=1', { a: 2 }), 'not-matched');
    assert.equal(statusOf('a=1 [search b=2 | fields user]', { a: 1 }), 'undecided');
  });
});
