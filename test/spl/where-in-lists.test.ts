// `IN` lists in where conditions that mix literals and fields.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lower, shape } from './spl-fixture.js';

function whereOf(condition: string): string {
  const { pipeline, diagnostics } = lower(`x=1 | where ${condition}`);
  assert.deepEqual(diagnostics, []);
  return shape(pipeline[1].predicate);
}

describe('where IN lists', () => {
  it('literals stay one in predicate, each field in the list is a field reference', () => {
    assert.equal(
      whereOf('NOT new IN (old, "{0}", guid)'),
      'not(or(new in "{0}", new fieldref "old", new fieldref "guid"))',
    );
    assert.equal(
      whereOf('in(port, 22, allowed_port)'),
      'or(port in 22, port fieldref "allowed_port")',
    );
  });

  it('lists of only literals or only fields read as before', () => {
    assert.equal(whereOf('port IN (22, 3389)'), 'port in 22 3389');
    assert.equal(whereOf('a IN (b, c)'), 'or(a fieldref "b", a fieldref "c")');
  });

  it('a case-folded field compared with fields is a computed condition', () => {
    const { pipeline } = lower('x=1 | where lower(a) IN ("x", b)');
    const predicate = pipeline[1].predicate;
    assert.equal(predicate?.kind, 'computed');
    assert.deepEqual(predicate.computed.fields, ['a', 'b']);
  });
});
