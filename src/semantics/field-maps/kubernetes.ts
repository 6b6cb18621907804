// Kubernetes API-server audit events (Sigma's `kubernetes/audit`, Splunk's EKS, AKS and GKE
// audit sourcetypes), mapped to Elastic's Kubernetes integration, which keeps each event's own
// names under `kubernetes.audit`.

import type { FieldMap } from './field-table.js';

const AUDIT = 'kubernetes.audit.';

/** The audit event's top-level names. */
const EVENT_NAMES = [
  'annotations',
  'auditID',
  'impersonatedUser',
  'level',
  'objectRef',
  'requestObject',
  'requestReceivedTimestamp',
  'requestURI',
  'responseObject',
  'responseStatus',
  'sourceIPs',
  'stage',
  'stageTimestamp',
  'user',
  'userAgent',
  'verb',
] as const;

export const KUBERNETES_AUDIT_FIELDS: FieldMap = {
  names: {
    ...Object.fromEntries(EVENT_NAMES.map((name) => [name, AUDIT + name])),
    // Sigma's shorthands for pod specifications.
    apiGroup: `${AUDIT}objectRef.apiGroup`,
    hostPath: `${AUDIT}requestObject.spec.volumes.hostPath.path`,
    capabilities: `${AUDIT}requestObject.spec.containers.securityContext.capabilities.add`,
    // The integration writes annotation keys with `_` for the dots of their domain.
    'annotations.authorization.k8s.io/decision':
      `${AUDIT}annotations.authorization_k8s_io/decision`,
    'annotations.authorization.k8s.io/reason': `${AUDIT}annotations.authorization_k8s_io/reason`,
  },
  prefixes: EVENT_NAMES.map((name) => ({ written: `${name}.`, canonical: `${AUDIT}${name}.` })),
};
