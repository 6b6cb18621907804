// Links on pages: internal paths with encoded rule ids, and external URLs taken from rule text,
// which are linked only when they are plain http(s) addresses.

import type { SourceName } from '../ir/index.js';

export function rulePath(id: string): string {
  return `/rules/${encodeURIComponent(id)}`;
}

export function sourcePath(source: SourceName, page = 1): string {
  const path = `/sources/${encodeURIComponent(source)}`;
  return page === 1 ? path : `${path}?page=${page}`;
}

export function searchPath(text: string, page = 1): string {
  const query = `q=${encodeURIComponent(text)}`;
  return page === 1 ? `/search?${query}` : `/search?${query}&page=${page}`;
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
