// Okta System Log events (Sigma's `okta/okta`, Splunk's `OktaIM2:log`), mapped to ECS and to
// Elastic's Okta integration (`okta.*`, snake_case names).

import type { FieldMap } from './field-table.js';

export const OKTA_FIELDS: FieldMap = {
  names: {
    eventType: 'event.action',
    legacyEventType: 'okta.legacy_event_type',
    displayMessage: 'okta.display_message',
    severity: 'event.severity',
    published: '@timestamp',
    uuid: 'okta.uuid',
    'outcome.result': 'okta.outcome.result',
    'outcome.reason': 'okta.outcome.reason',
    'actor.id': 'okta.actor.id',
    'actor.type': 'okta.actor.type',
    'actor.alternateId': 'okta.actor.alternate_id',
    'actor.displayName': 'okta.actor.display_name',
    'client.ipAddress': 'source.ip',
    'client.userAgent.rawUserAgent': 'user_agent.original',
    'client.device': 'okta.client.device',
    'securityContext.isProxy': 'okta.security_context.is_proxy',
    'authenticationContext.externalSessionId': 'okta.authentication_context.external_session_id',
    'target.id': 'okta.target.id',
    'target.type': 'okta.target.type',
    'target.alternateId': 'okta.target.alternate_id',
    'target.displayName': 'okta.target.display_name',
    'target.detailEntry.methodTypeUsed': 'okta.target.detail_entry.method_type_used',
    'debugContext.debugData.requestUri': 'okta.debug_context.debug_data.request_uri',
    'debugContext.debugData.behaviors': 'okta.debug_context.debug_data.risk_behaviors',
    'debugContext.debugData.logOnlySecurityData':
      'okta.debug_context.debug_data.log_only_security_data',
    'debugContext.debugData.factor': 'okta.debug_context.debug_data.factor',
    'debugContext.debugData.dtHash': 'okta.debug_context.debug_data.dt_hash',
  },
  prefixes: [
    { written: 'debugContext.debugData.', canonical: 'okta.debug_context.debug_data.flattened.' },
  ],
};
