// How Elasticsearch indexes a field decides how KQL matches it: keyword fields compare exact
// values case-sensitively, `.caseless` keywords ignore case, text fields match analyzed words,
// ip fields take addresses and CIDR ranges.

// LIMITATION: field types come from the short lists below, not from the ECS schema or the
// integrations' mappings — a text or ip field missing from them is matched as a keyword field
// (case-sensitive, exact), so its predicate may be stricter than Elasticsearch's.

export type FieldType = 'keyword' | 'caseless' | 'text' | 'ip';

/**
 * Text (or match_only_text) fields: ECS `message` and `error.message`, and the PowerShell
 * script block of the Windows integration. Multi-fields named `*.text` are text too.
 */
const TEXT_FIELDS: ReadonlySet<string> = new Set([
  'message',
  'error.message',
  'powershell.file.script_block_text',
]);

export function fieldTypeOf(field: string): FieldType {
  if (TEXT_FIELDS.has(field) || field.endsWith('.text')) return 'text';
  // Elastic Defend's `.caseless` multi-fields are keywords with a lower-case normalizer.
  if (field.endsWith('.caseless')) return 'caseless';
  const lastSegment = field.slice(field.lastIndexOf('.') + 1);
  // ECS ip fields are named `*.ip` or `*_ip` (`source.ip`, `dns.resolved_ip`).
  if (lastSegment === 'ip' || lastSegment.endsWith('_ip')) return 'ip';
  return 'keyword';
}
