// Every canonical field the project's tables map to: the vocabulary beyond ECS (integration
// fields such as `winlog.channel` or `aws.cloudtrail.user_identity.arn`) that a rule written in
// it already speaks, and that tests check against the schemas.

import { CLOUDTRAIL_FIELDS, CLOUDTRAIL_LAKE_FIELDS } from './aws-cloudtrail.js';
import {
  AZURE_ACTIVITY_FIELDS,
  AZURE_AD_FIELDS,
  AZURE_AUDIT_FIELDS,
  AZURE_RISK_FIELDS,
  AZURE_SIGNIN_FIELDS,
} from './azure.js';
import { ELASTIC_INTEGRATION_FIELDS } from './elastic-integrations.js';
import type { FieldMap, FieldTable } from './field-table.js';
import { GCP_AUDIT_FIELDS, GOOGLE_WORKSPACE_FIELDS } from './google-cloud.js';
import { KUBERNETES_AUDIT_FIELDS } from './kubernetes.js';
import { AUDITD_FIELDS, UNIX_CATEGORY_FIELDS } from './linux-macos.js';
import { MICROSOFT_365_FIELDS } from './microsoft-365.js';
import {
  ANTIVIRUS_FIELDS,
  DNS_FIELDS,
  FIREWALL_FIELDS,
  IIS_FIELDS,
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
import { CIM_COMMON_FIELDS, CIM_DATASET_FIELDS } from './splunk-cim.js';
import { SPLUNK_EVENT_FIELDS, splunkSourcetypeTables } from './splunk-sourcetypes.js';
import {
  UNCATALOGED_EVENT_DATA_FIELDS,
  WINDOWS_ANY_EVENT_FIELDS,
  WINDOWS_CATEGORY_FIELDS,
  WINDOWS_SECURITY_FIELDS,
  WINDOWS_SYSTEM_FIELDS,
} from './windows-event-fields.js';

/** Every table of the project, by a name tests and reports show. */
export function everyFieldMap(): Record<string, FieldMap> {
  const maps: Record<string, FieldMap> = {
    'aws cloudtrail': CLOUDTRAIL_FIELDS,
    'aws cloudtrail lake': CLOUDTRAIL_LAKE_FIELDS,
    'azure activity': AZURE_ACTIVITY_FIELDS,
    'azure ad': AZURE_AD_FIELDS,
    'azure audit': AZURE_AUDIT_FIELDS,
    'azure risk': AZURE_RISK_FIELDS,
    'azure sign-in': AZURE_SIGNIN_FIELDS,
    'elastic integrations': { names: ELASTIC_INTEGRATION_FIELDS },
    'gcp audit': GCP_AUDIT_FIELDS,
    'google workspace': GOOGLE_WORKSPACE_FIELDS,
    'kubernetes audit': KUBERNETES_AUDIT_FIELDS,
    auditd: AUDITD_FIELDS,
    'microsoft 365': MICROSOFT_365_FIELDS,
    antivirus: ANTIVIRUS_FIELDS,
    dns: DNS_FIELDS,
    firewall: FIREWALL_FIELDS,
    iis: IIS_FIELDS,
    proxy: PROXY_FIELDS,
    webserver: WEBSERVER_FIELDS,
    okta: OKTA_FIELDS,
    bitbucket: BITBUCKET_AUDIT_FIELDS,
    'cisco duo': CISCO_DUO_FIELDS,
    fortigate: FORTIGATE_FIELDS,
    github: GITHUB_AUDIT_FIELDS,
    onelogin: ONELOGIN_FIELDS,
    'rpc firewall': RPC_FIREWALL_FIELDS,
    'splunk cim common': { names: CIM_COMMON_FIELDS },
    'splunk event': { names: SPLUNK_EVENT_FIELDS },
    'windows uncataloged event data': { names: UNCATALOGED_EVENT_DATA_FIELDS },
    'windows any event': { names: WINDOWS_ANY_EVENT_FIELDS },
    'windows security': { names: WINDOWS_SECURITY_FIELDS },
    'windows system': { names: WINDOWS_SYSTEM_FIELDS },
  };
  const add = (prefix: string, tables: Readonly<Record<string, FieldMap | FieldTable>>): void => {
    for (const [name, table] of Object.entries(tables)) {
      maps[`${prefix} ${name}`] = 'names' in table ? (table as FieldMap) : { names: table };
    }
  };
  add('windows', WINDOWS_CATEGORY_FIELDS);
  add('unix', UNIX_CATEGORY_FIELDS);
  add('zeek', ZEEK_FIELDS);
  add('splunk cim', CIM_DATASET_FIELDS);
  add('splunk sourcetype', splunkSourcetypeTables());
  return maps;
}

interface Targets {
  names: ReadonlySet<string>;
  /** Canonical prefixes of the prefix rules: every field under one is in the vocabulary. */
  prefixes: readonly string[];
}

let targets: Targets | null = null;

function allTargets(): Targets {
  if (targets) return targets;
  const maps = Object.values(everyFieldMap());
  targets = {
    names: new Set(maps.flatMap((map) => Object.values(map.names))),
    prefixes: [...new Set(maps.flatMap((map) => (map.prefixes ?? []).map((r) => r.canonical)))],
  };
  return targets;
}

/** Whether a field is one the tables map to, written exactly (or under a prefix they map to). */
export function isTableTarget(field: string): boolean {
  const { names, prefixes } = allTargets();
  return names.has(field) || prefixes.some((prefix) => field.startsWith(prefix));
}
