// Detection keys (`Field|mod|mod`), Sigma string values, and identifier patterns.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFieldKey } from '../../src/languages/sigma/field-key.js';
import { matchesIdentifierPattern } from '../../src/languages/sigma/identifier-pattern.js';
import { formatPattern, parseStringValue } from '../../src/languages/sigma/string-value.js';

describe('field keys', () => {
  test('a field with a modifier chain, with spans into the key', () => {
    assert.deepEqual(parseFieldKey('CommandLine|contains|all'), {
      field: 'CommandLine',
      modifiers: [
        { name: 'contains', span: { start: 12, end: 20 } },
        { name: 'all', span: { start: 21, end: 24 } },
      ],
      emptyModifiers: [],
    });
  });

  test('a keyword key has an empty field', () => {
    assert.deepEqual(parseFieldKey('|all'), {
      field: '',
      modifiers: [{ name: 'all', span: { start: 1, end: 4 } }],
      emptyModifiers: [],
    });
  });

  test('an empty modifier is reported with its position', () => {
    assert.deepEqual(parseFieldKey('a||b').emptyModifiers, [{ start: 2, end: 2 }]);
  });

  test('a field without modifiers', () => {
    assert.deepEqual(parseFieldKey('EventID'), {
      field: 'EventID',
      modifiers: [],
      emptyModifiers: [],
    });
  });
});

describe('string values', () => {
  const plain = { placeholders: false };

  test('wildcards and text', () => {
    assert.deepEqual(parseStringValue('*a?b', plain), [
      { kind: 'any' },
      { kind: 'text', text: 'a' },
      { kind: 'one' },
      { kind: 'text', text: 'b' },
    ]);
  });

  test('escapes follow the specification', () => {
    assert.deepEqual(parseStringValue(String.raw`\*`, plain), [{ kind: 'text', text: '*' }]);
    assert.deepEqual(parseStringValue(String.raw`\\*`, plain), [
      { kind: 'text', text: '\\' },
      { kind: 'any' },
    ]);
    assert.deepEqual(parseStringValue(String.raw`\\\*`, plain), [{ kind: 'text', text: '\\*' }]);
    assert.deepEqual(parseStringValue(String.raw`\\\\`, plain), [{ kind: 'text', text: '\\\\' }]);
    assert.deepEqual(parseStringValue(String.raw`a\b`, plain), [{ kind: 'text', text: 'a\\b' }]);
  });

  test('three backslashes not before a wildcard are two', () => {
    assert.deepEqual(parseStringValue(String.raw`\\\a`, plain), [{ kind: 'text', text: '\\\\a' }]);
  });

  test('consecutive * collapse', () => {
    assert.deepEqual(parseStringValue('a**b', plain), [
      { kind: 'text', text: 'a' },
      { kind: 'any' },
      { kind: 'text', text: 'b' },
    ]);
  });

  test('placeholders only when asked for', () => {
    assert.deepEqual(parseStringValue('%x%', plain), [{ kind: 'text', text: '%x%' }]);
    assert.deepEqual(parseStringValue(String.raw`\%a%b%`, { placeholders: true }), [
      { kind: 'text', text: '%a' },
      { kind: 'placeholder', name: 'b' },
    ]);
  });

  test('a lone percent sign stays text', () => {
    assert.deepEqual(parseStringValue('50%', { placeholders: true }), [
      { kind: 'text', text: '50%' },
    ]);
  });

  test('formatting escapes what would read as syntax', () => {
    assert.equal(formatPattern(parseStringValue(String.raw`a\*b*`, plain)), String.raw`a\*b*`);
    assert.equal(formatPattern([{ kind: 'text', text: 'a\\b' }, { kind: 'any' }]), 'a\\\\b*');
  });
});

describe('identifier patterns', () => {
  test('* matches any run of characters', () => {
    assert.equal(matchesIdentifierPattern('selection_*', 'selection_img'), true);
    assert.equal(matchesIdentifierPattern('selection_*', 'selection'), false);
    assert.equal(matchesIdentifierPattern('*_img', 'selection_img'), true);
    assert.equal(matchesIdentifierPattern('s*n*g', 'selection_img'), true);
    assert.equal(matchesIdentifierPattern('filter', 'filter'), true);
    assert.equal(matchesIdentifierPattern('filter', 'filter_x'), false);
  });

  test('a pathological pattern answers quickly', { timeout: 30_000 }, () => {
    assert.equal(matchesIdentifierPattern('*a'.repeat(200) + 'b', 'a'.repeat(5000)), false);
  });
});
