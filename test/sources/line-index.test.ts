// The line of an offset, as the readers report it: line feeds before the offset, plus one.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../src/sources/line-index.js';

test('offsets map to the line they stand on; a line feed belongs to the line it ends', () => {
  const lines = new LineIndex('ab\ncd\n\nef');
  const found = [0, 1, 2, 3, 5, 6, 7, 9].map((offset) => lines.lineAt(offset));
  assert.deepEqual(found, [1, 1, 1, 2, 2, 3, 4, 4]);
});

test('an offset past the end is on the last line; text without line feeds is one line', () => {
  assert.equal(new LineIndex('a\nb\n').lineAt(100), 3);
  assert.equal(new LineIndex('abc').lineAt(2), 1);
  assert.equal(new LineIndex('').lineAt(0), 1);
});
