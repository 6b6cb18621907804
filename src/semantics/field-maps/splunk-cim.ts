// Splunk's Common Information Model: the fields of each data-model dataset the corpus reads
// (`Processes.process_name` in `Endpoint.Processes`), mapped to ECS. Splunk field names are
// case-sensitive, so the tables are read exactly.

import type { FieldTable } from './field-table.js';

const PROCESS_IDENTITY: FieldTable = {
  dest: 'host.name',
  user: 'user.name',
  user_id: 'user.id',
  process_guid: 'process.entity_id',
  process_id: 'process.pid',
  process_name: 'process.name',
  process_path: 'process.executable',
  vendor_product: 'observer.product',
  tag: 'tags',
  _time: '@timestamp',
};

const PROCESSES: FieldTable = {
  ...PROCESS_IDENTITY,
  action: 'event.action',
  os: 'host.os.name',
  process: 'process.command_line',
  process_exec: 'process.name',
  process_hash: 'process.hash.*',
  process_current_directory: 'process.working_directory',
  process_integrity_level: 'winlog.event_data.IntegrityLevel',
  original_file_name: 'process.pe.original_file_name',
  parent_process: 'process.parent.command_line',
  parent_process_exec: 'process.parent.name',
  parent_process_guid: 'process.parent.entity_id',
  parent_process_id: 'process.parent.pid',
  parent_process_name: 'process.parent.name',
  parent_process_path: 'process.parent.executable',
};

const FILESYSTEM: FieldTable = {
  ...PROCESS_IDENTITY,
  action: 'event.action',
  file_name: 'file.name',
  file_path: 'file.path',
  file_hash: 'file.hash.*',
  file_size: 'file.size',
  file_create_time: 'file.created',
  file_modify_time: 'file.mtime',
  file_access_time: 'file.accessed',
};

const REGISTRY: FieldTable = {
  ...PROCESS_IDENTITY,
  action: 'event.action',
  status: 'event.outcome',
  registry_hive: 'registry.hive',
  registry_path: 'registry.path',
  registry_key_name: 'registry.key',
  registry_value_name: 'registry.value',
  registry_value_data: 'registry.data.strings',
  registry_value_text: 'registry.data.strings',
  registry_value_type: 'registry.data.type',
};

const SERVICES: FieldTable = {
  ...PROCESS_IDENTITY,
  service: 'service.name',
  service_name: 'service.name',
  service_id: 'service.id',
  service_path: 'winlog.event_data.ImagePath',
  start_mode: 'winlog.event_data.StartType',
  status: 'service.state',
};

const PORTS: FieldTable = {
  ...PROCESS_IDENTITY,
  dest_port: 'destination.port',
  src_port: 'source.port',
  transport: 'network.transport',
};

/** Endpoint-to-endpoint fields shared by the network data models. */
const CONNECTION: FieldTable = {
  action: 'event.action',
  src: 'source.address',
  src_ip: 'source.ip',
  src_port: 'source.port',
  src_mac: 'source.mac',
  dest: 'destination.address',
  dest_ip: 'destination.ip',
  dest_port: 'destination.port',
  dest_mac: 'destination.mac',
  transport: 'network.transport',
  user: 'user.name',
  vendor_product: 'observer.product',
  tag: 'tags',
  _time: '@timestamp',
};

const ALL_TRAFFIC: FieldTable = {
  ...CONNECTION,
  app: 'network.protocol',
  protocol: 'network.type',
  direction: 'network.direction',
  bytes: 'network.bytes',
  bytes_in: 'destination.bytes',
  bytes_out: 'source.bytes',
  packets: 'network.packets',
  dvc: 'observer.name',
  src_zone: 'observer.ingress.zone',
  dest_zone: 'observer.egress.zone',
  rule: 'rule.name',
  vlan: 'network.vlan.id',
  process_id: 'process.pid',
  process_name: 'process.name',
};

const DNS: FieldTable = {
  ...CONNECTION,
  query: 'dns.question.name',
  query_type: 'dns.question.type',
  record_type: 'dns.question.type',
  message_type: 'dns.type',
  answer: 'dns.answers.data',
  reply_code: 'dns.response_code',
  ttl: 'dns.answers.ttl',
};

const WEB: FieldTable = {
  ...CONNECTION,
  url: 'url.original',
  url_domain: 'url.domain',
  uri_path: 'url.path',
  uri_query: 'url.query',
  site: 'url.domain',
  http_method: 'http.request.method',
  http_user_agent: 'user_agent.original',
  http_referrer: 'http.request.referrer',
  http_content_type: 'http.response.mime_type',
  status: 'http.response.status_code',
  bytes: 'http.response.body.bytes',
  bytes_in: 'http.response.bytes',
  bytes_out: 'http.request.bytes',
  duration: 'event.duration',
};

const AUTHENTICATION: FieldTable = {
  action: 'event.outcome',
  app: 'service.name',
  dest: 'host.name',
  src: 'source.address',
  src_ip: 'source.ip',
  src_user: 'source.user.name',
  user: 'user.name',
  user_id: 'user.id',
  user_role: 'user.roles',
  reason: 'event.reason',
  signature: 'event.action',
  signature_id: 'event.code',
  vendor_account: 'cloud.account.id',
  tag: 'tags',
  _time: '@timestamp',
};

const ALL_CHANGES: FieldTable = {
  action: 'event.action',
  command: 'event.action',
  status: 'event.outcome',
  result: 'event.reason',
  dest: 'host.name',
  src: 'source.address',
  user: 'user.name',
  user_agent: 'user_agent.original',
  vendor_account: 'cloud.account.id',
  vendor_region: 'cloud.region',
  vendor_product: 'observer.product',
  tag: 'tags',
  _time: '@timestamp',
  'Instance_Changes.instance_type': 'cloud.machine.type',
};

const ALL_RISK: FieldTable = {
  risk_score: 'event.risk_score',
  calculated_risk_score: 'event.risk_score',
  risk_message: 'message',
  source: 'rule.name',
  search_name: 'rule.name',
  'annotations.mitre_attack.mitre_technique_id': 'threat.technique.id',
  'annotations.mitre_attack.mitre_tactic_id': 'threat.tactic.id',
  'annotations.mitre_attack.mitre_tactic': 'threat.tactic.name',
  tag: 'tags',
  _time: '@timestamp',
};

const ALL_EMAIL: FieldTable = {
  action: 'event.action',
  src: 'source.address',
  dest: 'destination.address',
  src_user: 'email.from.address',
  recipient: 'email.to.address',
  subject: 'email.subject',
  message_id: 'email.message_id',
  file_name: 'email.attachments.file.name',
  file_hash: 'email.attachments.file.hash.*',
  file_size: 'email.attachments.file.size',
  tag: 'tags',
  _time: '@timestamp',
};

const IDS_ATTACKS: FieldTable = {
  ...CONNECTION,
  signature: 'rule.name',
  signature_id: 'rule.id',
  category: 'rule.category',
};

const VULNERABILITIES: FieldTable = {
  dest: 'host.name',
  cve: 'vulnerability.id',
  signature: 'vulnerability.description',
  severity: 'vulnerability.severity',
  category: 'vulnerability.category',
  tag: 'tags',
};

const UPDATES: FieldTable = {
  dest: 'host.name',
  status: 'event.outcome',
  signature: 'package.name',
  vendor_product: 'observer.product',
};

const SSL: FieldTable = {
  ...CONNECTION,
  ssl_issuer: 'tls.server.issuer',
  ssl_subject: 'tls.server.subject',
  ssl_issuer_common_name: 'tls.server.x509.issuer.common_name',
  ssl_subject_common_name: 'tls.server.x509.subject.common_name',
  ssl_hash: 'tls.server.hash.sha1',
};

const ALL_SESSIONS: FieldTable = {
  ...CONNECTION,
  signature: 'event.action',
};

const ALERTS: FieldTable = {
  app: 'observer.product',
  dest: 'host.name',
  signature: 'rule.name',
  description: 'rule.description',
  id: 'event.id',
  tag: 'tags',
};

/**
 * Fields by dataset, under the name fields are prefixed with. Child datasets are written with
 * their parent's name (`All_Certificates.SSL`).
 */
export const CIM_DATASET_FIELDS: Readonly<Record<string, FieldTable>> = {
  Processes: PROCESSES,
  Filesystem: FILESYSTEM,
  Registry: REGISTRY,
  Services: SERVICES,
  Ports: PORTS,
  All_Traffic: ALL_TRAFFIC,
  DNS,
  Web: WEB,
  Authentication: AUTHENTICATION,
  All_Changes: ALL_CHANGES,
  All_Risk: ALL_RISK,
  All_Email: ALL_EMAIL,
  IDS_Attacks: IDS_ATTACKS,
  Vulnerabilities: VULNERABILITIES,
  Updates: UPDATES,
  All_Certificates: SSL,
  'All_Certificates.SSL': SSL,
  All_Sessions: ALL_SESSIONS,
  Alerts: ALERTS,
};

/** The dataset a `tstats … from datamodel=<name>` reads, for each data-model name written. */
export const CIM_DATA_MODEL_DATASETS: Readonly<Record<string, string>> = {
  'Endpoint.Processes': 'Processes',
  'Endpoint.Filesystem': 'Filesystem',
  'Endpoint.Registry': 'Registry',
  'Endpoint.Services': 'Services',
  'Endpoint.Ports': 'Ports',
  Network_Traffic: 'All_Traffic',
  'Network_Traffic.All_Traffic': 'All_Traffic',
  Network_Resolution: 'DNS',
  'Network_Resolution.DNS': 'DNS',
  Web: 'Web',
  'Web.Web': 'Web',
  Authentication: 'Authentication',
  'Authentication.Authentication': 'Authentication',
  Change: 'All_Changes',
  'Change.All_Changes': 'All_Changes',
  Risk: 'All_Risk',
  'Risk.All_Risk': 'All_Risk',
  Email: 'All_Email',
  'Email.All_Email': 'All_Email',
  Intrusion_Detection: 'IDS_Attacks',
  'Intrusion_Detection.IDS_Attacks': 'IDS_Attacks',
  Vulnerabilities: 'Vulnerabilities',
  Updates: 'Updates',
  Certificates: 'All_Certificates',
  'Certificates.All_Certificates': 'All_Certificates',
  Network_Sessions: 'All_Sessions',
  Alerts: 'Alerts',
};

/**
 * CIM names that mean one thing in every data model, as CIM-compliant add-ons extract them from
 * raw events too (a Sysmon for Linux search filtering on `process_name`).
 */
export const CIM_COMMON_FIELDS: FieldTable = {
  process: 'process.command_line',
  process_name: 'process.name',
  process_path: 'process.executable',
  process_id: 'process.pid',
  process_exec: 'process.name',
  parent_process: 'process.parent.command_line',
  parent_process_name: 'process.parent.name',
  parent_process_path: 'process.parent.executable',
  original_file_name: 'process.pe.original_file_name',
  file_name: 'file.name',
  file_path: 'file.path',
  src_ip: 'source.ip',
  src_port: 'source.port',
  dest_ip: 'destination.ip',
  dest_port: 'destination.port',
  user: 'user.name',
  http_method: 'http.request.method',
  http_user_agent: 'user_agent.original',
  http_referrer: 'http.request.referrer',
  http_content_type: 'http.response.mime_type',
  url: 'url.original',
  uri: 'url.original',
  uri_path: 'url.path',
  uri_query: 'url.query',
  query: 'dns.question.name',
  signature_id: 'event.code',
  vendor_product: 'observer.product',
  _time: '@timestamp',
};
