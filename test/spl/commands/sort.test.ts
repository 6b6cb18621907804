// sort: the fields compared, each direction, how values compare, and how many rows are kept.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { read, readClean } from './command-fixture.js';

describe('sort', () => {
  it('a minus sign, spaced or not, makes only the next field descending', () => {
    assert.deepEqual(readClean('sort - _time, src, -query'), {
      kind: 'sort',
      limit: null,
      keys: [
        { field: '_time', descending: true, as: null },
        { field: 'src', descending: false, as: null },
        { field: 'query', descending: true, as: null },
      ],
      descending: false,
    });
  });

  it('reads a leading count, typed comparisons and a trailing desc', () => {
    assert.deepEqual(readClean('sort 10 +ip(src) -num(count) desc'), {
      kind: 'sort',
      limit: 10,
      keys: [
        { field: 'src', descending: false, as: 'ip' },
        { field: 'count', descending: true, as: 'num' },
      ],
      descending: true,
    });
    assert.deepEqual((readClean('sort limit=5 user') as { limit: number }).limit, 5);
  });

  it('reports a sign with no field and a sort with no field', () => {
    assert.deepEqual(read('sort count -').issues, ['a field is expected after `-` or `+`']);
    assert.deepEqual(read('sort 10').issues, ['`sort` needs a field to sort on']);
    assert.deepEqual(read('sort max(x)').issues, ['a field to sort on is expected here']);
  });
});
