// `where` conditions: eval precedence (AND before OR), case-sensitive comparisons, functions.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lower, shape } from './spl-fixture.js';

function whereOf(condition: string): string {
  const { pipeline } = lower(`x=1 | where ${condition}`);
  assert.equal(pipeline[1].effect, 'filter');
  return shape(pipeline[1].predicate);
}

describe('where conditions', () => {
  it('AND binds tighter than OR', () => {
    assert.equal(whereOf('a="1" OR b="2" AND c="3"'), 'or(a eq "1", and(b eq "2", c eq "3"))');
  });

  it('NOT applies to the whole comparison', () => {
    assert.equal(whereOf('NOT a="1" AND b>2'), 'and(not(a eq "1"), b gt 2)');
  });

  it('comparisons are case-sensitive and mirror when the literal comes first', () => {
    assert.equal(whereOf('5 < count'), 'count gt 5');
    assert.equal(whereOf('user!="SYSTEM"'), 'user ne "SYSTEM"');
  });

  it('like patterns become contains, startswith, endswith or wildcard', () => {
    assert.equal(whereOf('like(cmd, "%enc%")'), 'cmd contains "enc"');
    assert.equal(whereOf('cmd LIKE "C:%"'), 'cmd startswith "C:"');
    assert.equal(whereOf('like(cmd, "%.ps1")'), 'cmd endswith ".ps1"');
    assert.equal(whereOf('like(cmd, "%a_b%")'), 'cmd wildcard "*a?b*"');
  });

  it('a backslash in a like pattern is itself, not an escape', () => {
    assert.equal(
      whereOf('like(path, "%\\\\windows\\\\system32\\\\%")'),
      'path contains "\\\\windows\\\\system32\\\\"',
    );
  });

  it('match, cidrmatch, isnull and isnotnull', () => {
    assert.equal(whereOf('match(url, "^https?://")'), 'url regex "^https?://"');
    assert.equal(whereOf('cidrmatch("10.0.0.0/8", src)'), 'src cidr "10.0.0.0/8"');
    assert.equal(
      whereOf('isnull(parent) OR isnotnull(child)'),
      'or(not(parent exists), child exists)',
    );
  });

  it('lower() compares case-insensitively; len() names the computed value', () => {
    assert.equal(whereOf('lower(user)="admin"'), 'user eq~ "admin"');
    assert.equal(whereOf('len(process) > 100'), 'len(process) gt 100');
  });

  it('in lists, as a function and as an operator', () => {
    assert.equal(whereOf('in(port, 22, 3389)'), 'port in 22 3389');
    assert.equal(whereOf('port IN (22, 3389)'), 'port in 22 3389');
  });

  it('two fields compared for equality refer to each other', () => {
    assert.equal(whereOf('src=dest'), 'src fieldref "dest"');
  });

  it('arithmetic on both sides is a computed condition with the fields it reads', () => {
    const { pipeline, diagnostics } = lower('x=1\n| where count > avg + 3 * stdev');
    const predicate = pipeline[1].predicate;
    assert.equal(shape(predicate), 'computed(count > (avg + (3 * stdev)))');
    assert.deepEqual(predicate?.kind === 'computed' && predicate.computed.fields, [
      'count', 'avg', 'stdev',
    ]);
    assert.deepEqual(diagnostics, []);
  });

  it('functions of several fields and patterns built from fields are computed too', () => {
    assert.equal(whereOf('lower(a)=lower(b)'), 'computed(lower(a) = lower(b))');
    assert.equal(
      whereOf('match(process_name, "(?i)".original_file_name)'),
      'computed(match(process_name, "(?i)" . original_file_name))',
    );
    assert.equal(
      whereOf('isnull(mvfind(old, new))'),
      'computed(isnull(mvfind(old, new)))',
    );
    assert.equal(
      whereOf('_time >= relative_time(now(), "@d")'),
      'computed(_time >= relative_time(now(), "@d"))',
    );
  });

  it('a condition holding a subsearch stays opaque with a diagnostic on the rule line', () => {
    const { pipeline, diagnostics } = lower('x=1\n| where user=[| inputlookup u | return user]');
    assert.equal(pipeline[1].predicate?.kind, 'opaque');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].line, 6);
    assert.equal(diagnostics[0].stage, 2);
  });

  it('a where after an aggregation filters aggregated rows', () => {
    const { pipeline } = lower('x=1 | stats count by user | where count > 5');
    assert.deepEqual(pipeline.map((s) => s.effect), ['filter', 'aggregate', 'filter-aggregated']);
  });
});
