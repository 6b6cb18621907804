// What decides how a rule's field names map to ECS: its source, and for Sigma its log source
// (the same `Image` is a process path in process_creation and a loaded module's host in
// image_load), for Splunk the data model a field is prefixed with.

import type { Rule } from '../ir/index.js';

export interface FieldContext {
  source: Rule['source'];
  /** Sigma log source attributes as written (`product`, `category`, `service`), lower case. */
  logsource: Record<string, string>;
}

export function fieldContextOf(rule: Rule): FieldContext {
  const stage = rule.pipeline.find((s) => s.command === 'logsource');
  const logsource: Record<string, string> = {};
  for (const [name, value] of Object.entries(stage?.args ?? {})) {
    if (typeof value === 'string') logsource[name] = value.toLowerCase();
  }
  return { source: rule.source, logsource };
}
