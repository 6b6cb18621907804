// Two fields compared in a where condition: equal, or present and different.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lower, shape } from './spl-fixture.js';

function whereOf(condition: string): string {
  const { pipeline, diagnostics } = lower(`x=1 | where ${condition}`);
  assert.deepEqual(diagnostics, []);
  return shape(pipeline[1].predicate);
}

describe('where comparisons of two fields', () => {
  it('a != b holds only when both fields are present and differ', () => {
    assert.equal(
      whereOf('user!=incorrect_cred'),
      'and(user exists, incorrect_cred exists, not(user fieldref "incorrect_cred"))',
    );
  });

  it('NOT a=b also holds for events lacking a field, so it stays a plain negation', () => {
    assert.equal(whereOf('NOT user=incorrect_cred'), 'not(user fieldref "incorrect_cred")');
  });
});
