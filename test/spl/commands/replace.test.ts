// replace: glob values and their replacements, and the fields they apply to.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { read, readClean } from './command-fixture.js';

describe('replace', () => {
  it('reads each WITH pair and the fields after IN', () => {
    assert.deepEqual(readClean('replace "%%1" with "Added", "%%2" WITH "Deleted" in Op, Kind'), {
      kind: 'replace',
      replacements: [{ from: '%%1', to: 'Added' }, { from: '%%2', to: 'Deleted' }],
      fields: ['Op', 'Kind'],
    });
    assert.deepEqual(readClean('replace "::ffff:*" with * in src'), {
      kind: 'replace', replacements: [{ from: '::ffff:*', to: '*' }], fields: ['src'],
    });
  });

  it('without IN it applies to every field', () => {
    assert.deepEqual(readClean('replace 0 with no'), {
      kind: 'replace', replacements: [{ from: '0', to: 'no' }], fields: [],
    });
  });

  it('reports a pair without WITH once, and an empty IN', () => {
    assert.deepEqual(read('replace "a" "b" in f').issues, [
      '`<value> WITH <value>` is expected here',
    ]);
    assert.deepEqual(read('replace a with b in').issues, ['`IN` needs at least one field']);
  });
});
