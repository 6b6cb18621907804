// Windows event fields as the event log names them (Sigma and Splunk's XmlWinEventLog both keep
// those names) and their ECS homes, after what Elastic's Windows integration does with them.
// A name with no ECS home is kept as `winlog.event_data.<Name>` (see schema-fields.ts).

import type { FieldTable } from './field-table.js';

/** The System part every event has. */
export const WINDOWS_SYSTEM_FIELDS: FieldTable = {
  EventID: 'event.code',
  Channel: 'winlog.channel',
  Provider_Name: 'event.provider',
  Computer: 'host.name',
  Level: 'log.level',
  Keywords: 'winlog.keywords',
  Task: 'winlog.task',
  Opcode: 'winlog.opcode',
  EventRecordID: 'winlog.record_id',
  Version: 'winlog.version',
  Security_UserID: 'winlog.user.identifier',
  TimeCreated: '@timestamp',
};

/** Process fields Sysmon writes the same way in every event that has them. */
const SYSMON_PROCESS: FieldTable = {
  Image: 'process.executable',
  ProcessId: 'process.pid',
  ProcessGuid: 'process.entity_id',
  CommandLine: 'process.command_line',
  CurrentDirectory: 'process.working_directory',
  User: 'user.name',
  IntegrityLevel: 'winlog.event_data.IntegrityLevel',
  LogonId: 'winlog.event_data.LogonId',
  LogonGuid: 'winlog.event_data.LogonGuid',
  TerminalSessionId: 'winlog.event_data.TerminalSessionId',
  ParentImage: 'process.parent.executable',
  ParentCommandLine: 'process.parent.command_line',
  ParentProcessId: 'process.parent.pid',
  ParentProcessGuid: 'process.parent.entity_id',
  ParentUser: 'process.parent.user.name',
  RuleName: 'rule.name',
  UtcTime: '@timestamp',
};

/**
 * The PE header of an image and its hashes, as ECS places them under `process.pe`, `dll.pe` or
 * `file.pe`. Sysmon's `Hashes` holds every hash at once (`SHA1=…,MD5=…`), so it maps to the
 * hash field set as a whole (`process.hash.*`), the way KQL names all of a set's fields.
 */
// LIMITATION: `Hashes|contains: 'SHA256=…'` keeps its value as written — comparing it with an
// Elastic `process.hash.sha256` needs the value split by algorithm.
function imageFields(owner: 'process' | 'dll' | 'file'): FieldTable {
  return {
    OriginalFileName: `${owner}.pe.original_file_name`,
    Description: `${owner}.pe.description`,
    Product: `${owner}.pe.product`,
    Company: `${owner}.pe.company`,
    FileVersion: `${owner}.pe.file_version`,
    Hashes: `${owner}.hash.*`,
    Imphash: `${owner}.pe.imphash`,
    md5: `${owner}.hash.md5`,
    sha1: `${owner}.hash.sha1`,
    sha256: `${owner}.hash.sha256`,
  };
}

/** Sysmon's code-signing fields for a loaded image or driver. */
function signatureFields(owner: 'dll' | 'file'): FieldTable {
  return {
    Signed: `${owner}.code_signature.exists`,
    Signature: `${owner}.code_signature.subject_name`,
    SignatureStatus: `${owner}.code_signature.status`,
  };
}

const FILE_EVENT: FieldTable = {
  ...SYSMON_PROCESS,
  TargetFilename: 'file.path',
  CreationUtcTime: 'file.created',
  Hashes: 'file.hash.*',
  Hash: 'file.hash.*',
  // The Kernel-File provider's name for the path a process opened.
  FileName: 'file.path',
  // Sigma's rename category: the file's path before the rename, as Elastic Defend keeps it.
  SourceFilename: 'file.Ext.original.path',
};

const REGISTRY_EVENT: FieldTable = {
  ...SYSMON_PROCESS,
  TargetObject: 'registry.path',
  Details: 'registry.data.strings',
};

const NETWORK_EVENT: FieldTable = {
  ...SYSMON_PROCESS,
  DestinationIp: 'destination.ip',
  DestinationPort: 'destination.port',
  DestinationHostname: 'destination.domain',
  SourceIp: 'source.ip',
  SourcePort: 'source.port',
  SourceHostname: 'source.domain',
  Protocol: 'network.transport',
};

/** A process acting on another one: Sysmon names the actor `Source…`. */
const CROSS_PROCESS_EVENT: FieldTable = {
  SourceImage: 'process.executable',
  SourceProcessId: 'process.pid',
  SourceProcessGuid: 'process.entity_id',
  SourceProcessGUID: 'process.entity_id',
  SourceUser: 'user.name',
  SourceCommandLine: 'process.command_line',
  SourceParentImage: 'process.parent.executable',
  SourceThreadId: 'process.thread.id',
};

/**
 * Sysmon and the generic Windows categories of the Sigma taxonomy, by category. Names not listed
 * go to `winlog.event_data` when the catalogs know them.
 */
export const WINDOWS_CATEGORY_FIELDS: Readonly<Record<string, FieldTable>> = {
  process_creation: { ...SYSMON_PROCESS, ...imageFields('process') },
  process_termination: SYSMON_PROCESS,
  process_tampering: SYSMON_PROCESS,
  image_load: {
    ...SYSMON_PROCESS,
    ...imageFields('dll'),
    ...signatureFields('dll'),
    ImageLoaded: 'dll.path',
  },
  driver_load: {
    ...imageFields('file'),
    ...signatureFields('file'),
    ImageLoaded: 'file.path',
  },
  file_event: FILE_EVENT,
  file_change: FILE_EVENT,
  file_delete: FILE_EVENT,
  file_rename: FILE_EVENT,
  file_access: FILE_EVENT,
  file_block_executable: FILE_EVENT,
  file_block_shredding: FILE_EVENT,
  file_executable_detected: FILE_EVENT,
  create_stream_hash: FILE_EVENT,
  registry_event: REGISTRY_EVENT,
  registry_add: REGISTRY_EVENT,
  registry_set: REGISTRY_EVENT,
  registry_delete: REGISTRY_EVENT,
  registry_rename: REGISTRY_EVENT,
  network_connection: NETWORK_EVENT,
  dns_query: {
    ...SYSMON_PROCESS,
    QueryName: 'dns.question.name',
  },
  pipe_created: { ...SYSMON_PROCESS, PipeName: 'file.name' },
  raw_access_thread: SYSMON_PROCESS,
  clipboard_change: SYSMON_PROCESS,
  sysmon_error: SYSMON_PROCESS,
  sysmon_status: SYSMON_PROCESS,
  wmi_event: SYSMON_PROCESS,
  process_access: CROSS_PROCESS_EVENT,
  create_remote_thread: CROSS_PROCESS_EVENT,
  ps_script: {
    ScriptBlockText: 'powershell.file.script_block_text',
    ScriptBlockId: 'powershell.file.script_block_id',
    Path: 'file.path',
    MessageNumber: 'powershell.sequence',
    MessageTotal: 'powershell.total',
  },
};

/**
 * Security-log (and System-log) event-data names with an ECS home. The rest of the Security
 * log's names (`TargetUserName`, `ObjectName`…) stay in `winlog.event_data`, where Elastic's
 * rules read them too.
 */
export const WINDOWS_SECURITY_FIELDS: FieldTable = {
  NewProcessName: 'process.executable',
  ProcessName: 'process.executable',
  CommandLine: 'process.command_line',
  ParentProcessName: 'process.parent.executable',
  NewProcessId: 'process.pid',
  IpAddress: 'source.ip',
  IpPort: 'source.port',
  WorkstationName: 'source.domain',
  Workstation: 'source.domain',
  ServiceName: 'service.name',
  // The filtering platform's connection events (5156, 5157).
  Application: 'process.executable',
  SourceAddress: 'source.ip',
  SourcePort: 'source.port',
  DestAddress: 'destination.ip',
  DestPort: 'destination.port',
};

/**
 * Every Sysmon and Security name at once, for searches that select Windows events without
 * saying which kind (Splunk's XmlWinEventLog): each name takes its most common meaning.
 */
export const WINDOWS_ANY_EVENT_FIELDS: FieldTable = {
  ...WINDOWS_CATEGORY_FIELDS.ps_script,
  ...CROSS_PROCESS_EVENT,
  ...NETWORK_EVENT,
  ...REGISTRY_EVENT,
  ...FILE_EVENT,
  ...WINDOWS_CATEGORY_FIELDS.image_load,
  ...WINDOWS_CATEGORY_FIELDS.dns_query,
  ...WINDOWS_CATEGORY_FIELDS.pipe_created,
  ...WINDOWS_CATEGORY_FIELDS.process_creation,
  ...WINDOWS_SECURITY_FIELDS,
  ...WINDOWS_SYSTEM_FIELDS,
};

/**
 * Event-data names of providers the catalogs lack (Service Control Manager, BITS, Defender, the
 * firewall, AppX deployment, SMB client), kept under `winlog.event_data` as the integration does.
 */
export const UNCATALOGED_EVENT_DATA_FIELDS: FieldTable = Object.fromEntries(
  [
    'AccountName',
    'AppID',
    'AppVersion',
    'ApplicationPath',
    'CallingProcess',
    'Caption',
    'EncyptionUsed',
    'ExceptionCode',
    'Feature_Name',
    'FilterOrigin',
    'HasFullTrust',
    'ImagePath',
    'IsatapRouter',
    'LocalName',
    'ModifyingApplication',
    'PackagePath',
    'PackageSourceUri',
    'Provider',
    'QNAME',
    'RemoteName',
    'ServerAddress',
    'ServiceType',
    'SigningUsed',
    'SourceName',
    'StartType',
    'SChannelName',
    'SubjectAccountName',
    'ThreatName',
    'subjectName',
  ].map((name) => [name, `winlog.event_data.${name}`]),
);
