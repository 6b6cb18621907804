// Fields of raw Splunk events, by the sourcetype, source or eventtype a search selects: Windows
// event logs as the Windows add-on extracts them, cloud and SaaS audit logs, and the other
// sourcetypes the corpus searches. Splunk field names are case-sensitive.

import { CLOUDTRAIL_FIELDS, CLOUDTRAIL_LAKE_FIELDS } from './aws-cloudtrail.js';
import { AZURE_ACTIVITY_FIELDS, AZURE_AD_FIELDS } from './azure.js';
import type { FieldMap, FieldTable } from './field-table.js';
import { GCP_AUDIT_FIELDS, GOOGLE_WORKSPACE_FIELDS } from './google-cloud.js';
import { KUBERNETES_AUDIT_FIELDS } from './kubernetes.js';
import { AUDITD_FIELDS } from './linux-macos.js';
import { MICROSOFT_365_FIELDS } from './microsoft-365.js';
import { IIS_FIELDS } from './network-logs.js';
import { OKTA_FIELDS } from './okta.js';
import {
  UNCATALOGED_EVENT_DATA_FIELDS,
  WINDOWS_ANY_EVENT_FIELDS,
} from './windows-event-fields.js';

/**
 * Windows events as the Windows add-on extracts them: the event's own names, its System part
 * (`EventCode`), and the names the add-on gives classic (non-XML) Security events.
 */
export const SPLUNK_WINDOWS_FIELDS: FieldMap = {
  names: {
    ...WINDOWS_ANY_EVENT_FIELDS,
    ...UNCATALOGED_EVENT_DATA_FIELDS,
    EventCode: 'event.code',
    ComputerName: 'host.name',
    // The add-on's `dest` is the computer that logged the event.
    dest: 'host.name',
    Message: 'message',
    Logon_Type: 'winlog.event_data.LogonType',
    Logon_Process: 'winlog.event_data.LogonProcessName',
    Account_Name: 'winlog.event_data.TargetUserName',
    Account_Domain: 'winlog.event_data.TargetDomainName',
    Target_User_Name: 'winlog.event_data.TargetUserName',
    Caller_User_Name: 'winlog.event_data.SubjectUserName',
    Process_Name: 'process.executable',
    New_Process_Name: 'process.executable',
    New_Process_ID: 'process.pid',
    Process_Command_Line: 'process.command_line',
    Creator_Process_Name: 'process.parent.executable',
    Creator_Process_ID: 'process.parent.pid',
    Service_Name: 'service.name',
    Service_File_Name: 'winlog.event_data.ServiceFileName',
    Group_Name: 'group.name',
    Ticket_Options: 'winlog.event_data.TicketOptions',
    Ticket_Encryption_Type: 'winlog.event_data.TicketEncryptionType',
    Source_Network_Address: 'source.ip',
    Workstation_Name: 'source.domain',
    // The add-on's CIM names for Windows events.
    object_file_path: 'winlog.event_data.ObjectName',
    loaded_file_path: 'dll.path',
    loaded_file: 'dll.name',
    service_name: 'service.name',
    start_mode: 'winlog.event_data.StartType',
    granted_access: 'winlog.event_data.GrantedAccess',
    IMPHASH: 'process.pe.imphash',
    src: 'source.address',
  },
};

const SURICATA_FIELDS: FieldMap = {
  names: {
    'http.url': 'url.original',
    'http.hostname': 'url.domain',
    'http.status': 'http.response.status_code',
    'http.http_method': 'http.request.method',
    'http.http_user_agent': 'user_agent.original',
    http_method: 'http.request.method',
    src_ip: 'source.ip',
    dest_ip: 'destination.ip',
    'alert.signature': 'rule.name',
    'alert.signature_id': 'rule.id',
  },
};

/** Splunk Stream's HTTP and DNS captures. */
const STREAM_FIELDS: FieldMap = {
  names: {
    form_data: 'http.request.body.content',
    http_method: 'http.request.method',
    http_content_type: 'http.request.mime_type',
    http_content_length: 'http.request.body.bytes',
    uri: 'url.original',
    uri_path: 'url.path',
    status: 'http.response.status_code',
    query: 'dns.question.name',
    query_type: 'dns.question.type',
    bytes_out: 'source.bytes',
    bytes_in: 'destination.bytes',
  },
};

const ZSCALER_WEB_FIELDS: FieldMap = {
  names: {
    action: 'event.action',
    url: 'url.original',
    threatname: 'threat.software.name',
    threatclass: 'zscaler_zia.web.threat.class',
    threatcategory: 'zscaler_zia.web.threat.category',
    urlclass: 'zscaler_zia.web.url.class',
    urlsupercategory: 'zscaler_zia.web.url.super_category',
    urlcategory: 'zscaler_zia.web.url.category',
  },
};

const CISCO_IOS_FIELDS: FieldMap = {
  names: {
    mnemonic: 'event.code',
    facility: 'cisco.ios.facility',
    command: 'process.command_line',
  },
};

const OSQUERY_FIELDS: FieldMap = {
  names: {
    name: 'osquery.result.name',
    'columns.cmdline': 'process.command_line',
    'columns.path': 'process.executable',
    'columns.name': 'process.name',
    'columns.pid': 'process.pid',
    'columns.parent': 'process.parent.pid',
  },
};

const NGINX_FIELDS: FieldMap = {
  names: {
    uri_path: 'url.path',
    status: 'http.response.status_code',
    http_method: 'http.request.method',
    http_user_agent: 'user_agent.original',
  },
};

const VPC_FLOW_FIELDS: FieldMap = {
  names: {
    src_ip: 'source.ip',
    dest_ip: 'destination.ip',
    src_port: 'source.port',
    dest_port: 'destination.port',
    action: 'event.action',
  },
};

/** EKS audit events forwarded through CloudWatch: Kubernetes names beside CloudTrail ones. */
const EKS_FIELDS: FieldMap = {
  names: { ...CLOUDTRAIL_FIELDS.names, ...KUBERNETES_AUDIT_FIELDS.names },
  prefixes: KUBERNETES_AUDIT_FIELDS.prefixes,
};

/** Tables by sourcetype; a name ending in `*` stands for every sourcetype it begins. */
const SOURCETYPE_FIELDS: Readonly<Record<string, FieldMap>> = {
  'xmlwineventlog*': SPLUNK_WINDOWS_FIELDS,
  'wineventlog*': SPLUNK_WINDOWS_FIELDS,
  'aws:cloudtrail': CLOUDTRAIL_FIELDS,
  'aws:cloudtrail:lake': CLOUDTRAIL_LAKE_FIELDS,
  'aws:cloudwatchlogs:eks': EKS_FIELDS,
  'aws:cloudwatchlogs:vpcflow': VPC_FLOW_FIELDS,
  'o365:management:activity': MICROSOFT_365_FIELDS,
  'o365:graph:api': AZURE_AD_FIELDS,
  'azure:monitor:aad': AZURE_AD_FIELDS,
  'mscs:azure:audit': AZURE_ACTIVITY_FIELDS,
  'mscs:storage:blob:json': KUBERNETES_AUDIT_FIELDS,
  'oktaim2:log': OKTA_FIELDS,
  'google:gcp:pubsub:message': GCP_AUDIT_FIELDS,
  'gsuite:*': GOOGLE_WORKSPACE_FIELDS,
  'gws:reports:*': GOOGLE_WORKSPACE_FIELDS,
  'kube:*': KUBERNETES_AUDIT_FIELDS,
  'linux:audit': AUDITD_FIELDS,
  suricata: SURICATA_FIELDS,
  'stream:*': STREAM_FIELDS,
  'zscalernss-web': ZSCALER_WEB_FIELDS,
  'cisco:ios': CISCO_IOS_FIELDS,
  'osquery*': OSQUERY_FIELDS,
  'nginx:plus:*': NGINX_FIELDS,
  'mswindows:iis': IIS_FIELDS,
  'msexchange:management': { names: { Message: 'message' } },
  'ms:iis:*': IIS_FIELDS,
};

/** Sources that say which log a search reads when the sourcetype does not. */
const SOURCE_FIELDS: Readonly<Record<string, FieldMap>> = {
  'xmlwineventlog:*': SPLUNK_WINDOWS_FIELDS,
  'wineventlog:*': SPLUNK_WINDOWS_FIELDS,
  'syslog:linux-sysmon/operational': SPLUNK_WINDOWS_FIELDS,
  kubernetes: KUBERNETES_AUDIT_FIELDS,
};

const EVENTTYPE_FIELDS: Readonly<Record<string, FieldMap>> = {
  'wineventlog_*': SPLUNK_WINDOWS_FIELDS,
  okta_log: OKTA_FIELDS,
  cisco_ios: CISCO_IOS_FIELDS,
  'osquery-*': OSQUERY_FIELDS,
};

/** Every sourcetype, source and eventtype table, by the value that selects it. */
export function splunkSourcetypeTables(): Record<string, FieldMap> {
  return { ...SOURCETYPE_FIELDS, ...SOURCE_FIELDS, ...EVENTTYPE_FIELDS };
}

export interface SplunkSelection {
  sourcetypes: readonly string[];
  sources: readonly string[];
  eventtypes: readonly string[];
}

/** The tables for the raw events a search selects, in the order the selection names them. */
export function splunkSourcetypeMaps(selection: SplunkSelection): FieldMap[] {
  const maps: FieldMap[] = [];
  const add = (table: Readonly<Record<string, FieldMap>>, values: readonly string[]): void => {
    for (const value of values) {
      const map = tableFor(table, value);
      if (map && !maps.includes(map)) maps.push(map);
    }
  };
  add(SOURCETYPE_FIELDS, selection.sourcetypes);
  add(SOURCE_FIELDS, selection.sources);
  add(EVENTTYPE_FIELDS, selection.eventtypes);
  return maps;
}

/** The entry for a selected value (lower case): its own, else the longest pattern it begins. */
function tableFor(
  table: Readonly<Record<string, FieldMap>>,
  value: string,
): FieldMap | undefined {
  if (Object.hasOwn(table, value)) return table[value];
  let best: [string, FieldMap] | undefined;
  for (const [name, map] of Object.entries(table)) {
    if (!name.endsWith('*') || !value.startsWith(name.slice(0, -1))) continue;
    if (!best || name.length > best[0].length) best = [name, map];
  }
  return best?.[1];
}

/** Names Splunk gives every event, whatever its sourcetype. */
export const SPLUNK_EVENT_FIELDS: FieldTable = {
  _time: '@timestamp',
  host: 'host.name',
  tag: 'tags',
};
