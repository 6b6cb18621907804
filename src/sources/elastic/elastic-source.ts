// Which sources hold Elastic queries: detection rules and hunting queries are written on the same
// ECS fields in the same languages, so analyses read both the same way.

import type { SourceName } from '../../ir/index.js';

export function isElasticSource(source: SourceName): boolean {
  return source === 'elastic' || source === 'elastic-hunting';
}
