// Microsoft 365 management-activity records (Sigma's `m365/*` services, Splunk's
// `o365:management:activity`), mapped to ECS and to Elastic's Office 365 integration, which keeps
// each record's own names under `o365.audit`.

import type { FieldMap } from './field-table.js';

const AUDIT = 'o365.audit.';

/** Top-level names of management-activity records that the integration keeps as they are. */
const RECORD_NAMES = [
  'Actor',
  'AppAccessContext',
  'AppId',
  'ApplicationId',
  'AzureActiveDirectoryEventType',
  'ClientAppId',
  'ClientInfoString',
  'DeliveryAction',
  'Directionality',
  'ErrorNumber',
  'ExtendedProperties',
  'Item',
  'LogonError',
  'LogonType',
  'ModifiedProperties',
  'ObjectId',
  'OperationProperties',
  'Parameters',
  'RecordType',
  'RescanVerdict',
  'ResultStatus',
  'Target',
  'UserKey',
  'UserType',
] as const;

/** Exchange cmdlet parameters rules filter on. */
const CMDLET_PARAMETERS = [
  'AccessRights',
  'DeliverToMailboxAndForward',
  'ForwardingAddress',
  'ForwardingSmtpAddress',
  'ForwardTo',
  'RedirectTo',
] as const;

export const MICROSOFT_365_FIELDS: FieldMap = {
  names: {
    ...Object.fromEntries(RECORD_NAMES.map((name) => [name, AUDIT + name])),
    Operation: 'event.action',
    Workload: 'event.provider',
    UserId: 'user.id',
    ClientIP: 'source.ip',
    CreationTime: '@timestamp',
    OrganizationId: 'organization.id',
    // Sigma's threat-management rules name the same record parts in CloudTrail style.
    eventName: 'event.action',
    eventSource: 'event.provider',
    status: 'event.outcome',
    Payload: `${AUDIT}Parameters`,
    RequestType: `${AUDIT}ExtendedProperties.RequestType`,
    // Cmdlet parameters the Splunk add-on lifts to the top level; the integration keeps them
    // under `Parameters`.
    ...Object.fromEntries(CMDLET_PARAMETERS.map((name) => [name, `${AUDIT}Parameters.${name}`])),
  },
  prefixes: RECORD_NAMES.map((name) => ({ written: `${name}.`, canonical: `${AUDIT}${name}.` })),
};
