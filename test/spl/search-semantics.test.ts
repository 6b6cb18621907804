// Search syntax as Splunk reads it: precedence, negation, IN lists, comparisons and wildcards.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lower, shape } from './spl-fixture.js';

function filterOf(query: string): string {
  const { pipeline } = lower(query);
  assert.equal(pipeline[0].effect, 'filter');
  return shape(pipeline[0].predicate);
}

describe('search expressions', () => {
  it('OR binds tighter than implicit AND', () => {
    assert.equal(filterOf('a=1 b=2 OR c=3'), 'and(a eq~ 1, or(b eq~ 2, c eq~ 3))');
  });

  it('OR binds tighter than explicit AND', () => {
    assert.equal(
      filterOf('a=1 AND b=2 OR c=3 AND d=4'),
      'and(a eq~ 1, or(b eq~ 2, c eq~ 3), d eq~ 4)',
    );
  });

  it('parentheses group against the precedence', () => {
    assert.equal(filterOf('(a=1 b=2) OR c=3'), 'or(and(a eq~ 1, b eq~ 2), c eq~ 3)');
  });

  it('NOT takes only the next term', () => {
    assert.equal(filterOf('NOT a=1 b=2'), 'and(not(a eq~ 1), b eq~ 2)');
    assert.equal(filterOf('NOT a=1 OR b=2'), 'or(not(a eq~ 1), b eq~ 2)');
  });

  it('lower-case and, or, not are search terms, not operators', () => {
    assert.equal(
      filterOf('x or y'),
      'and(_raw contains~ "x", _raw contains~ "or", _raw contains~ "y")',
    );
  });

  it('!= keeps events that have the field, unlike NOT =', () => {
    assert.equal(filterOf('user!=admin'), 'user ne~ "admin"');
    assert.equal(filterOf('NOT user=admin'), 'not(user eq~ "admin")');
    assert.equal(filterOf('user!="*svc*"'), 'and(user exists~, not(user contains~ "svc"))');
  });

  it('IN lists plain values in one predicate and patterns separately', () => {
    assert.equal(filterOf('EventCode IN (1, "4688")'), 'EventCode in~ 1 4688');
    assert.equal(filterOf('name IN ("a.exe", "*b*")'), 'or(name in~ "a.exe", name contains~ "b")');
  });

  it('wildcards become the most specific operator', () => {
    assert.equal(filterOf('f="*x*"'), 'f contains~ "x"');
    assert.equal(filterOf('f=x*'), 'f startswith~ "x"');
    assert.equal(filterOf('f=*x'), 'f endswith~ "x"');
    assert.equal(filterOf('f=x'), 'f eq~ "x"');
    assert.equal(filterOf('f=a*b'), 'f wildcard~ "a*b"');
    assert.equal(filterOf('f=*'), 'f exists~');
  });

  it('numbers become numbers, except those with leading zeros', () => {
    assert.equal(
      filterOf('EventCode=4104 code="007" n>=10'),
      'and(EventCode eq~ 4104, code eq~ "007", n ge~ 10)',
    );
  });

  it('spaces around the comparator and quoted field names are allowed', () => {
    assert.equal(filterOf('"operation Name" = "Add member"'), 'operation Name eq~ "Add member"');
  });

  it('double backslashes are one literal backslash; a value may hold =', () => {
    assert.equal(filterOf('path="*\\\\Temp\\\\*"'), 'path contains~ "\\\\Temp\\\\"');
    assert.equal(filterOf('cmd=*--type=gpu*'), 'cmd contains~ "--type=gpu"');
  });

  it('bare terms match raw text', () => {
    assert.equal(
      filterOf('"disabled" *mimikatz*'),
      'and(_raw contains~ "disabled", _raw contains~ "mimikatz")',
    );
  });

  it('TERM(x) is one raw-text term, its predicate text naming the directive', () => {
    const { pipeline, diagnostics } = lower('process=sudo TERM(10.0.0.1) TERM(segfault)');
    assert.equal(
      shape(pipeline[0].predicate),
      'and(process eq~ "sudo", _raw contains~ "10.0.0.1", _raw contains~ "segfault")',
    );
    const atoms = pipeline[0].predicate?.kind === 'and' ? pipeline[0].predicate.args : [];
    const texts = atoms.map((atom) => (atom.kind === 'predicate' ? atom.predicate.text : ''));
    assert.deepEqual(texts, ['process=sudo', 'TERM(10.0.0.1)', 'TERM(segfault)']);
    assert.deepEqual(diagnostics, []);
  });

  it('CASE(x) is a case-sensitive raw-text term', () => {
    assert.equal(
      filterOf('CASE(Error) NOT CASE("Access Denied")'),
      'and(_raw contains "Error", not(_raw contains "Access Denied"))',
    );
  });

  it('TERM and CASE forms that are not modelled stay opaque with a diagnostic', () => {
    const { pipeline, diagnostics } = lower('user=CASE(Admin) TERM(a b) TERM()');
    assert.equal(
      shape(pipeline[0].predicate),
      'and(opaque(user=CASE(Admin)), opaque(TERM(a b)), opaque(TERM()))',
    );
    assert.deepEqual(diagnostics.map((d) => d.message), [
      '`CASE(…)` as a field value is not modelled: user=CASE(Admin)',
      '`TERM(…)` must hold exactly one term: TERM(a b)',
      '`TERM(…)` must hold exactly one term: TERM()',
    ]);
  });

  it('earliest and latest bound the event time', () => {
    assert.equal(
      filterOf('earliest=-24h latest=now x=1'),
      'and(_time ge~ "-24h", _time lt~ "now", x eq~ 1)',
    );
  });

  it('a subsearch is a condition on the fields it returns, with its own stages', () => {
    const { pipeline, diagnostics } = lower(
      'x=1 NOT [| inputlookup allowed | rename name AS user | fields user]',
    );
    const predicate = pipeline[0].predicate;
    assert.equal(shape(predicate), 'and(x eq~ 1, not(subsearch(user)))');
    const nested = predicate?.kind === 'and' && predicate.args[1].kind === 'not'
      ? predicate.args[1].arg
      : null;
    assert.ok(nested?.kind === 'subsearch');
    assert.deepEqual(
      nested.subsearch.stages.map((s) => `${s.command} ${s.effect}`),
      ['inputlookup enrich', 'rename format', 'fields format'],
    );
    assert.deepEqual(diagnostics, []);
  });

  it('a subsearch ending in stats returns its by-fields and aggregations', () => {
    const { pipeline } = lower('x=1 [search y=2 | stats count AS n by host, user]');
    assert.equal(shape(pipeline[0].predicate), 'and(x eq~ 1, subsearch(host user n))');
  });

  it('pipes inside quotes, comments and subsearches do not split stages', () => {
    const { pipeline } = lower('a="x|y" ```no | split``` [search b=1 | head 1] | stats count');
    assert.deepEqual(pipeline.map((stage) => stage.command), ['search', 'stats']);
  });
});
