// Reading an event's fields as Elasticsearch queries see them: every value of a multi-valued
// field, and each value's text as a keyword field would have indexed it.

import type { EventRecord, EventValue } from '../event-record.js';

export type EventScalar = string | number | boolean;

/** The field's non-null values, nested lists flattened; none when the field is missing. */
export function valuesOf(event: EventRecord, field: string): EventScalar[] {
  return flatValues(event.fields.get(field));
}

export function flatValues(value: EventValue | undefined): EventScalar[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [value];
  return value.flatMap((item) => flatValues(item));
}

/** A value as a keyword field indexes it: numbers and booleans by their JSON text. */
export function keywordText(value: EventScalar): string {
  return typeof value === 'string' ? value : String(value);
}

/** A number from a number or from text that is one; null otherwise. */
export function numberOf(value: EventScalar): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return null;
  const text = value.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  return Number(text);
}

/** `true`/`false`, or their text, as Elasticsearch's boolean type accepts them. */
export function booleanOf(value: EventScalar): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}

/** Milliseconds since the epoch of an ISO-8601 date or a number of milliseconds; null else. */
export function dateOf(value: EventScalar): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}
