// Walking a predicate tree: every predicate once, in text order, with its NOT parity.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { and, not, or, predicate, predicatesOf, type Expr } from '../../src/ir/index.js';

function leaf(field: string): Expr {
  return predicate({ field, op: 'eq', values: ['x'], caseSensitive: false, text: `${field}=x` });
}

test('predicates come left to right, each with whether an odd number of NOTs is above it', () => {
  const tree = and([
    leaf('a'),
    or([not(leaf('b')), not(and([leaf('c'), not(leaf('d'))]))]),
    { kind: 'opaque', text: '???', reason: 'not understood' },
    leaf('e'),
  ]);
  const walked = [...predicatesOf(tree)].map((p) => `${p.negated ? '!' : ''}${p.predicate.field}`);
  assert.deepEqual(walked, ['a', '!b', '!c', 'd', 'e']);
});

test('a walk may start under a NOT, and a lone predicate is its own walk', () => {
  assert.deepEqual([...predicatesOf(leaf('a'), true)].map((p) => p.negated), [true]);
});
