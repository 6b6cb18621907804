// Field values as SPL sees them: text or numbers, one value or several (multivalue fields),
// absent (null), or unknown to the matcher (a lookup's output, a regex RE2 cannot run).

import type { EventValue } from '../event-record.js';

export type FieldScalar = string | number;

export type FieldValue = FieldScalar | FieldScalar[];

/** A value the matcher cannot know, with the reason shown when a verdict depends on it. */
export interface Unknown {
  unknown: string;
  /** True when the field surely has some value (Splunk's `host`), only which one is unknown. */
  present?: boolean;
}

export type FieldReading = FieldValue | Unknown | null;

export function isUnknown(value: unknown): value is Unknown {
  return typeof value === 'object' && value !== null && 'unknown' in value;
}

/** An event's value as SPL fields hold it: booleans as text, empty lists absent. */
export function fieldValueOf(value: EventValue): FieldValue | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return String(value);
  if (!Array.isArray(value)) return value;
  const flat: FieldScalar[] = [];
  for (const item of value) {
    const inner = fieldValueOf(item);
    if (inner === null) continue;
    if (Array.isArray(inner)) flat.push(...inner);
    else flat.push(inner);
  }
  if (flat.length === 0) return null;
  return flat.length === 1 ? flat[0] : flat;
}

/** Every value of a field, one for a single-valued field. */
export function valuesOf(value: FieldValue): FieldScalar[] {
  return Array.isArray(value) ? value : [value];
}

export function textOf(value: FieldScalar): string {
  return typeof value === 'number' ? numberText(value) : value;
}

/** Numbers the way SPL writes them: integers without a decimal point. */
function numberText(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}

/**
 * The number a value stands for, or null: numbers, and text that is wholly a decimal
 * number (`12`, `-3.5`, `1e3`); hex, spaces or units make it text.
 */
export function numberOf(value: FieldScalar): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return isDecimal(value) ? Number(value) : null;
}

function isDecimal(text: string): boolean {
  let i = text[0] === '-' || text[0] === '+' ? 1 : 0;
  const digitsStart = i;
  while (isDigit(text[i])) i += 1;
  let digits = i - digitsStart;
  if (text[i] === '.') {
    i += 1;
    const fractionStart = i;
    while (isDigit(text[i])) i += 1;
    digits += i - fractionStart;
  }
  if (digits === 0) return false;
  if (text[i] === 'e' || text[i] === 'E') {
    i += 1;
    if (text[i] === '-' || text[i] === '+') i += 1;
    const exponentStart = i;
    while (isDigit(text[i])) i += 1;
    if (i === exponentStart) return false;
  }
  return i === text.length;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
