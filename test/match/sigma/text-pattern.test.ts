// Sigma string patterns on text: wildcards, windash dashes, letter case.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseStringValue } from '../../../src/languages/sigma/string-value.js';
import { textPattern, type PlainPart } from '../../../src/match/sigma/text-pattern.js';

function matches(pattern: string, text: string, windash = false, cased = false): boolean {
  const parts = parseStringValue(pattern, { placeholders: false }) as PlainPart[];
  const test = textPattern(parts, { cased, windash });
  return test({ scalars: [text], texts: [text], folded: [text.toLowerCase()] });
}

describe('text patterns', () => {
  test('segments between stars are found in order, each at its leftmost place', () => {
    assert.equal(matches('*ab*ab*', 'xxabyyab'), true);
    assert.equal(matches('*ab*ab*', 'xxaby'), false);
    assert.equal(matches('a*a', 'a'), false);
    assert.equal(matches('a*a', 'aa'), true);
  });

  test('? takes exactly one character, wherever it stands in a segment', () => {
    assert.equal(matches('*a?c*', 'xxabbcaxc'), true);
    assert.equal(matches('*a?c*', 'xxabbc'), false);
    assert.equal(matches('*??*', 'a'), false);
    assert.equal(matches('*??*', 'ab'), true);
  });

  test('windash dashes match any dash, also where the segment has no other text', () => {
    assert.equal(matches('*-*', 'a\u2014b', true), true);
    assert.equal(matches('*-*', 'ab', true), false);
    assert.equal(matches('* -x*', 'cmd /x', true), true);
    assert.equal(matches('* -x*', 'cmd -y /x', true), true);
    assert.equal(matches('* -x*', 'cmd x', true), false);
  });

  test('without windash a dash is only a dash', () => {
    assert.equal(matches('* -x*', 'cmd /x'), false);
  });

  test('cased patterns compare letters exactly', () => {
    assert.equal(matches('*Run*', 'xRunx', false, true), true);
    assert.equal(matches('*Run*', 'xrunx', false, true), false);
    assert.equal(matches('*Run*', 'xrunx'), true);
  });
});
