// Paths of the pages per canonical field, indicator, event and ATT&CK technique, and of their
// indexes; the API serves the same data under `/api` + the same path.

import type { Indicator, IndicatorValue, Op, Scalar, SourceName } from '../../ir/index.js';
import { DEFAULT_PAGE_SIZE } from '../request-bounds.js';
import { MAX_FIELD_LENGTH, MAX_VALUE_LENGTH, type ValueType } from './key-params.js';

/** Paging of a list, and the one source it keeps to. */
export interface ListPlace {
  page?: number;
  pageSize?: number;
  source?: SourceName;
}

export function fieldsPath(place: ListPlace = {}): string {
  return withQuery('/fields', [], place);
}

export function fieldPath(field: string, place: ListPlace = {}): string {
  return withQuery(`/fields/${encodeURIComponent(field)}`, [], place);
}

export function fieldRulesPath(field: string, place: ListPlace = {}): string {
  return withQuery(`/fields/${encodeURIComponent(field)}/rules`, [], place);
}

/** `value` absent for an indicator without a value. */
export function indicatorPath(
  canonicalField: string,
  op: Op,
  value?: Scalar,
  place: ListPlace = {},
): string {
  const path = `/indicators/${encodeURIComponent(canonicalField)}/${encodeURIComponent(op)}`;
  return withQuery(path, valueParams(value), place);
}

/**
 * The page of the canonical indicator a rule's indicator value counts under; null when its field
 * or value is longer than a link may carry.
 */
export function indicatorValuePath(indicator: Indicator, value: IndicatorValue): string | null {
  const shared = value.canonical === undefined ? value.value : value.canonical;
  if (indicator.canonicalField.length > MAX_FIELD_LENGTH) return null;
  if (typeof shared === 'string' && shared.length > MAX_VALUE_LENGTH) return null;
  return indicatorPath(indicator.canonicalField, indicator.canonicalOp ?? indicator.op, shared);
}

export function eventsPath(place: ListPlace = {}): string {
  return withQuery('/events', [], place);
}

export function eventPath(provider: string, eventId: number, place: ListPlace = {}): string {
  return withQuery(`/events/${encodeURIComponent(provider)}/${eventId}`, [], place);
}

export function techniquesPath(place: ListPlace = {}): string {
  return withQuery('/techniques', [], place);
}

export function techniquePath(id: string, place: ListPlace = {}): string {
  return withQuery(`/techniques/${encodeURIComponent(id)}`, [], place);
}

/** A string value as it is; other scalars with their type, so 4104 and "4104" stay apart. */
function valueParams(value: Scalar | undefined): string[] {
  if (value === undefined) return [];
  const type: ValueType | null =
    value === null ? 'null' : typeof value === 'string' ? null : (typeof value as ValueType);
  const text = value === null ? [] : [`value=${encodeURIComponent(String(value))}`];
  return type === null ? text : [...text, `type=${type}`];
}

/** The path with its query: the given parameters, then source, page and pageSize if not default. */
function withQuery(path: string, params: string[], place: ListPlace): string {
  const { source, page = 1, pageSize = DEFAULT_PAGE_SIZE } = place;
  const query = [
    ...params,
    source === undefined ? '' : `source=${encodeURIComponent(source)}`,
    page === 1 ? '' : `page=${page}`,
    pageSize === DEFAULT_PAGE_SIZE ? '' : `pageSize=${pageSize}`,
  ].filter((p) => p !== '');
  return query.length === 0 ? path : `${path}?${query.join('&')}`;
}
