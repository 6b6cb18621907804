// bin and bucket: the field put into ranges, the range width or count, the target name.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { read, readClean } from './command-fixture.js';

describe('bin', () => {
  it('reads the field, span and AS name in any order', () => {
    assert.deepEqual(readClean('bin _time as bin_time span=10m'), {
      kind: 'bin', field: '_time', as: 'bin_time', span: '10m', bins: null, options: {},
    });
    assert.deepEqual(readClean('bucket span=5m _time'), {
      kind: 'bin', field: '_time', as: null, span: '5m', bins: null, options: {},
    });
  });

  it('reads bins as a count and keeps the other options as text', () => {
    assert.deepEqual(readClean('bin bins=10 minspan=1h aligntime=@d bytes'), {
      kind: 'bin', field: 'bytes', as: null, span: null, bins: 10,
      options: { minspan: '1h', aligntime: '@d' },
    });
  });

  it('reports a missing field, a bad bin count and a second field', () => {
    assert.deepEqual(read('bin span=5m').issues, ['`bin` needs a field']);
    assert.deepEqual(read('bin bins=many _time').issues, [
      '`bins` needs a whole number of at least 1',
    ]);
    assert.deepEqual(read('bin _time host').issues, ['unexpected `bin` argument']);
  });
});
