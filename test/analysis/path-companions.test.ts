// A path compared whole, or by a suffix of several segments, says what the file name is: such a
// rule is narrower than one naming only the file.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { searchNeighbors } from '../../src/analysis/neighbors/find-neighbors.js';
import { p, searchRule } from './rule-fixture.js';

const onImage = { canonicalField: 'process.executable' };

const byName = searchRule('name', p('Image', 'endswith', '\\rundll32.exe', onImage));
const byPath = searchRule('path', p('Image', 'eq', 'C:\\Windows\\System32\\rundll32.exe', onImage));
const bySuffix = searchRule('suffix', p('Image', 'endswith', '\\System32\\rundll32.exe', onImage));
const byOtherPath = searchRule('other', p('Image', 'eq', 'C:\\Tools\\rundll32.exe.bak', onImage));

function broaderPairs(): string[] {
  const { claims } = searchNeighbors([byName, byPath, bySuffix, byOtherPath]);
  return claims
    .map((claim) => `${claim.broader.upstreamId} ⊇ ${claim.narrower.upstreamId}`)
    .sort();
}

test('a whole path and a multi-segment suffix are narrower than their file name', () => {
  assert.deepEqual(broaderPairs(), ['name ⊇ path', 'name ⊇ suffix', 'suffix ⊇ path']);
});

test('a path whose last segment is another name says nothing of this one', () => {
  assert.ok(!broaderPairs().some((pair) => pair.includes('other')));
});
