// What an Elastic rule's page tells about running it: the integrations and data streams it reads,
// its setup text, and the event fields its stages read, with their schema types.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleDocument } from '../../src/ir/index.js';
import { lowerElastic } from '../../src/lower/elastic/lower-elastic.js';
import { requiredFields } from '../../src/lower/elastic/required-fields.js';
import { readRuleText } from '../../src/sources/elastic/read-elastic.js';
import {
  huntIntegrations,
  ruleIntegrations,
  withStreams,
} from '../../src/sources/elastic/related-integrations.js';
import { lowerEqlQuery, lowerEsqlQuery, lowerRule } from './elastic-fixture.js';

/** A rule file with the given `[metadata]` and `[rule]` lines. */
function ruleToml(metadata: string[], rule: string[]): string {
  const header = ['rule_id = "r-1"', 'name = "N"', 'type = "query"', 'language = "kuery"'];
  return ['[metadata]', ...metadata, '', '[rule]', ...header, ...rule, ''].join('\n');
}

function readDocument(text: string): RuleDocument {
  const result = readRuleText(text, 'rules/test/rule.toml', null);
  assert.ok(!('reason' in result), 'the rule is read');
  return result;
}

describe('related integrations', () => {
  it('gives each package the data streams its index patterns name, in their order', () => {
    const index = [
      'filebeat-*',
      'logs-aws.cloudtrail-*',
      'logs-aws.s3access*',
      'logs-windows.sysmon_operational-*',
    ];
    assert.deepEqual(ruleIntegrations(['aws', 'windows'], index), [
      { package: 'aws', integration: 'cloudtrail' },
      { package: 'aws', integration: 's3access' },
      { package: 'windows', integration: 'sysmon_operational' },
    ]);
  });

  it('names no data stream where the patterns leave it open or do not name the package', () => {
    const index = ['logs-endpoint.events.*', 'logs-okta*', 'logs-system.security*'];
    assert.deepEqual(ruleIntegrations(['endpoint', 'okta', 'endpoint'], index), [
      { package: 'endpoint', integration: null },
      { package: 'okta', integration: null },
    ]);
  });

  it('gives a package without a data stream those later patterns name, keeping named ones', () => {
    const integrations = [
      { package: 'aws', integration: null },
      { package: 'okta', integration: 'system' },
    ];
    const from = ['logs-aws.cloudtrail-*', 'logs-okta.system-*', 'logs-okta.other-*'];
    assert.deepEqual(withStreams(integrations, from), [
      { package: 'aws', integration: 'cloudtrail' },
      { package: 'okta', integration: 'system' },
    ]);
  });

  it('reads a hunt’s `package.stream` names once each', () => {
    assert.deepEqual(huntIntegrations(['aws.cloudtrail', 'endpoint', 'aws.cloudtrail', '.x']), [
      { package: 'aws', integration: 'cloudtrail' },
      { package: 'endpoint', integration: null },
      { package: '.x', integration: null },
    ]);
  });
});

describe('rule files', () => {
  it('keep the setup text as written and the integrations of their metadata', () => {
    const rule = ['index = ["logs-aws.cloudtrail-*"]', 'query = "a : 1"'];
    const setup = ['setup = """## Setup', '', '<b>x</b>"""'];
    const doc = readDocument(ruleToml(['integration = ["aws"]'], [...rule, ...setup]));
    assert.deepEqual(doc.elastic, {
      integrations: [{ package: 'aws', integration: 'cloudtrail' }],
      setup: '## Setup\n\n<b>x</b>',
      notes: [],
    });
  });

  it('have no setup when the text is blank', () => {
    const doc = readDocument(ruleToml([], ['query = "a : 1"', 'setup = "  "']));
    assert.equal(doc.elastic?.setup, null);
  });

  it('say so when setup or integration is not text', () => {
    const doc = readDocument(ruleToml(['integration = 3'], ['query = "a : 1"', 'setup = 3']));
    assert.deepEqual(doc.elastic, { integrations: [], setup: null, notes: [] });
    const messages = lowerElastic(doc, { commit: null }).diagnostics.map((d) => d.code);
    assert.deepEqual(messages, ['elastic.field-type', 'elastic.field-type']);
  });
});

describe('required fields', () => {
  const names = (fields: { name: string }[]) => fields.map((field) => field.name);

  it('are the fields a query compares, sorted, without _index and free text', () => {
    const { pipeline } = lowerRule({
      type: 'query',
      language: 'kuery',
      index: ['logs-endpoint.events.*'],
      query: 'process.name : "cmd.exe" and not user.name : root and "free text"',
    });
    assert.deepEqual(requiredFields(pipeline), [
      { name: 'process.name', type: 'keyword', ecs: true },
      { name: 'user.name', type: 'keyword', ecs: true },
    ]);
  });

  it('give the schema type, and null for a field neither schema has', () => {
    const { pipeline } = lowerRule({
      type: 'query',
      language: 'kuery',
      query: 'source.port > 1024 and @timestamp < "now" and vendor.custom_flag : true',
    });
    assert.deepEqual(requiredFields(pipeline), [
      { name: '@timestamp', type: 'date', ecs: true },
      { name: 'source.port', type: 'long', ecs: true },
      { name: 'vendor.custom_flag', type: null, ecs: false },
    ]);
  });

  it('include an EQL sequence’s join keys and every step’s fields', () => {
    const { pipeline } = lowerEqlQuery(
      'sequence by host.id [process where process.name == "a"] by process.pid ' +
        '[network where destination.port == 443] by process.pid',
    );
    assert.deepEqual(names(requiredFields(pipeline)), [
      'destination.port',
      'event.category',
      'host.id',
      'process.name',
      'process.pid',
    ]);
  });

  it('leave out ES|QL columns computed before they are compared or grouped by', () => {
    const { pipeline } = lowerEsqlQuery(
      'from logs-* | dissect message "%{verb} %{path}" ' +
        '| eval day = date_trunc(1 day, @timestamp) ' +
        '| where verb == "GET" and user.name != "svc" | stats n = count(*) by day, host.name ' +
        '| where n > 5',
    );
    assert.deepEqual(names(requiredFields(pipeline)), ['host.name', 'user.name']);
  });

  it('include the fields a threshold groups by', () => {
    const { pipeline } = lowerRule({
      type: 'threshold',
      language: 'kuery',
      query: 'event.action : "logon-failed"',
      threshold: { field: ['source.ip'], value: 25 },
    });
    assert.deepEqual(names(requiredFields(pipeline)), ['event.action', 'source.ip']);
  });
});
