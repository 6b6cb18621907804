// AWS CloudTrail records as AWS writes them (Sigma's `aws/cloudtrail`, Splunk's `aws:cloudtrail`)
// and as OCSF writes them (Splunk's `aws:cloudtrail:lake`), mapped to ECS and to the fields of
// Elastic's AWS CloudTrail integration (`aws.cloudtrail.*`).

import type { FieldMap } from './field-table.js';

const TRAIL = 'aws.cloudtrail.';

export const CLOUDTRAIL_FIELDS: FieldMap = {
  names: {
    eventName: 'event.action',
    eventSource: 'event.provider',
    eventTime: '@timestamp',
    eventID: 'event.id',
    awsRegion: 'cloud.region',
    recipientAccountId: 'cloud.account.id',
    sourceIPAddress: 'source.address',
    userAgent: 'user_agent.original',
    errorCode: `${TRAIL}error_code`,
    errorMessage: `${TRAIL}error_message`,
    eventType: `${TRAIL}event_type`,
    eventCategory: `${TRAIL}event_category`,
    requestID: `${TRAIL}request_id`,
    readOnly: `${TRAIL}read_only`,
    managementEvent: `${TRAIL}management_event`,
    sessionCredentialFromConsole: `${TRAIL}session_credential_from_console`,
    requestParameters: `${TRAIL}request_parameters`,
    responseElements: `${TRAIL}response_elements`,
    additionalEventData: `${TRAIL}additional_eventdata`,
    'additionalEventData.MFAUsed': `${TRAIL}console_login.additional_eventdata.mfa_used`,
    'responseElements.ConsoleLogin': 'event.outcome',
    'userIdentity.type': `${TRAIL}user_identity.type`,
    'userIdentity.arn': `${TRAIL}user_identity.arn`,
    'userIdentity.accountId': 'cloud.account.id',
    'userIdentity.accessKeyId': `${TRAIL}user_identity.access_key_id`,
    'userIdentity.invokedBy': `${TRAIL}user_identity.invoked_by`,
    'userIdentity.userName': 'user.name',
    'userIdentity.principalId': 'user.id',
    'userIdentity.sessionContext.sessionIssuer.type':
      `${TRAIL}user_identity.session_context.session_issuer.type`,
    'userIdentity.sessionContext.sessionIssuer.arn':
      `${TRAIL}user_identity.session_context.session_issuer.arn`,
    'userIdentity.sessionContext.sessionIssuer.userName':
      `${TRAIL}user_identity.session_context.session_issuer.user_name`,
    'userIdentity.sessionContext.attributes.mfaAuthenticated':
      `${TRAIL}user_identity.session_context.mfa_authenticated`,
    // Splunk's add-on extracts these at the top level.
    userName: 'user.name',
    user_type: `${TRAIL}user_identity.type`,
    'resources.ARN': `${TRAIL}resources.arn`,
    'resources.type': `${TRAIL}resources.type`,
  },
  // The integration keeps request and response objects whole, under `flattened`.
  prefixes: [
    { written: 'requestParameters.', canonical: `${TRAIL}flattened.request_parameters.` },
    { written: 'responseElements.', canonical: `${TRAIL}flattened.response_elements.` },
    { written: 'additionalEventData.', canonical: `${TRAIL}flattened.additional_eventdata.` },
  ],
};

/** CloudTrail Lake's OCSF shape of the same records. */
export const CLOUDTRAIL_LAKE_FIELDS: FieldMap = {
  names: {
    'api.operation': 'event.action',
    'api.service.name': 'event.provider',
    'api.response.error': `${TRAIL}error_code`,
    'api.response.message': `${TRAIL}error_message`,
    'http_request.user_agent': 'user_agent.original',
    'src_endpoint.ip': 'source.ip',
    'src_endpoint.domain': 'source.domain',
    'actor.user.name': 'user.name',
    'actor.user.type': `${TRAIL}user_identity.type`,
    'actor.user.uid': 'user.id',
    'cloud.region': 'cloud.region',
    status: 'event.outcome',
  },
  prefixes: [
    { written: 'responseElements.', canonical: `${TRAIL}flattened.response_elements.` },
  ],
};
