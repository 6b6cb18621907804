// Audit logs of SaaS products and appliances that Sigma rules select by product (GitHub,
// Bitbucket, OneLogin, Cisco Duo, FortiGate, RPC Firewall), mapped to ECS and to the fields of
// Elastic's integrations for them where there is one.

import type { FieldMap } from './field-table.js';

export const GITHUB_AUDIT_FIELDS: FieldMap = {
  names: {
    action: 'event.action',
    actor: 'user.name',
    actor_ip: 'source.ip',
    org: 'github.org',
    repo: 'github.repo',
    user: 'user.target.name',
    programmatic_access_type: 'github.programmatic_access_type',
  },
};

export const BITBUCKET_AUDIT_FIELDS: FieldMap = {
  names: {
    'auditType.action': 'event.action',
    'auditType.category': 'bitbucket.audit.category',
  },
};

export const ONELOGIN_FIELDS: FieldMap = {
  names: { event_type_id: 'onelogin.event.type_id' },
};

export const CISCO_DUO_FIELDS: FieldMap = {
  names: { event_type: 'cisco_duo.auth.event_type', reason: 'event.reason' },
};

export const FORTIGATE_FIELDS: FieldMap = {
  names: {
    action: 'event.action',
    cfgpath: 'fortinet.firewall.cfgpath',
    cfgattr: 'fortinet.firewall.cfgattr',
    ui: 'fortinet.firewall.ui',
  },
};

/** RPC Firewall writes its audit events to the Windows event log, under its own channel. */
export const RPC_FIREWALL_FIELDS: FieldMap = {
  names: {
    EventLog: 'winlog.channel',
    EventID: 'event.code',
    OpNum: 'winlog.event_data.OpNum',
    InterfaceUuid: 'winlog.event_data.InterfaceUuid',
    Protocol: 'winlog.event_data.Protocol',
    Endpoint: 'winlog.event_data.Endpoint',
    ClientNetworkAddress: 'source.ip',
  },
};
