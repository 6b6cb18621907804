// Read-only access to a catalog file: one rule, id resolution, per-source listings, full-text
// search, the build's summary, sources and failures, and the rules by canonical field,
// indicator, event and ATT&CK technique.

import fs from 'node:fs';
import Database from 'better-sqlite3';
import type {
  AnalyzedRule,
  BuildSummary,
  CatalogSource,
  SourceName,
  SourceSummary,
} from '../ir/index.js';
import type { ReadFailure } from '../sources/source-read.js';
import { decodeEntry } from './catalog-entry.js';
import { CatalogError } from './catalog-error.js';
import { EventQueries, type EventDetail, type EventSummary } from './event-queries.js';
import {
  FieldQueries,
  type FieldIndicator,
  type FieldSummary,
  type WrittenField,
} from './field-queries.js';
import { ftsQuery } from './fts-query.js';
import type { IndicatorKey } from './indicator-key.js';
import { IndicatorQueries, type IndicatorDetail } from './indicator-queries.js';
import {
  LISTING_COLUMNS,
  LISTING_ORDER,
  listingOf,
  pageOf,
  window,
  type ListingRow,
  type Page,
  type PageRequest,
  type RuleListing,
  type SourcePageRequest,
} from './rule-listing.js';
import { CATALOG_FORMAT, SCHEMA_VERSION } from './schema.js';
import {
  TechniqueQueries,
  type TechniqueDetail,
  type TechniqueSummary,
} from './technique-queries.js';

export type { EventDetail, EventSummary } from './event-queries.js';
export type { FieldIndicator, FieldSummary, WrittenField } from './field-queries.js';
export type { IndicatorKey } from './indicator-key.js';
export type { IndicatorDetail, IndicatorRule, IndicatorUse } from './indicator-queries.js';
export type { RuleCount } from './rule-count.js';
export type { Page, PageRequest, RuleListing, SourcePageRequest } from './rule-listing.js';
export type { TacticRef, TechniqueDetail, TechniqueSummary } from './technique-queries.js';

/** What a rule reference (catalog id or bare upstream id) names. */
export type Resolution =
  | { kind: 'found'; rule: AnalyzedRule }
  | { kind: 'ambiguous'; candidates: RuleListing[] }
  | { kind: 'unknown' };

export interface Catalog {
  readonly path: string;
  /** The analyzed rule, with `raw` empty: the parsed source document is not kept. */
  rule(id: string): AnalyzedRule | null;
  resolve(ref: string): Resolution;
  list(request: PageRequest & { source?: SourceName }): Page<RuleListing>;
  search(text: string, request: PageRequest): Page<RuleListing>;
  /** Canonical fields rules compare, the most used first. */
  fields(request: PageRequest): Page<FieldSummary>;
  /** null when no rule compares the field. */
  field(name: string): FieldSummary | null;
  /** The names rules write a canonical field with, per source, the most used first. */
  writtenFields(name: string): WrittenField[];
  /** One page of a canonical field's indicators, the most used first. */
  fieldIndicators(name: string, request: PageRequest): Page<FieldIndicator>;
  rulesWithField(name: string, request: SourcePageRequest): Page<RuleListing>;
  /** Canonical fields that rules writing `name` (or `name` in another case) are filed under. */
  fieldsNamedLike(name: string): string[];
  /** The rules with one canonical indicator; null when none has it. */
  indicator(key: IndicatorKey, request: SourcePageRequest): IndicatorDetail | null;
  events(request: PageRequest): Page<EventSummary>;
  /** A covered event (provider in any letter case) and its rules; null when none covers it. */
  event(provider: string, eventId: number, request: SourcePageRequest): EventDetail | null;
  /** Covered events with this id, whatever their provider. */
  eventsWithId(eventId: number): EventSummary[];
  /** Techniques some rule names, alone or through a sub-technique, by id. */
  techniques(request: PageRequest): Page<TechniqueSummary>;
  /** A technique of the ATT&CK data or named by a rule, with its rules; null for other ids. */
  technique(id: string, request: SourcePageRequest): TechniqueDetail | null;
  summary(): BuildSummary;
  sources(): CatalogSource[];
  failures(): ReadFailure[];
  close(): void;
}

export interface OpenOptions {
  /**
   * Run SQLite's quick_check before serving anything, so a file with damaged pages is refused
   * at open rather than failing later request by request (0.1-0.4 s on the 110 MB real one).
   */
  verify?: boolean;
}

export function openCatalog(path: string, options: OpenOptions = {}): Catalog {
  if (!fs.existsSync(path)) throw new CatalogError(path, `no catalog at ${path}: file not found`);
  // SQLite reports a folder only as "disk I/O error"; say what is wrong instead.
  if (fs.statSync(path).isDirectory()) {
    throw new CatalogError(path, `${path} is a folder, not a catalog file (give the file `
      + 'written by `ruledex build`)');
  }

  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new CatalogError(path, `cannot open catalog ${path}: ${messageOf(error)}`);
  }
  try {
    checkFormat(db, path);
    if (options.verify) checkPages(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteCatalog(db, path);
}

function checkFormat(db: Database.Database, path: string): void {
  const notCatalog = `${path} is not a ruledex catalog (build one with \`ruledex build\`)`;
  let rows: { key: string; value: string }[];
  try {
    rows = db.prepare('SELECT key, value FROM catalog_info').all() as typeof rows;
  } catch (error) {
    // A database whose pages are broken (a truncated copy) is damaged, not something else.
    if ((error as { code?: unknown }).code === 'SQLITE_CORRUPT') {
      throw new CatalogError(path, `${path} is a damaged catalog (${(error as Error).message}): `
        + 'rebuild it with `ruledex build`');
    }
    throw new CatalogError(path, notCatalog);
  }

  const info = new Map(rows.map((r) => [r.key, r.value]));
  if (info.get('format') !== CATALOG_FORMAT) throw new CatalogError(path, notCatalog);
  const version = info.get('schema_version');
  if (version !== String(SCHEMA_VERSION)) {
    throw new CatalogError(
      path,
      `${path} was written with catalog schema ${version ?? 'unknown'}, this ruledex reads ` +
        `schema ${SCHEMA_VERSION}: rebuild it with \`ruledex build\``,
    );
  }
}

/** Whether every page of the file is well-formed, as far as SQLite's quick_check can tell. */
// LIMITATION: quick_check verifies the b-tree structure, not what a cell holds — a damaged byte
// inside a stored entry is found only when that rule is read (a CatalogError then, not a crash).
function checkPages(db: Database.Database, path: string): void {
  let problems: string[];
  try {
    const rows = db.pragma('quick_check(3)') as { quick_check: string }[];
    problems = rows.map((row) => row.quick_check);
  } catch (error) {
    // Damage in the pages the check itself needs is reported as an error, not as rows.
    problems = [messageOf(error)];
  }
  if (problems.length === 1 && problems[0] === 'ok') return;
  throw new CatalogError(
    path,
    `${path} is damaged (SQLite quick_check: ${oneLine(problems.join('; '))}): ` +
      'rebuild it with `ruledex build`',
  );
}

class SqliteCatalog implements Catalog {
  private readonly byId: Database.Statement;
  private readonly byUpstreamId: Database.Statement;
  private readonly fieldQueries: FieldQueries;
  private readonly indicatorQueries: IndicatorQueries;
  private readonly eventQueries: EventQueries;
  private readonly techniqueQueries: TechniqueQueries;

  constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {
    this.byId = db.prepare('SELECT entry FROM rules WHERE id = ?');
    this.byUpstreamId = db.prepare(
      `SELECT ${LISTING_COLUMNS} FROM rules r WHERE r.upstream_id = ? ORDER BY r.source, r.id`,
    );
    this.fieldQueries = new FieldQueries(db);
    this.indicatorQueries = new IndicatorQueries(db);
    this.eventQueries = new EventQueries(db);
    this.techniqueQueries = new TechniqueQueries(db);
  }

  rule(id: string): AnalyzedRule | null {
    return this.reading(() => {
      const row = this.byId.get(id) as { entry: string } | undefined;
      return row ? decodeEntry(row.entry) : null;
    });
  }

  resolve(ref: string): Resolution {
    return this.reading(() => {
      const exact = this.rule(ref);
      if (exact) return { kind: 'found', rule: exact };

      const candidates = (this.byUpstreamId.all(ref) as ListingRow[]).map(listingOf);
      if (candidates.length === 0) return { kind: 'unknown' };
      if (candidates.length > 1) return { kind: 'ambiguous', candidates };
      const rule = this.rule(candidates[0].id);
      return rule ? { kind: 'found', rule } : { kind: 'unknown' };
    });
  }

  list(request: PageRequest & { source?: SourceName }): Page<RuleListing> {
    return this.reading(() => {
      const where = request.source === undefined ? '' : 'WHERE r.source = @source';
      const params: Record<string, unknown> =
        request.source === undefined ? {} : { source: request.source };
      const total = this.count(`SELECT count(*) AS n FROM rules r ${where}`, params);
      const rows = this.db
        .prepare(
          `SELECT ${LISTING_COLUMNS} FROM rules r ${where}
           ORDER BY ${LISTING_ORDER} LIMIT @limit OFFSET @offset`,
        )
        .all({ ...params, ...window(request) }) as ListingRow[];
      return pageOf(rows.map(listingOf), request, total);
    });
  }

  search(text: string, request: PageRequest): Page<RuleListing> {
    return this.reading(() => {
      const match = ftsQuery(text);
      if (match === null) return pageOf([], request, 0);

      const matching = 'SELECT count(*) AS n FROM rule_search WHERE rule_search MATCH @match';
      const total = this.count(matching, { match });
      // Current rules before deprecated ones; title hits weigh most, then description, then query.
      const rows = this.db
        .prepare(
          `SELECT ${LISTING_COLUMNS} FROM rule_search s JOIN rules r ON r.seq = s.rowid
           WHERE rule_search MATCH @match
           ORDER BY r.deprecated, bm25(rule_search, 10.0, 4.0, 1.0), r.id
           LIMIT @limit OFFSET @offset`,
        )
        .all({ match, ...window(request) }) as ListingRow[];
      return pageOf(rows.map(listingOf), request, total);
    });
  }

  fields(request: PageRequest): Page<FieldSummary> {
    return this.reading(() => this.fieldQueries.fields(request));
  }

  field(name: string): FieldSummary | null {
    return this.reading(() => this.fieldQueries.field(name));
  }

  writtenFields(name: string): WrittenField[] {
    return this.reading(() => this.fieldQueries.writtenFields(name));
  }

  fieldIndicators(name: string, request: PageRequest): Page<FieldIndicator> {
    return this.reading(() => this.fieldQueries.fieldIndicators(name, request));
  }

  rulesWithField(name: string, request: SourcePageRequest): Page<RuleListing> {
    return this.reading(() => this.fieldQueries.rulesWithField(name, request));
  }

  fieldsNamedLike(name: string): string[] {
    return this.reading(() => [
      ...new Set([
        ...this.fieldQueries.fieldsInOtherCase(name),
        ...this.fieldQueries.canonicalFieldsWritten(name),
      ]),
    ]);
  }

  indicator(key: IndicatorKey, request: SourcePageRequest): IndicatorDetail | null {
    return this.reading(() => this.indicatorQueries.indicator(key, request));
  }

  events(request: PageRequest): Page<EventSummary> {
    return this.reading(() => this.eventQueries.events(request));
  }

  event(provider: string, eventId: number, request: SourcePageRequest): EventDetail | null {
    return this.reading(() => this.eventQueries.event(provider, eventId, request));
  }

  eventsWithId(eventId: number): EventSummary[] {
    return this.reading(() => this.eventQueries.eventsWithId(eventId));
  }

  techniques(request: PageRequest): Page<TechniqueSummary> {
    return this.reading(() => this.techniqueQueries.techniques(request));
  }

  technique(id: string, request: SourcePageRequest): TechniqueDetail | null {
    return this.reading(() => this.techniqueQueries.technique(id, request));
  }

  summary(): BuildSummary {
    return this.reading(() => {
      const build = this.db.prepare('SELECT rules, seconds FROM build_summary').get() as
        | { rules: number; seconds: number }
        | undefined;
      const rows = this.db
        .prepare(
          `SELECT source, files, documents, rules, failed, with_diagnostics, fully_parsed
           FROM source_summaries ORDER BY source`,
        )
        .all() as (Omit<SourceSummary, 'withDiagnostics' | 'fullyParsed'> & {
        source: SourceName;
        with_diagnostics: number;
        fully_parsed: number;
      })[];

      const sources: BuildSummary['sources'] = {};
      for (const r of rows) {
        sources[r.source] = {
          files: r.files,
          documents: r.documents,
          rules: r.rules,
          failed: r.failed,
          withDiagnostics: r.with_diagnostics,
          fullyParsed: r.fully_parsed,
        };
      }
      return { sources, rules: build?.rules ?? 0, seconds: build?.seconds ?? 0 };
    });
  }

  sources(): CatalogSource[] {
    return this.reading(() => {
      const rows = this.db
        .prepare('SELECT source, root, commit_id FROM sources ORDER BY rowid')
        .all() as { source: SourceName; root: string; commit_id: string | null }[];
      return rows.map((r) => ({ source: r.source, root: r.root, commit: r.commit_id }));
    });
  }

  failures(): ReadFailure[] {
    const sql = 'SELECT source, file, line, reason FROM failures ORDER BY source, file, line';
    return this.reading(() => this.db.prepare(sql).all() as ReadFailure[]);
  }

  close(): void {
    this.db.close();
  }

  /**
   * Runs a read, turning SQLite's errors (damaged pages found only now) and unreadable stored
   * JSON into a CatalogError that names the file, for one clear line instead of a stack trace.
   */
  private reading<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof Database.SqliteError) && !(error instanceof SyntaxError)) throw error;
      throw new CatalogError(
        this.path,
        `cannot read catalog ${this.path}: ${oneLine(messageOf(error))} ` +
          '(the file is damaged: rebuild it with `ruledex build`)',
      );
    }
  }

  private count(sql: string, params: Record<string, unknown>): number {
    return (this.db.prepare(sql).get(params) as { n: number }).n;
  }
}

/** SQLite messages are one line; the check's list of problems is joined into one. */
function oneLine(text: string): string {
  return text.replaceAll('\n', ' ');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
