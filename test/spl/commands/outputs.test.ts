// outputlookup and collect: where results are written.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { read, readClean } from './command-fixture.js';

describe('commands writing results elsewhere', () => {
  it('outputlookup reads its table and options', () => {
    assert.deepEqual(readClean('outputlookup append=true seen.csv'), {
      kind: 'outputlookup', table: 'seen.csv', options: { append: 'true' },
    });
    assert.deepEqual(read('outputlookup').issues, ['`outputlookup` needs a lookup table']);
  });

  it('collect reads the index and other options', () => {
    assert.deepEqual(readClean('collect index=summary marker="rule=x"'), {
      kind: 'collect', index: 'summary', options: { marker: 'rule=x' },
    });
    assert.deepEqual(read('collect summary').issues, ['unexpected `collect` argument']);
  });
});
