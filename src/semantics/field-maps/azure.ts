// Microsoft Entra ID (Azure AD) sign-in, audit and risk logs and Azure activity logs, as Sigma's
// `azure/*` services and Splunk's `azure:monitor:aad`, `mscs:azure:audit` and `o365:graph:api`
// write them, mapped to ECS and to Elastic's Azure integration (`azure.*`, snake_case names).

import type { FieldMap } from './field-table.js';

const SIGNIN = 'azure.signinlogs.';
const SIGNIN_PROPERTIES = `${SIGNIN}properties.`;
const AUDIT = 'azure.auditlogs.';
const AUDIT_PROPERTIES = `${AUDIT}properties.`;
const ACTIVITY = 'azure.activitylogs.';

/** Names a sign-in record has, at its top level or under `properties`. */
const SIGNIN_PROPERTY_NAMES: Readonly<Record<string, string>> = {
  appId: 'app_id',
  appDisplayName: 'app_display_name',
  authenticationRequirement: 'authentication_requirement',
  authenticationProtocol: 'authentication_protocol',
  'authenticationDetails.succeeded': 'authentication_details.succeeded',
  'authenticationDetails.authenticationMethod': 'authentication_details.authentication_method',
  clientAppUsed: 'client_app_used',
  conditionalAccessStatus: 'conditional_access_status',
  'deviceDetail.deviceId': 'device_detail.device_id',
  'deviceDetail.isCompliant': 'device_detail.is_compliant',
  'deviceDetail.isManaged': 'device_detail.is_managed',
  'deviceDetail.trustType': 'device_detail.trust_type',
  'deviceDetail.operatingSystem': 'device_detail.operating_system',
  'deviceDetail.browser': 'device_detail.browser',
  homeTenantId: 'home_tenant_id',
  resourceTenantId: 'resource_tenant_id',
  resourceDisplayName: 'resource_display_name',
  riskState: 'risk_state',
  riskLevel: 'risk_level_aggregated',
  riskLevelAggregated: 'risk_level_aggregated',
  riskLevelDuringSignIn: 'risk_level_during_signin',
  'status.errorCode': 'status.error_code',
  'status.additionalDetails': 'status.additional_details',
  'status.failureReason': 'status.failure_reason',
  userPrincipalName: 'user_principal_name',
  userType: 'user_type',
  incomingTokenType: 'incoming_token_type',
  tokenIssuerType: 'token_issuer_type',
  networkLocationDetails: 'network_location_details',
};

/** Names an audit record has under `properties` (or, in Sigma's spelling, at its top level). */
const AUDIT_PROPERTY_NAMES: Readonly<Record<string, string>> = {
  activityDisplayName: 'activity_display_name',
  activityType: 'activity_display_name',
  category: 'category',
  loggedByService: 'logged_by_service',
  operationType: 'operation_type',
  result: 'result',
  resultReason: 'result_reason',
  targetResources: 'target_resources',
  'targetResources.type': 'target_resources.*.type',
  'targetResources.displayName': 'target_resources.*.display_name',
  'targetResources.modifiedProperties': 'target_resources.*.modified_properties',
  'targetResources.modifiedProperties.displayName':
    'target_resources.*.modified_properties.*.display_name',
  'targetResources.modifiedProperties.newValue':
    'target_resources.*.modified_properties.*.new_value',
  'targetResources.modifiedProperties.oldValue':
    'target_resources.*.modified_properties.*.old_value',
  initiatedBy: 'initiated_by',
  'initiatedBy.user.id': 'initiated_by.user.id',
  'initiatedBy.user.userPrincipalName': 'initiated_by.user.userPrincipalName',
  'initiatedBy.app.appId': 'initiated_by.app.appId',
  'additionalDetails.key': 'additional_details.key',
  'additionalDetails.value': 'additional_details.value',
  'additionalDetails.additionalInfo': 'additional_details.value',
};

function prefixed(
  names: Readonly<Record<string, string>>,
  canonicalPrefix: string,
  writtenPrefixes: string[],
): Record<string, string> {
  const table: Record<string, string> = {};
  for (const written of writtenPrefixes) {
    for (const [name, canonical] of Object.entries(names)) {
      table[written + name] = canonicalPrefix + canonical;
    }
  }
  return table;
}

const SIGNIN_NAMES = {
  ...prefixed(SIGNIN_PROPERTY_NAMES, SIGNIN_PROPERTIES, ['', 'properties.']),
  resultType: `${SIGNIN}result_type`,
  resultDescription: `${SIGNIN}result_description`,
  ResultSignature: `${SIGNIN}result_signature`,
  clientApp: `${SIGNIN_PROPERTIES}client_app_used`,
  ipAddress: 'source.ip',
  callerIpAddress: 'source.ip',
  'properties.ipAddress': 'source.ip',
  location: 'source.geo.country_iso_code',
  'properties.location.countryOrRegion': 'source.geo.country_iso_code',
  userAgent: 'user_agent.original',
  'properties.userAgent': 'user_agent.original',
  username: 'user.name',
  'properties.userPrincipalName': 'user.name',
};

const AUDIT_NAMES = {
  ...prefixed(AUDIT_PROPERTY_NAMES, AUDIT_PROPERTIES, ['', 'properties.']),
  operationName: `${AUDIT}operation_name`,
  status: `${AUDIT_PROPERTIES}result`,
  'properties.message': `${AUDIT_PROPERTIES}activity_display_name`,
  'consentContext.isAdminConsent': `${AUDIT_PROPERTIES}additional_details.value`,
  target: `${AUDIT_PROPERTIES}target_resources.*.display_name`,
};

/** Entra ID sign-in logs. */
export const AZURE_SIGNIN_FIELDS: FieldMap = {
  names: {
    ...SIGNIN_NAMES,
    category: `${SIGNIN}category`,
    operationName: `${SIGNIN}operation_name`,
    status: `${SIGNIN_PROPERTIES}status.error_code`,
    'properties.message': `${SIGNIN}result_description`,
  },
};

/** Entra ID audit logs. */
export const AZURE_AUDIT_FIELDS: FieldMap = { names: AUDIT_NAMES };

/** Entra ID Protection risk detections. */
export const AZURE_RISK_FIELDS: FieldMap = {
  names: {
    riskEventType: 'azure.identityprotection.properties.risk_event_type',
    riskState: 'azure.identityprotection.properties.risk_state',
    riskLevel: 'azure.identityprotection.properties.risk_level',
    activity: 'azure.identityprotection.properties.activity',
  },
};

/** Azure activity (control-plane) logs. */
export const AZURE_ACTIVITY_FIELDS: FieldMap = {
  names: {
    operationName: `${ACTIVITY}operation_name`,
    operationNameValue: `${ACTIVITY}operation_name`,
    'operationName.value': `${ACTIVITY}operation_name`,
    'operationName.localizedValue': `${ACTIVITY}operation_name`,
    category: `${ACTIVITY}category`,
    categoryValue: `${ACTIVITY}category`,
    'category.value': `${ACTIVITY}category`,
    resultType: `${ACTIVITY}result_type`,
    resultSignature: `${ACTIVITY}result_signature`,
    status: `${ACTIVITY}result_type`,
    'status.value': `${ACTIVITY}result_type`,
    resourceId: 'azure.resource.id',
    resourceProviderValue: 'azure.resource.provider',
    'resourceProviderName.value': 'azure.resource.provider',
    callerIpAddress: 'source.ip',
    caller: 'user.name',
    'properties.message': `${ACTIVITY}properties.message`,
  },
};

/**
 * Splunk's `azure:monitor:aad` carries sign-in and audit records alike; each name is read as the
 * record kind that has it.
 */
// LIMITATION: a name both record kinds have (`status`, `category`) takes the sign-in meaning
// or the audit one by the table's order, not by the record's own `category`.
export const AZURE_AD_FIELDS: FieldMap = {
  names: { ...AUDIT_NAMES, ...SIGNIN_NAMES, category: 'azure.signinlogs.category' },
};
