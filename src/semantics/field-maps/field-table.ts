// A mapping table: field names as one vendor or log source writes them, each with the canonical
// field it stands for (an ECS field, or the integration field Elastic keeps it in).

export type FieldTable = Readonly<Record<string, string>>;

/**
 * A log whose nested objects an Elastic integration keeps as they are, under its own prefix:
 * `requestParameters.bucketName` → `aws.cloudtrail.flattened.request_parameters.bucketName`.
 */
export interface PrefixRule {
  /** The written prefix, with its trailing dot. */
  written: string;
  canonical: string;
}

/** The names of one log source: exact names first, then prefixes (longest first). */
export interface FieldMap {
  names: FieldTable;
  prefixes?: readonly PrefixRule[];
}

/** How a vendor compares field names: Sigma ignores case, Splunk and Elastic do not. */
export type NameCase = 'exact' | 'ignore-case';

/** Lower-case name → canonical field, built once per table for lookups that ignore case. */
const caselessIndexes = new WeakMap<FieldTable, Map<string, string>>();

/** The canonical field of a name in a table. */
export function lookupName(
  table: FieldTable,
  field: string,
  nameCase: NameCase,
): string | undefined {
  if (Object.hasOwn(table, field)) return table[field];
  if (nameCase === 'exact') return undefined;
  return caselessIndex(table).get(field.toLowerCase());
}

function caselessIndex(table: FieldTable): Map<string, string> {
  const known = caselessIndexes.get(table);
  if (known) return known;
  const index = new Map<string, string>();
  for (const [name, canonical] of Object.entries(table)) {
    const key = name.toLowerCase();
    if (!index.has(key)) index.set(key, canonical);
  }
  caselessIndexes.set(table, index);
  return index;
}

/** The canonical field of a name in a field map: its own entry, else its longest prefix rule. */
export function lookupField(map: FieldMap, field: string, nameCase: NameCase): string | undefined {
  const named = lookupName(map.names, field, nameCase);
  if (named !== undefined) return named;
  const written = nameCase === 'exact' ? field : field.toLowerCase();
  let best: PrefixRule | undefined;
  for (const rule of map.prefixes ?? []) {
    const prefix = nameCase === 'exact' ? rule.written : rule.written.toLowerCase();
    if (!written.startsWith(prefix) || written.length === prefix.length) continue;
    if (!best || rule.written.length > best.written.length) best = rule;
  }
  if (!best) return undefined;
  return best.canonical + field.slice(best.written.length);
}

/** A field map that is only names. */
export function namesOnly(names: FieldTable): FieldMap {
  return { names };
}
