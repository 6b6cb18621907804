// Repeated keys make a Sigma document a failure, found in one pass even in huge selections.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRuleText } from '../../src/sources/sigma/read-sigma.js';

const HEAD = 'title: T\nid: x\nlogsource:\n    category: process_creation\ndetection:\n';

test('a key repeated inside a selection fails with its line and name', () => {
  const text = `${HEAD}    sel:\n        Image: a\n        Image: b\n    condition: sel\n`;
  const [result] = readRuleText(text, 'rules/dup.yml', null);
  assert.deepEqual(result, {
    source: 'sigma',
    file: 'rules/dup.yml',
    line: 8,
    reason: 'the key Image appears twice in one mapping',
  });
});

// The quadratic check of the yaml library took about two minutes here; the guard is a hang guard.
test('a selection of 50,000 distinct keys is read', { timeout: 60_000 }, () => {
  const keys = Array.from({ length: 50_000 }, (_, i) => `        Field${i}: v${i}\n`).join('');
  const [result] = readRuleText(`${HEAD}    sel:\n${keys}    condition: sel\n`, 'big.yml', null);
  assert.ok('upstreamId' in result, 'stored as a rule');
});
