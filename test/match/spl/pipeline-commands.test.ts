// Commands between and around the filters: extraction, renaming, lookups, field lists,
// mvexpand, aggregations and their by-fields, and what makes a rule partial.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splEvaluator } from '../../../src/match/spl/spl-evaluator.js';
import {
  evaluatorOf,
  eventOf,
  matched,
  notMatched,
  statusOf,
  verdictOf,
} from './spl-match-fixture.js';

describe('aggregations', () => {
  it('an event lacking a stats by-field is dropped', () => {
    const search = 'process_name=cmd.exe | stats count by dest, user';
    assert.deepEqual(verdictOf(search, { process_name: 'cmd.exe', dest: 'h', user: 'u' }),
      matched());
    assert.deepEqual(verdictOf(search, { process_name: 'cmd.exe', dest: 'h' }),
      notMatched('`stats` groups by `user`, which the event lacks'));
  });

  it('fillnull before the aggregation keeps an event lacking a by-field', () => {
    const search = 'a=1 | fillnull value=unknown user | stats count by user';
    assert.equal(statusOf(search, { a: 1 }), 'matched');
    assert.equal(statusOf('a=1 | fillnull | stats count by user', { a: 1 }), 'matched');
  });

  it('fields every Splunk event has never drop it, renamed or binned', () => {
    assert.equal(statusOf('a=1 | stats count by _time, host, sourcetype', { a: 1 }), 'matched');
    assert.equal(statusOf('a=1 | rename host as dest | stats count by dest', { a: 1 }), 'matched');
    assert.equal(statusOf('a=1 | bin _time span=5m | stats count by _time', { a: 1, _time: 5 }),
      'matched');
    assert.equal(statusOf('a=1 | stats count by eventtype', { a: 1 }), 'undecided');
  });

  it('chart and timechart keep an event lacking a by-field; dedup drops it', () => {
    assert.equal(statusOf('a=1 | timechart count by user', { a: 1 }), 'matched');
    assert.equal(statusOf('a=1 | dedup user', { a: 1 }), 'not-matched');
    assert.equal(statusOf('a=1 | dedup keepempty=true user', { a: 1 }), 'matched');
  });

  it('conditions after the aggregation make the rule partial and are not evaluated', () => {
    const thresholded = evaluatorOf('a=1 | stats count by user | where count > 5');
    assert.equal(thresholded.partial, true);
    assert.deepEqual(thresholded.evaluate(eventOf({ a: 1, user: 'u' })), matched());
    const shaped = evaluatorOf('a=1 | stats count by user | rename user as u | `x_filter`');
    assert.equal(shaped.partial, false);
  });

  it('tstats filters with its where clause on a data-model row', () => {
    const search = '| tstats count from datamodel=Endpoint.Processes'
      + ' where Processes.process_name=cmd.exe by Processes.dest'
      + ' | rename Processes.* AS * | `tstats_rule_filter`';
    const row = { 'Processes.process_name': 'CMD.exe', 'Processes.dest': 'h' };
    assert.deepEqual(verdictOf(search, row), matched());
    assert.deepEqual(verdictOf(search, { ...row, 'Processes.process_name': 'powershell.exe' }),
      notMatched('Processes.process_name=cmd.exe'));
    assert.deepEqual(verdictOf(search, { 'Processes.process_name': 'cmd.exe' }),
      notMatched('`tstats` groups by `Processes.dest`, which the event lacks'));
  });

  it('tstats reads a raw event by CIM names, its data-model membership unknown', () => {
    const search = '| tstats count from datamodel=Endpoint.Processes'
      + ' where Processes.process_name=cmd.exe by Processes.dest';
    assert.deepEqual(verdictOf(search, { process_name: 'cmd.exe', dest: 'h' }), {
      status: 'undecided',
      reason: 'whether the event belongs to data model Endpoint.Processes depends on CIM tags'
        + ' the event does not record',
    });
    assert.deepEqual(verdictOf(search, { process_name: 'powershell.exe', dest: 'h' }),
      notMatched('Processes.process_name=cmd.exe'));
    assert.equal(statusOf(search, {}), 'not-matched');
  });

  it('tstats with fillnull_value keeps an event lacking a by-field', () => {
    const search = '| tstats fillnull_value=null count from datamodel=Endpoint.Processes'
      + ' where Processes.process_name=cmd.exe by Processes.dest';
    assert.equal(statusOf(search, { 'Processes.process_name': 'cmd.exe' }), 'matched');
  });
});

describe('field commands', () => {
  it('rex extracts named groups for later conditions', () => {
    const search = 'a=1 | rex field=cmd "-user (?<account>\\\\S+)" | search account=admin';
    assert.equal(statusOf(search, { a: 1, cmd: 'net -user Admin /add' }), 'matched');
    assert.equal(statusOf(search, { a: 1, cmd: 'net -user bob /add' }), 'not-matched');
    assert.equal(statusOf(search, { a: 1, cmd: 'net' }), 'not-matched');
  });

  it('rex with a pattern RE2 cannot run leaves its groups unknown', () => {
    const search = 'a=1 | rex "(?<word>\\\\w+)(?=!)" | search word=hi';
    assert.equal(statusOf(search, { a: 1 }, 'hi!'), 'undecided');
  });

  it('rename moves values, with wildcards', () => {
    assert.equal(statusOf('a=1 | rename a AS b | search b=1', { a: 1 }), 'matched');
    assert.equal(statusOf('a=1 | rename a AS b | search a=1', { a: 1 }), 'not-matched');
    const search = 'a=1 | rename Processes.* AS * | search process_name=cmd.exe';
    assert.equal(statusOf(search, { a: 1, 'Processes.process_name': 'cmd.exe' }), 'matched');
  });

  it('table and fields keep only the fields they list', () => {
    assert.equal(statusOf('a=1 | table a | search b=2', { a: 1, b: 2 }), 'not-matched');
    assert.equal(statusOf('a=1 | fields - b | search b=2', { a: 1, b: 2 }), 'not-matched');
    assert.equal(statusOf('a=1 | fields a, b* | search bb=2', { a: 1, bb: 2 }), 'matched');
  });

  it('regex keeps events whose field matches, != the others', () => {
    assert.equal(statusOf('a=1 | regex p="^c.d"', { a: 1, p: 'cmd' }), 'matched');
    assert.equal(statusOf('a=1 | regex p!="^c.d"', { a: 1, p: 'cmd' }), 'not-matched');
    assert.equal(statusOf('a=1 | regex p!="^c.d"', { a: 1 }), 'matched');
  });

  it('mvexpand makes one event per value: the rule matches when one of them does', () => {
    const search = 'a=1 | mvexpand m | where m="b"';
    assert.equal(statusOf(search, { a: 1, m: ['a', 'b'] }), 'matched');
    assert.equal(statusOf(search, { a: 1, m: ['a', 'c'] }), 'not-matched');
  });

  it('makemv splits a field into values', () => {
    const search = 'a=1 | makemv delim="," m | where mvcount(m) = 3';
    assert.equal(statusOf(search, { a: 1, m: 'x,y,z' }), 'matched');
  });
});

describe('what the matcher cannot know', () => {
  it('lookup outputs are unknown: a condition on them is undecided', () => {
    const search = 'a=1 | lookup hijacklibs library AS f OUTPUT islibrary | where islibrary="True"';
    assert.deepEqual(verdictOf(search, { a: 1, f: 'x.dll' }), {
      status: 'undecided',
      reason: 'islibrary="True": `islibrary` may come from lookup table hijacklibs',
    });
  });

  it('a lookup without outputs makes every absent field unknown, not present ones', () => {
    const search = 'a=1 | lookup scores word AS name | where score > 3 AND a = 2';
    assert.equal(statusOf(search, { a: 1, name: 'x' }), 'not-matched');
    assert.equal(statusOf(search.replace('a = 2', 'a = 1'), { a: 1, name: 'x' }), 'undecided');
  });

  it('foreach runs its template evals once per matching field', () => {
    const search = 'type=EXECVE | eval args=""'
      + ' | foreach a* [eval args=mvappend(args, \'<<FIELD>>\')]'
      + ' | eval line=trim(mvjoin(args, " ")) | where like(line, "rm -rf%")';
    assert.equal(statusOf(search, { type: 'EXECVE', a0: 'rm', a1: '-rf', a2: '/' }), 'matched');
    assert.equal(statusOf(search, { type: 'EXECVE', a0: 'ls', a1: '-la' }), 'not-matched');
  });

  it('spath reads a path the event holds; other extractions and joins are unknown', () => {
    const fields = { a: 1, 'user.name': 'bob' };
    assert.equal(statusOf('a=1 | spath output=u path=user.name | search u=bob', fields),
      'matched');
    assert.equal(statusOf('a=1 | spath input=doc | search u=bob', fields), 'undecided');
    assert.equal(statusOf('a=1 | iplocation src | search Country=France', fields), 'undecided');
    assert.equal(statusOf('a=1 | join type=outer user [search b=2] | search a=1', fields),
      'matched');
    assert.equal(statusOf('a=1 | join user [search b=2]', fields), 'undecided');
  });

  it('strcat joins fields and texts into its target', () => {
    const search = 'a=1 | strcat user "@" domain account | search account="bob@corp"';
    assert.equal(statusOf(search, { a: 1, user: 'bob', domain: 'corp' }), 'matched');
  });

  it('a false condition decides even after an undecided one', () => {
    assert.equal(statusOf('a=1 | lookup t k OUTPUT v | where v="x" | search b=2', { a: 1 }),
      'not-matched');
  });

  it('an unknown command may drop the event: undecided', () => {
    assert.deepEqual(verdictOf('a=1 | frobnicate x', { a: 1 }), {
      status: 'undecided',
      reason: '`frobnicate` is not evaluated by the matcher',
    });
  });

  it('a search of lookup rows reads no events', () => {
    const evaluator = splEvaluator({ language: 'spl', query: '| inputlookup hosts.csv' });
    assert.deepEqual(evaluator, {
      notEvaluable: 'the search starts with `inputlookup`, which reads no events',
    });
  });

  it('a rule in another language is not evaluable here', () => {
    assert.deepEqual(splEvaluator({ language: 'sigma', query: 'x' }), {
      notEvaluable: 'a sigma rule is not SPL',
    });
  });

  it('the expanded query is what runs when the rule has one', () => {
    const evaluator = splEvaluator({
      language: 'spl',
      query: '`process_cmd` | stats count by dest',
      expandedQuery: 'process_name=cmd.exe | stats count by dest',
    });
    assert.ok('evaluate' in evaluator);
    assert.equal(evaluator.evaluate(eventOf({ process_name: 'cmd.exe', dest: 'h' })).status,
      'matched');
  });
});
