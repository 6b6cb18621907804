// What listings show of a rule, read from the `rules` table, and the paging every list shares.

import type Database from 'better-sqlite3';
import type { SourceName } from '../ir/index.js';

/** What listings and search results show of a rule. */
export interface RuleListing {
  id: string;
  upstreamId: string;
  source: SourceName;
  title: string;
  status: string | null;
  level: string | null;
  language: string;
  deprecated: boolean;
  fullyParsed: boolean;
}

export interface PageRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  /** Items over all pages. */
  total: number;
}

/** A `rules` row as selected by `LISTING_COLUMNS`. */
export interface ListingRow {
  id: string;
  upstream_id: string;
  source: SourceName;
  title: string;
  status: string | null;
  level: string | null;
  language: string;
  deprecated: number;
  fully_parsed: number;
}

export const LISTING_COLUMNS = `r.id, r.upstream_id, r.source, r.title, r.status, r.level,
  r.language, r.deprecated, r.fully_parsed`;
export const LISTING_ORDER = 'r.title COLLATE NOCASE, r.id';

/** Sources in the order pages list them; a source not named here sorts last. */
const SOURCE_ORDER: readonly SourceName[] = ['splunk', 'sigma', 'elastic', 'elastic-hunting'];

/** Rules grouped by source (in `SOURCE_ORDER`), then by title, for lists shown per source. */
export const BY_SOURCE_ORDER = `CASE r.source ${SOURCE_ORDER.map(
  (source, i) => `WHEN '${source}' THEN ${i}`,
).join(' ')} ELSE ${SOURCE_ORDER.length} END, ${LISTING_ORDER}`;

export function sourceRank(source: SourceName): number {
  const rank = SOURCE_ORDER.indexOf(source);
  return rank < 0 ? SOURCE_ORDER.length : rank;
}

/** LIMIT and OFFSET parameters of a page. */
export function window(request: PageRequest): { limit: number; offset: number } {
  const { page, pageSize } = normalized(request);
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

/** Pages start at 1 and hold at least one item, whatever a caller passes. */
export function normalized(request: PageRequest): PageRequest {
  const whole = (n: number) => (Number.isFinite(n) ? Math.max(1, Math.trunc(n)) : 1);
  return { page: whole(request.page), pageSize: whole(request.pageSize) };
}

export function pageOf<T>(items: T[], request: PageRequest, total: number): Page<T> {
  return { items, ...normalized(request), total };
}

export function listingOf(row: ListingRow): RuleListing {
  return {
    id: row.id,
    upstreamId: row.upstream_id,
    source: row.source,
    title: row.title,
    status: row.status,
    level: row.level,
    language: row.language,
    deprecated: row.deprecated === 1,
    fullyParsed: row.fully_parsed === 1,
  };
}

/** A page request that may keep to one source. */
export interface SourcePageRequest extends PageRequest {
  source?: SourceName;
}

/**
 * One page of the rules whose `seq` the `matching` query selects (with its named `params`),
 * grouped by source and then by title, or of one source's when the request names it.
 */
export function listRules(
  db: Database.Database,
  matching: string,
  params: Record<string, unknown>,
  request: SourcePageRequest,
): Page<RuleListing> {
  const bySource = request.source === undefined ? '' : 'AND r.source = @source';
  const all = { ...params, ...(request.source === undefined ? {} : { source: request.source }) };
  const selected = `FROM rules r WHERE r.seq IN (${matching}) ${bySource}`;
  const { n } = db.prepare(`SELECT count(*) AS n ${selected}`).get(all) as { n: number };
  const rows = db
    .prepare(
      `SELECT ${LISTING_COLUMNS} ${selected} ORDER BY ${BY_SOURCE_ORDER}
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...all, ...window(request) }) as ListingRow[];
  return pageOf(rows.map(listingOf), request, n);
}
