// The mapping tables name real fields: every target is an ECS field, or lives under the namespace
// of the Elastic integration that keeps the data, and patterns such as `process.hash.*` stand for
// ECS fields that exist.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { isEcsField, isNonEcsField } from '../../src/semantics/field-maps/schema-fields.js';
import { everyFieldMap } from '../../src/semantics/field-maps/table-targets.js';
import compiled from '../../src/semantics/field-maps/schema-fields.json' with { type: 'json' };

/** Namespaces of Elastic integrations (and Elastic Defend) a non-ECS target may live under. */
const INTEGRATION_NAMESPACES = [
  'auditd.',
  'aws.',
  'azure.',
  'bitbucket.',
  'cisco.',
  'cisco_duo.',
  'Effective_process.',
  'file.Ext.',
  'flow.',
  'fortinet.',
  'gcp.',
  'gen_ai.',
  'github.',
  'google_workspace.',
  'group.Ext.',
  'icmp.',
  'kibana.alert.',
  'kubernetes.',
  'network_traffic.',
  'o365.',
  'okta.',
  'onelogin.',
  'osquery.',
  'Persistence.',
  'powershell.',
  'process.Ext.',
  'system.auth.',
  'Tcc.',
  'tls.detailed.',
  'user.Ext.',
  'winlog.',
  'zeek.',
  'zoom.',
  'zscaler_zia.',
];

/** Every target of every table, with the table it comes from. */
function everyTarget(): [table: string, target: string][] {
  return Object.entries(everyFieldMap()).flatMap(([name, map]) => [
    ...Object.values(map.names).map((target): [string, string] => [name, target]),
    ...(map.prefixes ?? []).map((rule): [string, string] => [name, rule.canonical]),
  ]);
}

const inIntegration = (target: string) =>
  INTEGRATION_NAMESPACES.some((namespace) => target.startsWith(namespace));

/** ECS fields a `*` segment pattern stands for (`process.hash.*` → `process.hash.md5`…). */
function ecsFieldsOf(pattern: string): string[] {
  const parts = pattern.split('.');
  return compiled.ecs.filter((field) => {
    const segments = field.split('.');
    if (parts.at(-1) === '*') {
      return segments.length >= parts.length
        && parts.slice(0, -1).every((part, i) => part === segments[i]);
    }
    return segments.length === parts.length
      && parts.every((part, i) => part === '*' || part === segments[i]);
  });
}

describe('mapping tables', () => {
  test('every target outside the integration namespaces is an ECS field', () => {
    const unknown = everyTarget()
      .filter(([, target]) => !target.includes('*') && !inIntegration(target))
      .filter(([, target]) => !isEcsField(target) && !isNonEcsField(target))
      .map(([table, target]) => `${table}: ${target}`);
    assert.deepEqual(unknown, []);
  });

  test('every pattern outside the integration namespaces stands for ECS fields', () => {
    const empty = everyTarget()
      .filter(([, target]) => target.includes('*') && !inIntegration(target))
      .filter(([, target]) => ecsFieldsOf(target).length === 0)
      .map(([table, target]) => `${table}: ${target}`);
    assert.deepEqual(empty, []);
  });

  test('hash sets stand for the hash fields of their object', () => {
    assert.deepEqual(ecsFieldsOf('process.hash.*').sort(), [
      'process.hash.cdhash',
      'process.hash.md5',
      'process.hash.sha1',
      'process.hash.sha256',
      'process.hash.sha384',
      'process.hash.sha512',
      'process.hash.ssdeep',
      'process.hash.tlsh',
    ]);
  });

  test('prefix rules end with a dot on both sides', () => {
    const bad = Object.entries(everyFieldMap()).flatMap(([name, map]) =>
      (map.prefixes ?? [])
        .filter((rule) => !rule.written.endsWith('.') || !rule.canonical.endsWith('.'))
        .map((rule) => `${name}: ${rule.written} → ${rule.canonical}`));
    assert.deepEqual(bad, []);
  });
});
