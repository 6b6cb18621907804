// upper(f) in where conditions compares f case-insensitively, as lower(f) does.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lower, shape } from './spl-fixture.js';

describe('upper in where', () => {
  it('upper(f) compared with an upper-case value matches f in any case', () => {
    const query = 'x=1 | where upper(user)="ADMIN" AND upper(host)!="DC"';
    const { pipeline, diagnostics } = lower(query);
    assert.deepEqual(diagnostics, []);
    assert.equal(shape(pipeline[1].predicate), 'and(user eq~ "ADMIN", host ne~ "DC")');
  });

  it('upper(f) compared with a lower-case value is a computed condition: it never holds', () => {
    const { pipeline } = lower('x=1 | where upper(user)="admin"');
    assert.equal(pipeline[1].predicate?.kind, 'computed');
  });
});
