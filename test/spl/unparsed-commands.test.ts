// A command Splunk would refuse to parse is not understood: its stage is opaque, claims no
// condition, and the syntax errors say why.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventFilterOf } from '../../src/lower/finish-rule.js';
import { lower, shape } from './spl-fixture.js';

describe('commands with syntax errors', () => {
  it('a search with an unclosed parenthesis is an opaque stage without a predicate', () => {
    const { pipeline, diagnostics } = lower('index=main (foo=1 | stats count by user');
    assert.equal(pipeline[0].opaque, true);
    assert.equal(pipeline[0].effect, 'filter');
    assert.equal(shape(pipeline[0].predicate), '(none)');
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, d.code, d.message, d.stage]),
      [['error', 'spl.syntax', '`(` is not closed', 1]],
    );
    assert.equal(eventFilterOf({ pipeline }), null);
  });

  it('a where missing the right-hand side of a comparison is opaque, not a computed field', () => {
    const { pipeline, diagnostics } = lower('index=main | stats count by user | where (a=');
    const where = pipeline[2];
    assert.equal(where.opaque, true);
    assert.equal(where.effect, 'filter-aggregated');
    assert.equal(shape(where.predicate), '(none)');
    assert.ok(diagnostics.every((d) => d.severity === 'error' && d.code === 'spl.syntax'));
    assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.stage === 3));
  });

  it('an aggregation with a syntax error still ends the event-filtering part', () => {
    const { pipeline } = lower('index=main | stats count(eval(x="1" by user | where count > 5');
    assert.equal(pipeline[1].opaque, true);
    assert.equal(pipeline[1].effect, 'aggregate');
    assert.equal(pipeline[2].effect, 'filter-aggregated');
  });

  it('`by` with no field after it is a syntax error that makes the aggregation opaque', () => {
    const { pipeline, diagnostics } = lower('index=main | stats count by | where count > 5');
    assert.equal(pipeline[1].opaque, true);
    assert.equal(pipeline[1].effect, 'aggregate');
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, d.code, d.message, d.stage]),
      [['error', 'spl.syntax', '`by` without fields after it', 2]],
    );
  });

  it('the stages around a broken one are still read', () => {
    const { pipeline } = lower('index=main (foo=1 | where user="x"');
    assert.equal(pipeline[1].opaque, undefined);
    assert.equal(shape(pipeline[1].predicate), 'user eq "x"');
  });
});
