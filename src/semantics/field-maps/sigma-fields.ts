// Which tables a Sigma rule's field names are read with, from its log source (product,
// category, service), most specific first. Sigma field names ignore case.

import { CLOUDTRAIL_FIELDS } from './aws-cloudtrail.js';
import {
  AZURE_ACTIVITY_FIELDS,
  AZURE_AUDIT_FIELDS,
  AZURE_RISK_FIELDS,
  AZURE_SIGNIN_FIELDS,
} from './azure.js';
import type { FieldMap } from './field-table.js';
import { GCP_AUDIT_FIELDS, GOOGLE_WORKSPACE_FIELDS } from './google-cloud.js';
import { KUBERNETES_AUDIT_FIELDS } from './kubernetes.js';
import { AUDITD_FIELDS, UNIX_CATEGORY_FIELDS } from './linux-macos.js';
import { MICROSOFT_365_FIELDS } from './microsoft-365.js';
import {
  ANTIVIRUS_FIELDS,
  DNS_FIELDS,
  FIREWALL_FIELDS,
  PROXY_FIELDS,
  WEBSERVER_FIELDS,
  ZEEK_FIELDS,
} from './network-logs.js';
import { OKTA_FIELDS } from './okta.js';
import {
  BITBUCKET_AUDIT_FIELDS,
  CISCO_DUO_FIELDS,
  FORTIGATE_FIELDS,
  GITHUB_AUDIT_FIELDS,
  ONELOGIN_FIELDS,
  RPC_FIREWALL_FIELDS,
} from './other-products.js';
import {
  UNCATALOGED_EVENT_DATA_FIELDS,
  WINDOWS_ANY_EVENT_FIELDS,
  WINDOWS_CATEGORY_FIELDS,
  WINDOWS_SECURITY_FIELDS,
  WINDOWS_SYSTEM_FIELDS,
} from './windows-event-fields.js';

export interface SigmaLogSource {
  product?: string;
  category?: string;
  service?: string;
}

/** Categories the taxonomy defines apart from any product. */
const CATEGORY_FIELDS: Readonly<Record<string, FieldMap>> = {
  proxy: PROXY_FIELDS,
  webserver: WEBSERVER_FIELDS,
  dns: DNS_FIELDS,
  firewall: FIREWALL_FIELDS,
  antivirus: ANTIVIRUS_FIELDS,
};

/** Product services outside Windows. */
const SERVICE_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldMap>>>> = {
  aws: { cloudtrail: CLOUDTRAIL_FIELDS },
  azure: {
    signinlogs: AZURE_SIGNIN_FIELDS,
    auditlogs: AZURE_AUDIT_FIELDS,
    activitylogs: AZURE_ACTIVITY_FIELDS,
    riskdetection: AZURE_RISK_FIELDS,
    pim: AZURE_RISK_FIELDS,
  },
  gcp: {
    'gcp.audit': GCP_AUDIT_FIELDS,
    'google_workspace.admin': GOOGLE_WORKSPACE_FIELDS,
    'google_workspace.login': GOOGLE_WORKSPACE_FIELDS,
  },
  m365: {
    audit: MICROSOFT_365_FIELDS,
    exchange: MICROSOFT_365_FIELDS,
    threat_management: MICROSOFT_365_FIELDS,
    threat_detection: MICROSOFT_365_FIELDS,
  },
  okta: { okta: OKTA_FIELDS },
  kubernetes: { audit: KUBERNETES_AUDIT_FIELDS },
  linux: { auditd: AUDITD_FIELDS },
  github: { audit: GITHUB_AUDIT_FIELDS },
  bitbucket: { audit: BITBUCKET_AUDIT_FIELDS },
  onelogin: { 'onelogin.events': ONELOGIN_FIELDS },
  cisco: { duo: CISCO_DUO_FIELDS },
  fortigate: { event: FORTIGATE_FIELDS },
  zeek: ZEEK_FIELDS,
};

/** Products whose rules name fields the same way whatever the service. */
const PRODUCT_FIELDS: Readonly<Record<string, FieldMap>> = {
  rpc_firewall: RPC_FIREWALL_FIELDS,
};

/** Windows services whose events are Sysmon's or the Security log's own. */
const WINDOWS_SERVICE_FIELDS: Readonly<Record<string, FieldMap>> = {
  sysmon: { names: WINDOWS_ANY_EVENT_FIELDS },
  security: { names: WINDOWS_SECURITY_FIELDS },
  system: { names: WINDOWS_SECURITY_FIELDS },
  powershell: { names: WINDOWS_CATEGORY_FIELDS.ps_script },
  'dns-client': { names: WINDOWS_CATEGORY_FIELDS.dns_query },
};

/** The tables for a log source, most specific first; Windows event-data names come last. */
export function sigmaFieldMaps(logsource: SigmaLogSource): FieldMap[] {
  const { product, category, service } = logsource;
  const maps: FieldMap[] = [];
  const add = (map: FieldMap | undefined): void => {
    if (map) maps.push(map);
  };

  if (product === 'windows') {
    if (category) add(namesOf(WINDOWS_CATEGORY_FIELDS[category]));
    if (service) add(WINDOWS_SERVICE_FIELDS[service]);
    add({ names: WINDOWS_SYSTEM_FIELDS });
    add({ names: UNCATALOGED_EVENT_DATA_FIELDS });
    return maps;
  }
  if (product === 'linux' || product === 'macos') {
    if (category) add(UNIX_CATEGORY_FIELDS[category]);
  }
  if (product && service) add(SERVICE_FIELDS[product]?.[service]);
  if (product) add(PRODUCT_FIELDS[product]);
  if (category) add(CATEGORY_FIELDS[category]);
  // Other products' endpoint categories (a VPN client's file events) use Sysmon's names.
  if (category && maps.length === 0) add(namesOf(WINDOWS_CATEGORY_FIELDS[category]));
  return maps;
}

/** Whether the log source's events are Windows events (event-data names apply). */
export function isWindowsLogSource(logsource: SigmaLogSource): boolean {
  return logsource.product === 'windows';
}

function namesOf(table: FieldMap['names'] | undefined): FieldMap | undefined {
  return table ? { names: table } : undefined;
}
