// Limits on the parameters that name a canonical field, an indicator, an event or an ATT&CK
// technique in a request; anything outside them is a BadRequest (status 400).

import type { Op, Scalar, SourceName } from '../../ir/index.js';
import type { IndicatorKey } from '../../store/catalog.js';
import { BadRequest } from '../request-bounds.js';
import { isSourceName, SOURCE_NAMES } from '../source-names.js';

/** Longer than any field name of the real corpora (the longest has under 100 characters). */
export const MAX_FIELD_LENGTH = 300;
/** Longer than any indicator value of the real corpora (the longest has under 1,000). */
export const MAX_VALUE_LENGTH = 2000;
export const MAX_PROVIDER_LENGTH = 200;
/** `T1059.001` and ids a rule may misspell a little. */
export const MAX_TECHNIQUE_LENGTH = 20;
export const MAX_EVENT_ID = 65535;

/** Every operator of the IR: an op outside it names no indicator. */
const OPS: Record<Op, true> = {
  eq: true,
  ne: true,
  contains: true,
  startswith: true,
  endswith: true,
  wildcard: true,
  regex: true,
  lt: true,
  le: true,
  gt: true,
  ge: true,
  cidr: true,
  exists: true,
  in: true,
  fieldref: true,
  placeholder: true,
};

/** How a non-string value is written in a link: `type=number|boolean|null`. */
export type ValueType = 'number' | 'boolean' | 'null';

export function fieldName(text: string): string {
  return bounded('a field name', text, MAX_FIELD_LENGTH);
}

export function indicatorOp(text: string): Op {
  if (!Object.hasOwn(OPS, text)) {
    throw new BadRequest(`${text.slice(0, 20)} is not an operator: use one of ${opList()}`);
  }
  return text as Op;
}

/**
 * The value of an indicator link: the text as a string, or as the `type` says; absent with
 * neither (an indicator without a value, such as `exists`).
 */
export function indicatorValue(
  text: string | undefined,
  type: string | undefined,
): Scalar | undefined {
  if (text !== undefined && text.length > MAX_VALUE_LENGTH) {
    throw new BadRequest(`value is longer than ${MAX_VALUE_LENGTH} characters`);
  }
  switch (type) {
    case undefined:
    case '':
      return text;
    case 'null':
      return null;
    case 'number': {
      const number = Number(text);
      if (text === undefined || text.trim() === '' || !Number.isFinite(number)) {
        throw new BadRequest('value must be a number when type is number');
      }
      return number;
    }
    case 'boolean':
      if (text === 'true' || text === 'false') return text === 'true';
      throw new BadRequest('value must be true or false when type is boolean');
    default:
      throw new BadRequest('type is number, boolean or null (a string when absent)');
  }
}

export function providerName(text: string): string {
  return bounded('a provider name', text, MAX_PROVIDER_LENGTH);
}

export function eventId(text: string): number {
  const digits = text.length <= 5 && text !== '' && [...text].every((c) => c >= '0' && c <= '9');
  const id = digits ? Number(text) : NaN;
  if (!Number.isInteger(id) || id > MAX_EVENT_ID) {
    throw new BadRequest(`an event id is a whole number from 0 to ${MAX_EVENT_ID}`);
  }
  return id;
}

export function techniqueId(text: string): string {
  return bounded('a technique id', text.trim(), MAX_TECHNIQUE_LENGTH).toUpperCase();
}

/** The `source` a list keeps to; undefined for every source. */
export function sourceFilter(text: string | undefined): SourceName | undefined {
  if (text === undefined || text === '') return undefined;
  if (!isSourceName(text)) {
    throw new BadRequest(`source is one of ${Object.keys(SOURCE_NAMES).join(', ')}`);
  }
  return text;
}

function bounded(what: string, text: string, max: number): string {
  if (text.length === 0 || text.length > max) {
    throw new BadRequest(`${what} has 1 to ${max} characters`);
  }
  return text;
}

function opList(): string {
  return Object.keys(OPS).join(', ');
}

/** The indicator a link names: canonical field and operator in the path, value in the query. */
export function indicatorKey(
  field: string,
  op: string,
  value: string | undefined,
  type: string | undefined,
): IndicatorKey {
  const parsed = indicatorValue(value, type);
  const key = { canonicalField: fieldName(field), op: indicatorOp(op) };
  return parsed === undefined ? key : { ...key, value: parsed };
}
