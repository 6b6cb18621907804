// What the commands do to the event stream once lowered: searches users write that the
// corpus lacks (union, head, makeresults, datamodel), and the effect of every other command.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectOf, selectsRows } from '../../../src/lower/spl/command-effects.js';
import { lower, shape } from '../spl-fixture.js';
import { commandOf } from './command-fixture.js';

function effects(query: string): string[] {
  return lower(query).pipeline.map((stage) => `${stage.command}:${stage.effect}`);
}

describe('command effects', () => {
  it('union adds the rows of its searches and datasets', () => {
    const { pipeline, diagnostics } = lower(
      '| union [search index=a user=x] datamodel:Web | stats count by user',
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(pipeline.map((s) => `${s.command}:${s.effect}`), [
      'union:enrich', 'stats:aggregate',
    ]);
    assert.deepEqual(pipeline[0].args.datasets, [
      {
        search: 'search index=a user=x',
        commands: [{ command: 'search', text: 'search index=a user=x', args: {} }],
      },
      { dataset: 'datamodel:Web' },
    ]);
  });

  it('union lowers its subsearches into stages', () => {
    const [union] = lower('| union [search index=a] [search index=b]').pipeline;
    assert.deepEqual(
      union.subsearches?.map((s) => s.stages.map((stage) => shape(stage.predicate))),
      [['index eq~ "a"'], ['index eq~ "b"']],
    );
  });

  it('head keeps rows by position: opaque before an aggregation, a row filter after', () => {
    const before = lower('index=a | head 5 | stats count by user');
    const opaque = before.pipeline.map((s) => `${s.command}:${s.effect}:${s.opaque ?? false}`);
    assert.deepEqual(opaque, [
      'search:filter:false', 'head:filter:true', 'stats:aggregate:false',
    ]);
    assert.deepEqual(before.diagnostics.map((d) => d.message), [
      '`head` before an aggregation keeps events by position',
    ]);
    const after = lower('index=a | stats count by user | sort - count | head 10');
    assert.deepEqual(after.diagnostics, []);
    assert.deepEqual(after.pipeline.map((s) => `${s.command}:${s.effect}`), [
      'search:filter', 'stats:aggregate', 'sort:format', 'head:filter-aggregated',
    ]);
    assert.deepEqual(after.pipeline[3].args, { count: 10, condition: null, options: {} });
  });

  it('makeresults generates rows that later commands shape and filter', () => {
    const { pipeline, diagnostics } = lower(
      '| makeresults count=2 annotate=true | eval user="adm" | where user="adm"',
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(pipeline.map((s) => `${s.command}:${s.effect}`), [
      'makeresults:enrich', 'eval:enrich', 'where:filter',
    ]);
    assert.deepEqual(pipeline[0].args, { count: 2, annotate: true, options: {} });
    assert.equal(shape(pipeline[2].predicate), 'user eq "adm"');
  });

  it('datamodel reads the events of a data model dataset, filtered after', () => {
    const { pipeline, diagnostics } = lower(
      '| datamodel Endpoint Processes search | search Processes.process_name=cmd.exe '
        + '| stats count by Processes.dest',
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(pipeline.map((s) => `${s.command}:${s.effect}`), [
      'datamodel:enrich', 'search:filter', 'stats:aggregate',
    ]);
    assert.deepEqual(pipeline[0].args, {
      model: 'Endpoint', dataset: 'Processes', mode: 'search', options: {},
    });
  });

  it('gives each command its effect', () => {
    assert.deepEqual(
      effects('x=1 | bin _time span=5m | mvexpand a | makemv b | spath input=c | fromjson d '
        + '| xmlkv e | extract | multikv | iplocation src | addtotals f g | replace 1 with 2 in h '
        + '| strcat a b c | filldown | rangemap field=n low=0-1 | delta n | accum n | addinfo '
        + '| tojson | apply m | cyberchef infield=a | nomv a | outputlookup t | collect index=s '
        + '| sort a | xyseries a b c'),
      [
        'search:filter', 'bin:enrich', 'mvexpand:enrich', 'makemv:enrich', 'spath:enrich',
        'fromjson:enrich', 'xmlkv:enrich', 'extract:enrich', 'multikv:enrich',
        'iplocation:enrich', 'addtotals:enrich', 'replace:enrich', 'strcat:enrich',
        'filldown:enrich', 'rangemap:enrich', 'delta:enrich', 'accum:enrich', 'addinfo:enrich',
        'tojson:enrich', 'apply:enrich', 'cyberchef:enrich', 'nomv:enrich',
        'outputlookup:format', 'collect:format', 'sort:format', 'xyseries:format',
      ],
    );
    assert.deepEqual(
      effects('x=1 | transaction user maxspan=5m | mvcombine dest | top user'),
      ['search:filter', 'transaction:aggregate', 'mvcombine:aggregate', 'top:aggregate'],
    );
    assert.equal(effectOf('return'), 'format');
    assert.equal(effectOf('inputlookup'), 'enrich');
    assert.equal(effectOf('head'), 'filter');
  });

  it('commands that drop rows by position or by a statistic select rows', () => {
    const selects = (text: string) => selectsRows(commandOf(text).args);
    assert.equal(selects('tail 5'), true);
    assert.equal(selects('sort 10 -count'), true);
    assert.equal(selects('sort -count'), false);
    assert.equal(selects('outlier action=RM count'), true);
    assert.equal(selects('outlier count'), false);
    assert.equal(selects('anomalydetection count'), true);
    assert.equal(selects('anomalydetection count action=annotate'), false);
    assert.equal(effectOf('outlier', commandOf('outlier action=remove x').args), 'filter');
    assert.equal(effectOf('outlier', commandOf('outlier x').args), 'enrich');
  });
});
