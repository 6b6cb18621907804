// return and format: how a subsearch's rows become search text.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { read, readClean } from './command-fixture.js';

describe('subsearch output commands', () => {
  it('return reads a count, fields, aliases and bare values in order', () => {
    assert.deepEqual(readClean('return 5 user src=ip $host'), {
      kind: 'return',
      count: 5,
      returns: [
        { field: 'user', as: 'user' },
        { field: 'ip', as: 'src' },
        { field: 'host', as: null },
      ],
    });
    assert.deepEqual(read('return 5').issues, ['`return` needs fields to return']);
  });

  it('format reads its options and all six separators', () => {
    assert.deepEqual(readClean('format maxresults=10 "(" "(" "AND" ")" "OR" ")"'), {
      kind: 'format', separators: ['(', '(', 'AND', ')', 'OR', ')'], options: { maxresults: '10' },
    });
    assert.deepEqual(read('format "(" ")"').issues, ['`format` takes all 6 separators or none']);
  });
});
