// Limits on everything the server accepts from a request; anything outside them is a
// BadRequest, answered with status 400 before the catalog is touched.

import { MAX_CATALOG_ID_LENGTH } from '../lower/finish-rule.js';
import type { PageRequest } from '../store/catalog.js';
import { withoutControls } from '../store/fts-query.js';

export const MAX_SEARCH_LENGTH = 200;
export const MAX_PAGE = 10_000;
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
/** A rule reference is a catalog id: no longer than the build lets one be. */
export const MAX_RULE_REF_LENGTH = MAX_CATALOG_ID_LENGTH;

export class BadRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadRequest';
  }
}

export function pageRequest(page: string | undefined, pageSize: string | undefined): PageRequest {
  return {
    page: boundedInteger('page', page, 1, MAX_PAGE, 1),
    pageSize: boundedInteger('pageSize', pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
  };
}

/**
 * The search text, trimmed, with control characters (a NUL byte, say) as spaces; an absent `q`
 * is an empty search.
 */
export function searchText(q: string | undefined): string {
  const text = withoutControls(q ?? '').trim();
  if (text.length > MAX_SEARCH_LENGTH) {
    throw new BadRequest(`q is longer than ${MAX_SEARCH_LENGTH} characters`);
  }
  return text;
}

export function ruleRef(ref: string): string {
  if (ref.length === 0 || ref.length > MAX_RULE_REF_LENGTH) {
    throw new BadRequest(`a rule id has 1 to ${MAX_RULE_REF_LENGTH} characters`);
  }
  return ref;
}

function boundedInteger(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
  fallback: number,
): number {
  if (text === undefined || text === '') return fallback;
  const digitsOnly = text.length <= 6 && [...text].every((ch) => ch >= '0' && ch <= '9');
  const value = digitsOnly ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadRequest(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}
