import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventScopeOf, type EventScope } from '../../src/analysis/neighbors/event-scope.js';
import { overlapBetween, overlapsAmong } from '../../src/analysis/neighbors/overlaps.js';
import type { Rule } from '../../src/ir/index.js';
import { and, cs, elasticRule, not, p, searchRule, stage } from './rule-fixture.js';

function scopeOf(rule: Rule): EventScope {
  const result = eventScopeOf(rule);
  assert.ok('scope' in result, `rule ${rule.id} has a scope`);
  return result.scope;
}

function overlap(a: Rule, b: Rule) {
  return overlapBetween(scopeOf(a), scopeOf(b));
}

const encoded = p('CommandLine', 'contains', '-enc');

test('two rules sharing a required condition overlap on an event meeting both', () => {
  const a = searchRule('a', and([p('process_name', 'eq', 'x.exe'), encoded]));
  const b = searchRule('b', and([encoded, p('user', 'eq', 'admin')]));
  const found = overlap(a, b);
  assert.ok(found);
  assert.deepEqual(
    [...found.event],
    [
      ['process_name', 'x.exe'],
      ['CommandLine', '-enc'],
      ['user', 'admin'],
    ],
  );
  assert.deepEqual(found.sharedAtoms, ['CommandLine\u0000contains\u0000-enc']);
  assert.equal(found.closeness, 1 / 3);
  assert.deepEqual(
    found.links.map((link) => [link.field, link.value, link.a.length, link.b.length]),
    [['CommandLine', '-enc', 1, 1]],
  );
});

test('rules asking one field for different exact values share no event', () => {
  const a = searchRule('a', and([p('process_name', 'eq', 'x.exe'), encoded]));
  const b = searchRule('b', and([p('process_name', 'eq', 'y.exe'), encoded]));
  assert.equal(overlap(a, b), null);
});

test('a negated condition excluding the only value asked for rules the overlap out', () => {
  const a = searchRule('a', and([p('process_name', 'eq', 'x.exe'), encoded]));
  const b = searchRule('b', and([encoded, not(p('process_name', 'eq', 'X.EXE'))]));
  assert.equal(overlap(a, b), null);
});

test('a case-sensitive exclusion does not exclude another spelling', () => {
  const a = searchRule('a', and([p('process_name', 'eq', 'x.exe'), encoded]));
  const b = searchRule('b', and([encoded, not(cs('process_name', 'eq', 'X.EXE'))]));
  assert.deepEqual(overlap(a, b)?.event.get('process_name'), 'x.exe');
});

test('a prefix, a part and a suffix are met by one value built from them', () => {
  const a = searchRule('a', and([p('CommandLine', 'startswith', 'C:\\tools'), encoded]));
  const b = searchRule('b', and([encoded, p('CommandLine', 'endswith', '.ps1')]));
  assert.equal(overlap(a, b)?.event.get('CommandLine'), 'C:\\tools-enc.ps1');
});

test('numeric ranges overlap only where both allow a value', () => {
  const at = (op: 'gt' | 'lt', bound: number) => and([encoded, p('count', op, bound)]);
  assert.equal(overlap(searchRule('a', at('gt', 5)), searchRule('b', at('lt', 3))), null);
  const found = overlap(searchRule('a', at('gt', 5)), searchRule('b', at('lt', 9)));
  assert.equal(found?.event.get('count'), 6);
});

test('a regular expression cannot be decided: no overlap is claimed', () => {
  const a = searchRule('a', and([encoded, p('process_name', 'regex', '^x')]));
  const b = searchRule('b', and([encoded, p('user', 'eq', 'admin')]));
  assert.equal(overlap(a, b), null);
});

test('a rule with a stage that may drop events never overlaps', () => {
  const a = searchRule('a', and([encoded, p('user', 'eq', 'admin')]), [stage('head', 'filter')]);
  const b = searchRule('b', and([encoded, p('process_name', 'eq', 'x.exe')]));
  assert.equal(overlap(a, b), null);
});

test('the search finds overlaps only among rules sharing a required atom', () => {
  const a = searchRule('a', and([p('process_name', 'eq', 'x.exe'), encoded]));
  const b = searchRule('b', and([encoded, p('user', 'eq', 'admin')]));
  const log = p('sourcetype', 'eq', 'wineventlog');
  const sameLog = searchRule('c', and([log, p('user', 'eq', 'x')]));
  const alsoLog = searchRule('d', and([log, p('host', 'eq', 'y')]));
  const found = overlapsAmong([a, b, sameLog, alsoLog].map(scopeOf), () => false);
  assert.deepEqual(
    found.map((o) => [o.a.id, o.b.id]),
    [['splunk:a', 'splunk:b']],
  );
});

test('pairs already related are not listed as overlapping', () => {
  const a = searchRule('a', and([p('process_name', 'eq', 'x.exe'), encoded]));
  const b = searchRule('b', and([encoded, p('user', 'eq', 'admin')]));
  const related = (x: Rule, y: Rule) => new Set([x.id, y.id]).size === 2;
  assert.deepEqual(overlapsAmong([a, b].map(scopeOf), related), []);
});

test('Elastic rules overlap only when both read the index the common event is named after', () => {
  const condition = (extra: ReturnType<typeof p>) =>
    and([p('process.command_line', 'contains', '-enc'), extra]);
  const endpoint = elasticRule('a', condition(p('process.name', 'eq', 'x.exe')), {
    index: ['logs-endpoint.events.process-*'],
  });
  const windows = elasticRule('b', condition(p('user.name', 'eq', 'admin')), {
    index: ['logs-windows.*'],
  });
  const anyEndpoint = elasticRule('c', condition(p('user.name', 'eq', 'admin')), {
    index: ['logs-endpoint.events.*'],
  });
  assert.equal(overlap(endpoint, windows), null);
  const found = overlap(anyEndpoint, endpoint);
  assert.deepEqual([found?.a.id, found?.b.id], ['elastic:a', 'elastic:c']);
});
