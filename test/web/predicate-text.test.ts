// How values read on pages and in the terminal: as matched, so they can be copied.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caseText, scalarText } from '../../src/web/predicate-text.js';

test('a string value is quoted with its backslashes as they are matched', () => {
  assert.equal(scalarText('C:\\Windows\\System32\\'), '"C:\\Windows\\System32\\"');
});

test('invisible control characters are written as escapes', () => {
  assert.equal(scalarText('a\nb\tc\u0000'), '"a\\nb\\tc\\u0000"');
});

test('numbers, booleans and null are written bare', () => {
  assert.deepEqual([4104, true, null].map(scalarText), ['4104', 'true', 'null']);
});

test('the case rule is shown only where case can matter', () => {
  assert.equal(caseText(false, 'eq', [4104]), '');
  assert.equal(caseText(true, 'exists', []), '');
  assert.equal(caseText(false, 'eq', ['4104', '-1']), '');
  assert.equal(caseText(false, 'contains', ['-CN']), 'any case');
  assert.equal(caseText(true, 'in', [1, 'cmd.exe']), 'case-sensitive');
  assert.equal(caseText(false, 'cidr', ['fe80::/10']), '');
});
