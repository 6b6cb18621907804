// `coalesce(a, b, …)` in where conditions: the first of its fields that is present decides.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lower, shape } from './spl-fixture.js';

function whereOf(condition: string): string {
  const { pipeline, diagnostics } = lower(`x=1 | where ${condition}`);
  assert.deepEqual(diagnostics, []);
  return shape(pipeline[1].predicate);
}

describe('coalesce in where', () => {
  it('a comparison holds for the first field, or for a later one where earlier ones lack', () => {
    assert.equal(
      whereOf('coalesce(user, src_user)="admin"'),
      'or(user eq "admin", and(not(user exists), src_user eq "admin"))',
    );
    assert.equal(
      whereOf('5 < coalesce(a, b, c)'),
      'or(a gt 5, and(not(a exists), b gt 5), and(not(a exists), not(b exists), c gt 5))',
    );
  });

  it('like, match, cidrmatch and in read the first present field the same way', () => {
    assert.equal(
      whereOf('like(coalesce(a, b), "%x%")'),
      'or(a contains "x", and(not(a exists), b contains "x"))',
    );
    assert.equal(
      whereOf('match(coalesce(a, b), "^x")'),
      'or(a regex "^x", and(not(a exists), b regex "^x"))',
    );
    assert.equal(
      whereOf('cidrmatch("10.0.0.0/8", coalesce(src, ip))'),
      'or(src cidr "10.0.0.0/8", and(not(src exists), ip cidr "10.0.0.0/8"))',
    );
    assert.equal(
      whereOf('coalesce(a, b) IN ("x", "y")'),
      'or(a in "x" "y", and(not(a exists), b in "x" "y"))',
    );
  });

  it('isnull and isnotnull of a coalesce ask whether any of its fields is present', () => {
    assert.equal(whereOf('isnotnull(coalesce(a, b))'), 'or(a exists, b exists)');
    assert.equal(whereOf('isnull(coalesce(a, b))'), 'not(or(a exists, b exists))');
  });

  it('a coalesce with a literal or a computed argument is a computed condition', () => {
    const { pipeline } = lower('x=1 | where coalesce(a, "none")="x"');
    assert.equal(pipeline[1].predicate?.kind, 'computed');
  });
});
