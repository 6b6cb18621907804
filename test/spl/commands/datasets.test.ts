// inputlookup, from, datamodel, makeresults and rest: the dataset a search starts from.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeArguments } from '../../../src/lower/spl/stage-arguments.js';
import { commandOf, read, readClean } from './command-fixture.js';

describe('dataset commands', () => {
  it('inputlookup reads its options, table and where clause as a search', () => {
    const text = '| inputlookup append=t max=100 seen_users.csv where user=adm* NOT dept=IT';
    const command = commandOf(text.slice(2));
    assert.deepEqual(command.issues, []);
    assert.equal(command.args.kind, 'inputlookup');
    if (command.args.kind !== 'inputlookup') return;
    assert.equal(command.args.where?.kind, 'and');
    assert.deepEqual(describeArguments(command.args, text), {
      table: 'seen_users.csv',
      options: { append: 't', max: '100' },
      where: 'user=adm* NOT dept=IT',
    });
    assert.deepEqual(read('inputlookup users where').issues, ['`where` needs a search']);
    assert.deepEqual(read('inputlookup append=t').issues, ['`inputlookup` needs a lookup table']);
  });

  it('from reads the dataset type and name, with a colon or a space', () => {
    assert.deepEqual(readClean('from datamodel:Web.Web'), {
      kind: 'from', datasetType: 'datamodel', dataset: 'Web.Web',
    });
    assert.deepEqual(readClean('from datamodel Alerts.Alerts'), {
      kind: 'from', datasetType: 'datamodel', dataset: 'Alerts.Alerts',
    });
    assert.deepEqual(readClean('from lookup:"geo ranges"'), {
      kind: 'from', datasetType: 'lookup', dataset: 'geo ranges',
    });
    assert.deepEqual(read('from datamodel').issues, ['`datamodel` needs a dataset name after it']);
  });

  it('datamodel reads the model, the dataset and the search mode', () => {
    assert.deepEqual(readClean('datamodel Endpoint Processes search summariesonly=true'), {
      kind: 'datamodel', model: 'Endpoint', dataset: 'Processes', mode: 'search',
      options: { summariesonly: 'true' },
    });
    assert.deepEqual(readClean('datamodel Network_Traffic'), {
      kind: 'datamodel', model: 'Network_Traffic', dataset: null, mode: null, options: {},
    });
  });

  it('makeresults reads count and annotate', () => {
    assert.deepEqual(readClean('makeresults count=3 annotate=true'), {
      kind: 'makeresults', count: 3, annotate: true, options: {},
    });
    assert.deepEqual(read('makeresults count=0').issues, [
      '`count` needs a whole number of at least 1',
    ]);
  });

  it('rest reads the endpoint and its arguments', () => {
    assert.deepEqual(readClean('rest /services/server/info splunk_server=local count=0'), {
      kind: 'rest', endpoint: '/services/server/info',
      options: { splunk_server: 'local', count: '0' },
    });
  });
});
