// One row of an ES|QL query run on one event: the event's fields as columns, changed by EVAL,
// RENAME, KEEP, DROP and the other commands, and what is uncertain about the row.

import type { EventRecord } from '../event-record.js';
import { flatValues } from './event-values.js';
import { valueOfList, type Computed } from './esql-values.js';

export interface EsqlRow {
  /** The event the row comes from: full-text functions (`KQL()`, `MATCH`) search it. */
  event: EventRecord;
  columns: Map<string, Computed>;
  /** Why a column the row lacks may still have a value (a LOOKUP JOIN added unknown columns). */
  open: string | null;
  /** Why the row may have been dropped by an earlier command (a condition left undecided). */
  uncertain: string | null;
}

export function eventRow(event: EventRecord): EsqlRow {
  const columns = new Map<string, Computed>();
  for (const [name, value] of event.fields) columns.set(name, valueOfList(flatValues(value)));
  return { event, columns, open: null, uncertain: null };
}

/** A column's value: a missing column is null, or unknown when the row is open. */
export function columnOf(row: EsqlRow, name: string): Computed {
  const value = row.columns.get(name);
  if (value !== undefined) return value;
  return row.open === null ? null : { unknown: row.open };
}

export function copyRow(row: EsqlRow): EsqlRow {
  return { ...row, columns: new Map(row.columns) };
}
