// Which rule field an ES|QL column stands for: the field itself, a case-folded or converted
// copy of it, or a column an EVAL or RENAME defined from it.

import type { EsqlExpr } from '../../languages/esql/esql-syntax.js';

/** Where an ES|QL column's value comes from, when it is a rule field seen through a function. */
export interface ColumnSource {
  field: string;
  /** Set when the column is `to_lower(field)` or `to_upper(field)`. */
  caseInsensitive: boolean;
}

export type Columns = ReadonlyMap<string, ColumnSource>;

const CASE_FOLDING: ReadonlySet<string> = new Set(['to_lower', 'to_upper']);

/**
 * Conversions that leave a field's value as it is when the field already has the target type,
 * as rules use them (`to_string(user.id)`, `to_ip(source.ip)`, `x::string`).
 */
// LIMITATION: a conversion is assumed not to change the value — `to_string(source.ip) like
// "*::*"` becomes a pattern on source.ip itself.
const CONVERSIONS: ReadonlySet<string> = new Set([
  'to_string', 'to_str', 'to_ip', 'to_double', 'to_dbl', 'to_integer', 'to_int', 'to_long',
]);
const CAST_TYPES: ReadonlySet<string> = new Set([
  'string', 'keyword', 'text', 'ip', 'double', 'integer', 'int', 'long', 'unsigned_long',
]);

/** The rule field an expression reads, directly or through to_lower/to_upper or an alias. */
export function columnOf(expr: EsqlExpr, columns: Columns): ColumnSource | null {
  if (expr.kind === 'field') {
    return columns.get(expr.name) ?? { field: expr.name, caseInsensitive: false };
  }
  if (expr.kind === 'cast' && CAST_TYPES.has(expr.type)) return columnOf(expr.arg, columns);
  if (expr.kind !== 'call' || expr.args.length !== 1) return null;

  if (CONVERSIONS.has(expr.name)) return columnOf(expr.args[0], columns);
  if (!CASE_FOLDING.has(expr.name)) return null;
  const inner = columnOf(expr.args[0], columns);
  return inner === null ? null : { field: inner.field, caseInsensitive: true };
}
