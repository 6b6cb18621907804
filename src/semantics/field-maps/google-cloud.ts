// Google Cloud audit logs and Google Workspace reports (Sigma's `gcp/*` services, Splunk's
// `google:gcp:pubsub:message`, `gsuite:*` and `gws:reports:*`), mapped to ECS and to Elastic's
// GCP and Google Workspace integrations.

import type { FieldMap } from './field-table.js';

const AUDIT = 'gcp.audit.';

/** Audit-log names inside `protoPayload`, as Elastic's GCP integration names them. */
const PAYLOAD: Readonly<Record<string, string>> = {
  methodName: `${AUDIT}method_name`,
  serviceName: `${AUDIT}service_name`,
  resourceName: `${AUDIT}resource_name`,
  'authenticationInfo.principalEmail': 'client.user.email',
  'authorizationInfo.permission': `${AUDIT}authorization_info.permission`,
  'authorizationInfo.granted': `${AUDIT}authorization_info.granted`,
  'authorizationInfo.resource': `${AUDIT}authorization_info.resource`,
  'requestMetadata.callerIp': 'source.ip',
  'requestMetadata.callerSuppliedUserAgent': 'user_agent.original',
  'status.message': `${AUDIT}status.message`,
  'status.code': `${AUDIT}status.code`,
};

function payloadUnder(prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(PAYLOAD).map(([name, to]) => [prefix + name, to]));
}

export const GCP_AUDIT_FIELDS: FieldMap = {
  names: {
    ...payloadUnder('data.protoPayload.'),
    ...payloadUnder('protoPayload.'),
    'data.logName': 'log.logger',
    'data.protoPayload.logName': 'log.logger',
    logName: 'log.logger',
    'data.labels.authorization.k8s.io/decision': `${AUDIT}labels.authorization.k8s.io/decision`,
    'data.labels.authorization.k8s.io/reason': `${AUDIT}labels.authorization.k8s.io/reason`,
    // Sigma rules also use the integration's own names.
    'gcp.audit.method_name': `${AUDIT}method_name`,
  },
  prefixes: [
    { written: 'data.protoPayload.request.', canonical: `${AUDIT}request.` },
    { written: 'data.protoPayload.response.', canonical: `${AUDIT}response.` },
  ],
};

/** Workspace admin, login, drive and Gmail reports. */
export const GOOGLE_WORKSPACE_FIELDS: FieldMap = {
  names: {
    eventName: 'event.action',
    'event.name': 'event.action',
    'event.type': 'google_workspace.event.type',
    eventService: 'event.provider',
    setting_name: 'google_workspace.admin.setting.name',
    new_value: 'google_workspace.admin.new_value',
    'parameters.doc_title': 'file.name',
    'parameters.doc_type': 'google_workspace.drive.file.type',
    'parameters.owner_is_team_drive': 'google_workspace.drive.owner_is_team_drive',
    email: 'user.email',
    subject: 'email.subject',
    'attachment.file_extension_type': 'email.attachments.file.extension',
  },
};
