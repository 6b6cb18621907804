// Canonical fields: each vendor's names, read in their log source's context, become ECS fields or
// the integration fields Elastic keeps the same data in.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { SourceName } from '../../src/ir/index.js';
import type { FieldContext } from '../../src/semantics/field-context.js';
import { fieldNameCase, mapField } from '../../src/semantics/field-mapping.js';

function context(source: SourceName, more: Partial<FieldContext> = {}): FieldContext {
  return {
    source,
    logsource: {},
    dataModels: [],
    droppedDatasets: [],
    sourcetypes: [],
    sources: [],
    eventtypes: [],
    computedFields: [],
    macroFields: {},
    renamedFrom: {},
    ...more,
  };
}

const sigma = (logsource: Record<string, string>) => context('sigma', { logsource });
const splunk = (more: Partial<FieldContext> = {}) => context('splunk', more);
const elastic = context('elastic');

describe('Sigma fields', () => {
  const processCreation = sigma({ product: 'windows', category: 'process_creation' });

  test('process creation fields are the process and its parent', () => {
    assert.deepEqual(mapField('Image', processCreation),
      { field: 'process.executable', mapping: 'table' });
    assert.equal(mapField('CommandLine', processCreation).field, 'process.command_line');
    assert.equal(mapField('ParentImage', processCreation).field, 'process.parent.executable');
    assert.equal(mapField('OriginalFileName', processCreation).field,
      'process.pe.original_file_name');
    assert.equal(mapField('User', processCreation).field, 'user.name');
    assert.equal(mapField('Hashes', processCreation).field, 'process.hash.*');
  });

  test('field names are matched ignoring case', () => {
    assert.equal(fieldNameCase('sigma'), 'ignore-case');
    assert.equal(mapField('commandline', processCreation).field, 'process.command_line');
    assert.equal(mapField('IMAGE', processCreation).field, 'process.executable');
  });

  test('the same name means what the category says', () => {
    const imageLoad = sigma({ product: 'windows', category: 'image_load' });
    const driverLoad = sigma({ product: 'windows', category: 'driver_load' });
    assert.equal(mapField('ImageLoaded', imageLoad).field, 'dll.path');
    assert.equal(mapField('ImageLoaded', driverLoad).field, 'file.path');
    assert.equal(mapField('Hashes', imageLoad).field, 'dll.hash.*');
    assert.equal(mapField('Hashes', driverLoad).field, 'file.hash.*');
    assert.equal(mapField('Signed', driverLoad).field, 'file.code_signature.exists');
  });

  test('file, registry, network, DNS and pipe categories', () => {
    const windows = (category: string) => sigma({ product: 'windows', category });
    assert.equal(mapField('TargetFilename', windows('file_event')).field, 'file.path');
    assert.equal(mapField('TargetObject', windows('registry_set')).field, 'registry.path');
    assert.equal(mapField('Details', windows('registry_set')).field, 'registry.data.strings');
    assert.equal(mapField('DestinationIp', windows('network_connection')).field,
      'destination.ip');
    assert.equal(mapField('DestinationHostname', windows('network_connection')).field,
      'destination.domain');
    assert.equal(mapField('QueryName', windows('dns_query')).field, 'dns.question.name');
    assert.equal(mapField('PipeName', windows('pipe_created')).field, 'file.name');
    assert.equal(mapField('ScriptBlockText', windows('ps_script')).field,
      'powershell.file.script_block_text');
  });

  test('cross-process events name the acting process Source and keep the target as event data',
    () => {
      const access = sigma({ product: 'windows', category: 'process_access' });
      assert.equal(mapField('SourceImage', access).field, 'process.executable');
      assert.deepEqual(mapField('TargetImage', access),
        { field: 'winlog.event_data.TargetImage', mapping: 'table' });
      assert.equal(mapField('GrantedAccess', access).field, 'winlog.event_data.GrantedAccess');
    });

  test('System fields of any Windows event', () => {
    const security = sigma({ product: 'windows', service: 'security' });
    assert.equal(mapField('EventID', security).field, 'event.code');
    assert.equal(mapField('Provider_Name', security).field, 'event.provider');
    assert.equal(mapField('Channel', security).field, 'winlog.channel');
  });

  test('Security-log names keep their event-data home unless ECS has one', () => {
    const security = sigma({ product: 'windows', service: 'security' });
    assert.equal(mapField('TargetUserName', security).field, 'winlog.event_data.TargetUserName');
    assert.equal(mapField('targetusername', security).field, 'winlog.event_data.TargetUserName');
    assert.equal(mapField('IpAddress', security).field, 'source.ip');
    assert.equal(mapField('NewProcessName', security).field, 'process.executable');
  });

  test('providers the event catalogs lack have their names listed', () => {
    const system = sigma({ product: 'windows', service: 'system' });
    assert.equal(mapField('ImagePath', system).field, 'winlog.event_data.ImagePath');
    assert.equal(mapField('ServiceName', system).field, 'service.name');
  });

  test('Linux audit records and Linux process creation', () => {
    const auditd = sigma({ product: 'linux', service: 'auditd' });
    assert.equal(mapField('type', auditd).field, 'auditd.message_type');
    assert.equal(mapField('a0', auditd).field, 'auditd.data.a0');
    assert.equal(mapField('exe', auditd).field, 'process.executable');
    const linux = sigma({ product: 'linux', category: 'process_creation' });
    assert.equal(mapField('CommandLine', linux).field, 'process.command_line');
  });

  test('proxy and web server logs use the URL and HTTP fields', () => {
    assert.equal(mapField('c-useragent', sigma({ category: 'proxy' })).field,
      'user_agent.original');
    assert.equal(mapField('cs-uri-query', sigma({ category: 'webserver' })).field, 'url.query');
    assert.equal(mapField('sc-status', sigma({ category: 'webserver' })).field,
      'http.response.status_code');
  });

  test('cloud audit logs: CloudTrail, Okta, Microsoft 365, Kubernetes', () => {
    const cloudtrail = sigma({ product: 'aws', service: 'cloudtrail' });
    assert.equal(mapField('eventName', cloudtrail).field, 'event.action');
    assert.equal(mapField('eventSource', cloudtrail).field, 'event.provider');
    assert.equal(mapField('userIdentity.arn', cloudtrail).field,
      'aws.cloudtrail.user_identity.arn');
    assert.equal(mapField('requestParameters.bucketName', cloudtrail).field,
      'aws.cloudtrail.flattened.request_parameters.bucketName');
    assert.equal(mapField('eventType', sigma({ product: 'okta', service: 'okta' })).field,
      'event.action');
    assert.equal(mapField('Operation', sigma({ product: 'm365', service: 'audit' })).field,
      'event.action');
    assert.equal(mapField('objectRef.resource',
      sigma({ product: 'kubernetes', service: 'audit' })).field,
    'kubernetes.audit.objectRef.resource');
  });

  test('log-source constraints on ECS fields stay as they are', () => {
    const psScript = sigma({ product: 'windows', category: 'ps_script' });
    assert.deepEqual(mapField('event.code', psScript), { field: 'event.code', mapping: 'ecs' });
    assert.deepEqual(mapField('logsource.category', psScript),
      { field: 'logsource.category', mapping: 'pseudo' });
  });

  test('an unknown name is kept as written', () => {
    assert.deepEqual(mapField('logtype', sigma({ product: 'opencanary' })),
      { field: 'logtype', mapping: 'unmapped' });
  });
});

describe('Splunk fields', () => {
  test('data-model fields by their dataset prefix', () => {
    assert.deepEqual(mapField('Processes.process_name', splunk()),
      { field: 'process.name', mapping: 'table' });
    assert.equal(mapField('Processes.process', splunk()).field, 'process.command_line');
    assert.equal(mapField('Processes.process_path', splunk()).field, 'process.executable');
    assert.equal(mapField('Processes.parent_process_name', splunk()).field,
      'process.parent.name');
    assert.equal(mapField('Processes.user', splunk()).field, 'user.name');
    assert.equal(mapField('Processes.dest', splunk()).field, 'host.name');
    assert.equal(mapField('Filesystem.file_path', splunk()).field, 'file.path');
    assert.equal(mapField('Registry.registry_value_data', splunk()).field,
      'registry.data.strings');
    assert.equal(mapField('All_Traffic.dest_port', splunk()).field, 'destination.port');
    assert.equal(mapField('DNS.query', splunk()).field, 'dns.question.name');
    assert.equal(mapField('Web.http_method', splunk()).field, 'http.request.method');
    assert.equal(mapField('Authentication.action', splunk()).field, 'event.outcome');
    assert.equal(mapField('All_Certificates.SSL.ssl_issuer', splunk()).field,
      'tls.server.issuer');
  });

  test('an unknown field of a known dataset is kept as written', () => {
    assert.equal(mapField('All_Risk.analyticstories', splunk()).mapping, 'unmapped');
  });

  test('after drop_dm_object_name, unprefixed names are read in the dataset', () => {
    const dropped = splunk({ droppedDatasets: ['Registry'] });
    assert.equal(mapField('registry_path', dropped).field, 'registry.path');
    const model = splunk({ dataModels: ['Endpoint.Processes'] });
    assert.equal(mapField('parent_process', model).field, 'process.parent.command_line');
  });

  test('field names are matched exactly', () => {
    assert.equal(fieldNameCase('splunk'), 'exact');
    assert.equal(mapField('processes.process_name', splunk()).mapping, 'unmapped');
  });

  test('raw Windows events by their sourcetype or source', () => {
    const sysmon = splunk({ sourcetypes: ['xmlwineventlog'],
      sources: ['xmlwineventlog:microsoft-windows-sysmon/operational'] });
    assert.equal(mapField('EventCode', sysmon).field, 'event.code');
    assert.equal(mapField('Image', sysmon).field, 'process.executable');
    assert.equal(mapField('TargetImage', sysmon).field, 'winlog.event_data.TargetImage');
    const powershell = splunk({
      sources: ['xmlwineventlog:microsoft-windows-powershell/operational'],
    });
    assert.equal(mapField('ScriptBlockText', powershell).field,
      'powershell.file.script_block_text');
    const security = splunk({ eventtypes: ['wineventlog_security'] });
    assert.equal(mapField('Logon_Type', security).field, 'winlog.event_data.LogonType');
    assert.equal(mapField('targetusername', security).mapping, 'unmapped');
  });

  test('cloud sourcetypes', () => {
    const cloudtrail = splunk({ sourcetypes: ['aws:cloudtrail'] });
    assert.equal(mapField('eventName', cloudtrail).field, 'event.action');
    assert.equal(mapField('userIdentity.type', cloudtrail).field,
      'aws.cloudtrail.user_identity.type');
    const o365 = splunk({ sourcetypes: ['o365:management:activity'] });
    assert.equal(mapField('Workload', o365).field, 'event.provider');
    const k8s = splunk({ sourcetypes: ['aws:cloudwatchlogs:eks'] });
    assert.equal(mapField('user.groups{}', k8s).field, 'kubernetes.audit.user.groups');
  });

  test('source, sourcetype, eventtype and index select the log source', () => {
    for (const field of ['index', 'source', 'sourcetype', 'eventtype']) {
      assert.deepEqual(mapField(field, splunk()), { field, mapping: 'pseudo' });
    }
  });

  test('a field the rule computes is kept as written, a renamed one maps as the original', () => {
    const audit = splunk({ sourcetypes: ['linux:audit'], computedFields: ['process_exec'] });
    assert.deepEqual(mapField('process_exec', audit),
      { field: 'process_exec', mapping: 'unmapped' });
    const renamed = splunk({ renamedFrom: { dest: 'host' } });
    assert.equal(mapField('dest', renamed).field, 'host.name');
  });

  test('a field only a normalization macro computes maps to what the macro computes', () => {
    const audit = splunk({
      computedFields: ['process_exec'],
      macroFields: { process_exec: 'process.command_line' },
    });
    assert.deepEqual(mapField('process_exec', audit),
      { field: 'process.command_line', mapping: 'table' });
  });
});

describe('Elastic fields', () => {
  test('ECS and non-ECS schema fields are ECS already', () => {
    assert.deepEqual(mapField('process.name', elastic), { field: 'process.name', mapping: 'ecs' });
    assert.deepEqual(mapField('winlog.event_data.GrantedAccess', elastic),
      { field: 'winlog.event_data.GrantedAccess', mapping: 'ecs' });
  });

  test('a multi-field maps to its parent', () => {
    assert.deepEqual(mapField('process.name.caseless', elastic),
      { field: 'process.name', mapping: 'ecs' });
    assert.deepEqual(mapField('process.command_line.text', elastic),
      { field: 'process.command_line', mapping: 'ecs' });
  });

  test('integration fields the tables map to count as table entries', () => {
    assert.deepEqual(mapField('aws.cloudtrail.user_identity.arn', elastic),
      { field: 'aws.cloudtrail.user_identity.arn', mapping: 'table' });
    assert.deepEqual(mapField('winlog.event_data.TargetImage', elastic).mapping, 'ecs');
    assert.deepEqual(mapField('winlog.event_data.CallTrace', elastic).mapping, 'ecs');
    assert.deepEqual(mapField('winlog.event_data.StartAddress', elastic),
      { field: 'winlog.event_data.StartAddress', mapping: 'table' });
  });

  test('other names are kept as written', () => {
    assert.deepEqual(mapField('custom.made_up', elastic),
      { field: 'custom.made_up', mapping: 'unmapped' });
  });
});
