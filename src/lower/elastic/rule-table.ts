// Typed reads from a parsed rule's TOML tables, which may hold anything.

export type RuleTable = Record<string, unknown>;

/** The value as a table, or an empty table when it is not one. */
export function tableOf(value: unknown): RuleTable {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return value as RuleTable;
}

/** The value as an array of tables (non-tables read as empty tables), or none. */
export function tablesOf(value: unknown): RuleTable[] {
  return Array.isArray(value) ? value.map(tableOf) : [];
}

/** A string or the strings of an array; anything else gives none. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}
