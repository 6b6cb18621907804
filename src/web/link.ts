// Links on pages: internal paths with encoded rule ids, and external URLs taken from rule text,
// which are linked only when they are plain http(s) addresses.

import type { SourceName } from '../ir/index.js';
import { DEFAULT_PAGE_SIZE } from './request-bounds.js';

export function rulePath(id: string): string {
  return `/rules/${encodeURIComponent(id)}`;
}

/** Where the API serves the rule's complete JSON. */
export function ruleJsonPath(id: string): string {
  return `/api${rulePath(id)}`;
}

/** The page comparing two rules, and with `/api` in front its JSON. */
export function comparePath(a: string, b: string): string {
  return `/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
}

export function sourcePath(source: SourceName, page = 1, pageSize = DEFAULT_PAGE_SIZE): string {
  return withPaging(`/sources/${encodeURIComponent(source)}`, [], page, pageSize);
}

export function searchPath(text: string, page = 1, pageSize = DEFAULT_PAGE_SIZE): string {
  return withPaging('/search', [`q=${encodeURIComponent(text)}`], page, pageSize);
}

/** The path with its query: the given parameters, then page and pageSize unless defaults. */
function withPaging(path: string, params: string[], page: number, pageSize: number): string {
  const query = [
    ...params,
    page === 1 ? '' : `page=${page}`,
    pageSize === DEFAULT_PAGE_SIZE ? '' : `pageSize=${pageSize}`,
  ].filter((p) => p !== '');
  return query.length === 0 ? path : `${path}?${query.join('&')}`;
}

/** The URL when it is safe to put in an href (http or https only), otherwise null. */
export function externalHref(url: string | null): string | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}
