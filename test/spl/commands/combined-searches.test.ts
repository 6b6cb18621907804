// union and multisearch: the searches and datasets combined, each subsearch parsed.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nestedSubsearches } from '../../../src/languages/spl/nested-searches.js';
import { commandOf, read } from './command-fixture.js';

describe('commands combining searches', () => {
  it('union reads subsearches and named datasets in order', () => {
    const command = commandOf('union maxout=100 [search index=a] datamodel:Web [| tstats count]');
    assert.deepEqual(command.issues, []);
    assert.equal(command.args.kind, 'union');
    if (command.args.kind !== 'union') return;
    assert.deepEqual(command.args.options, { maxout: '100' });
    assert.deepEqual(
      command.args.datasets.map((d) => d.kind === 'named' ? d.name : d.pipeline.commands[0].name),
      ['search', 'datamodel:Web', 'tstats'],
    );
    assert.equal(nestedSubsearches(command.args).length, 2);
    assert.deepEqual(read('union').issues, ['`union` needs datasets or subsearches to combine']);
  });

  it('multisearch reads two or more subsearches', () => {
    const command = commandOf('multisearch [search index=a] [search index=b]');
    assert.deepEqual(command.issues, []);
    assert.equal(command.args.kind, 'multisearch');
    if (command.args.kind !== 'multisearch') return;
    assert.equal(command.args.searches.length, 2);
    assert.deepEqual(read('multisearch [search a]').issues, [
      '`multisearch` needs at least two subsearches',
    ]);
    assert.deepEqual(read('multisearch [search a] [search b] index').issues, [
      'unexpected `multisearch` argument',
    ]);
  });
});
