// top and rare: the fields whose values are counted, grouped like `stats count by`.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { read, readClean } from './command-fixture.js';

describe('top and rare', () => {
  it('group by the counted fields, then the by-fields', () => {
    assert.deepEqual(readClean('top limit=5 showperc=f user, host by dest'), {
      kind: 'stats', options: { limit: '5', showperc: 'f' }, aggregations: [],
      by: ['user', 'host', 'dest'],
    });
  });

  it('read a leading count as the limit, and a field named like a function as a field', () => {
    assert.deepEqual(readClean('rare 3 count src'), {
      kind: 'stats', options: { limit: '3' }, aggregations: [], by: ['count', 'src'],
    });
  });

  it('report aggregations, which they do not take', () => {
    assert.deepEqual(read('top count(x)').issues, ['a field name is expected here']);
    assert.deepEqual(read('rare by host').issues, ['`rare` needs fields to count']);
  });
});
