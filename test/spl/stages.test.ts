// Stage effects and arguments: aggregations with their by-fields, tstats filters, fillnull,
// formatting, enrichment, dedup, head and unknown commands.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lower, shape } from './spl-fixture.js';

describe('pipeline stages', () => {
  it('tstats filters with its where clause (search semantics), groups by data-model fields', () => {
    const { pipeline, diagnostics } = lower(
      '| tstats summariesonly=true count from datamodel=Endpoint.Processes ' +
        'where Processes.process_name=cmd.exe ' +
        'Processes.process="*/c*" OR Processes.process="*/k*" ' +
        'by Processes.dest Processes.user',
    );
    assert.deepEqual(diagnostics, []);
    assert.equal(pipeline.length, 1);
    const [tstats] = pipeline;
    assert.equal(tstats.effect, 'aggregate');
    assert.equal(
      shape(tstats.predicate),
      'and(Processes.process_name eq~ "cmd.exe", ' +
        'or(Processes.process contains~ "/c", Processes.process contains~ "/k"))',
    );
    assert.deepEqual(tstats.groupBy, { fields: ['Processes.dest', 'Processes.user'], filled: [] });
    assert.equal(tstats.args.datamodel, 'Endpoint.Processes');
    assert.deepEqual(tstats.args.options, { summariesonly: 'true' });
  });

  it('tstats fillnull_value fills every by-field', () => {
    const { pipeline } = lower('| tstats fillnull_value="-" count from datamodel=Web by Web.src');
    assert.deepEqual(pipeline[0].groupBy, { fields: ['Web.src'], filled: 'all' });
  });

  it('fillnull before stats fills all fields, or the ones it names', () => {
    const all = lower('x=1 | fillnull | stats count by a b');
    assert.deepEqual(all.pipeline[2].groupBy, { fields: ['a', 'b'], filled: 'all' });
    const some = lower('x=1 | fillnull value=0 a | stats count by a, b');
    assert.deepEqual(some.pipeline[2].groupBy, { fields: ['a', 'b'], filled: ['a'] });
  });

  it('stats reads aggregations with eval arguments and AS names', () => {
    const { pipeline, diagnostics } = lower(
      'x=1 | stats dc(user) AS users count(eval(action="fail")) as fails by src',
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(pipeline[1].args.aggregations, [
      { function: 'dc', field: 'user', as: 'users' },
      { function: 'count', field: 'eval(action="fail")', as: 'fails' },
    ]);
  });

  it('gives each command its effect', () => {
    const { pipeline, diagnostics } = lower(
      'x=1 | eval y=lower(x) | lookup users user OUTPUT dept | rex field=cmd "(?<tool>\\w+)" ' +
        '| eventstats count by y | table x y | rename x AS z | sort - z | search z=2',
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      pipeline.map((s) => `${s.command}:${s.effect}`),
      ['search:filter', 'eval:enrich', 'lookup:enrich', 'rex:enrich', 'eventstats:enrich',
        'table:format', 'rename:format', 'sort:format', 'search:filter'],
    );
  });

  it('dedup keeps one event per key, so it groups like an aggregation', () => {
    const { pipeline } = lower('x=1 | dedup user host | where y=1');
    assert.equal(pipeline[1].effect, 'aggregate');
    assert.deepEqual(pipeline[1].groupBy, { fields: ['user', 'host'], filled: [] });
    assert.equal(pipeline[2].effect, 'filter-aggregated');
  });

  it('head limits result rows after an aggregation and is opaque before one', () => {
    assert.equal(lower('x=1 | stats count by u | head 5').pipeline[2].effect, 'filter-aggregated');
    const before = lower('x=1 | head 5');
    assert.equal(before.pipeline[1].opaque, true);
    assert.equal(before.diagnostics[0].code, 'spl.opaque-stage');
  });

  it('an unknown command is an opaque stage with a warning', () => {
    const { pipeline, diagnostics } = lower('x=1 | frobnicate hard');
    assert.equal(pipeline[1].opaque, true);
    assert.equal(diagnostics[0].severity, 'warning');
    assert.match(diagnostics[0].message, /unknown command `frobnicate`/);
  });

  it('a query starting with a pipe has no implicit search', () => {
    const { pipeline } = lower('| inputlookup users | where isnull(dept)');
    assert.deepEqual(pipeline.map((s) => s.command), ['inputlookup', 'where']);
  });

  it('no stage is an empty filter', () => {
    const { pipeline } = lower('search | stats count');
    assert.ok(pipeline.every((s) => s.effect !== 'filter' || s.predicate || s.opaque));
  });

  it('an inner join filters on a row of its lowered subsearch sharing the join fields', () => {
    const lowered = lower('index=a | join host [search index=b action=blocked] | table host');
    assert.deepEqual(
      lowered.pipeline.map((s) => `${s.command} ${s.effect}`),
      ['search filter', 'join filter', 'table format'],
    );
    const join = lowered.pipeline[1];
    assert.equal(shape(join.predicate), 'subsearch(host)');
    assert.deepEqual(
      join.subsearches?.map((s) => s.stages.map((stage) => shape(stage.predicate))),
      [['and(index eq~ "b", action eq~ "blocked")']],
    );
    assert.deepEqual(lowered.diagnostics, []);
  });

  it('an outer join only adds fields; after stats an inner join filters rows', () => {
    const outer = lower('index=a | join type=outer host [search index=b]');
    assert.deepEqual(outer.pipeline.map((s) => `${s.command} ${s.effect}`), [
      'search filter', 'join enrich',
    ]);
    assert.equal(outer.pipeline[1].predicate, undefined);
    const inner = lower('index=a | stats count by host | join host, user [search index=b]');
    assert.equal(inner.pipeline[2].effect, 'filter-aggregated');
    assert.equal(shape(inner.pipeline[2].predicate), 'subsearch(host user)');
  });

  it('foreach and appendpipe brackets open with a command, with template fields', () => {
    const lowered = lower(
      'x=1 | stats count by a | foreach * [eval <<FIELD>>=if(<<FIELD>>="null",null(),<<FIELD>>)]'
        + ' | appendpipe [stats count AS total]',
    );
    assert.deepEqual(lowered.diagnostics, []);
    assert.deepEqual(
      lowered.pipeline.slice(2).map((s) => s.subsearches?.[0].stages.map((n) => n.command)),
      [['eval'], ['stats']],
    );
  });
});
