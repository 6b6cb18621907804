// Writes a whole catalog into a new SQLite file beside the target and renames it over the old
// one only once complete, so an interrupted build leaves the previous catalog intact; what
// killed builds left beside it is removed first.

import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { AnalyzedRule, BuildSummary, CatalogSource, SourceSummary } from '../ir/index.js';
import type { ReadFailure } from '../sources/source-read.js';
import { encodeEntry } from './catalog-entry.js';
import { CatalogError } from './catalog-error.js';
import { EventRows } from './event-rows.js';
import { IndicatorRows } from './indicator-rows.js';
import {
  CATALOG_APPLICATION_ID,
  CATALOG_FORMAT,
  SCHEMA_VERSION,
  createIndexes,
  createTables,
} from './schema.js';
import {
  removeStaleTemporaries,
  removeTemporary,
  temporaryFileFor,
} from './temporary-catalog.js';
import { TechniqueRows } from './technique-rows.js';

export interface CatalogContent {
  rules: AnalyzedRule[];
  failures: ReadFailure[];
  summary: BuildSummary;
  sources: CatalogSource[];
}

export function writeCatalog(path: string, content: CatalogContent): void {
  try {
    writeThroughTemporary(path, content);
  } catch (error) {
    throw asWriteError(path, error);
  }
}

function writeThroughTemporary(path: string, content: CatalogContent): void {
  removeStaleTemporaries(path);
  const temporary = temporaryFileFor(path);
  removeTemporary(temporary);

  try {
    const db = new Database(temporary);
    try {
      // The file is not the catalog until renamed, so journaling would only slow the build.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      // Entries are kilobytes of JSON each: larger pages hold them in fewer overflow pages,
      // written with fewer calls.
      db.pragma('page_size = 16384');
      db.pragma(`application_id = ${CATALOG_APPLICATION_ID}`);
      createTables(db);
      db.transaction(() => fill(db, content))();
    } finally {
      db.close();
    }
    flushToDisk(temporary);
    fs.renameSync(temporary, path);
  } catch (error) {
    removeTemporary(temporary);
    throw error;
  }
}

/**
 * What the file system or SQLite refused (a full disk, a path SQLite cannot create its file at)
 * is said in one line naming the catalog; anything else is a bug and keeps its stack.
 */
function asWriteError(path: string, error: unknown): unknown {
  if (!(error instanceof Database.SqliteError) && !isSystemError(error)) return error;
  return new CatalogError(path, `cannot write the catalog ${path}: ${error.message}`);
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

function fill(db: Database.Database, content: CatalogContent): void {
  const info = db.prepare('INSERT INTO catalog_info (key, value) VALUES (?, ?)');
  info.run('format', CATALOG_FORMAT);
  info.run('schema_version', String(SCHEMA_VERSION));
  info.run('written_at', new Date().toISOString());

  // What the field, indicator, event and technique pages read, filled rule by rule and
  // summed up once the indexes exist.
  const ruleIndexes = [new IndicatorRows(db), new EventRows(db), new TechniqueRows(db)];
  const failures = [...content.failures];
  writeRules(db, content.rules, failures, ruleIndexes);
  writeFailures(db, failures);
  writeSummary(db, content.summary);
  writeSources(db, content.sources);
  createIndexes(db);
  for (const index of ruleIndexes) index.finish();
}

/** Rows filed under each stored rule, summed up by `finish` once every rule is in. */
interface RuleIndexRows {
  add(seq: number | bigint, rule: AnalyzedRule): void;
  finish(): void;
}

function writeRules(
  db: Database.Database,
  rules: AnalyzedRule[],
  failures: ReadFailure[],
  ruleIndexes: RuleIndexRows[],
): void {
  const insertRule = db.prepare(`
    INSERT INTO rules (id, source, upstream_id, title, description, query, language, status,
      level, deprecated, fully_parsed, diagnostics, file, line, entry)
    VALUES (@id, @source, @upstreamId, @title, @description, @query, @language, @status,
      @level, @deprecated, @fullyParsed, @diagnostics, @file, @line, @entry)`);
  const storedIn = new Map<string, string>();

  for (const rule of rules) {
    const earlier = storedIn.get(rule.id);
    if (earlier !== undefined) {
      failures.push(duplicateFailure(rule, earlier));
      continue;
    }
    storedIn.set(rule.id, `${rule.file}:${rule.line}`);

    const { lastInsertRowid } = insertRule.run({
      id: rule.id,
      source: rule.source,
      upstreamId: rule.upstreamId,
      title: rule.title,
      description: rule.description,
      query: rule.query,
      language: rule.language,
      status: rule.status ?? null,
      level: rule.level ?? null,
      deprecated: rule.deprecated ? 1 : 0,
      fullyParsed: rule.fullyParsed ? 1 : 0,
      diagnostics: rule.diagnostics.length,
      file: rule.file,
      line: rule.line,
      entry: encodeEntry(rule),
    });
    for (const index of ruleIndexes) index.add(lastInsertRowid, rule);
  }
}

/**
 * Two rules with one catalog id cannot both be stored; the later one is reported, not lost.
 * LIMITATION: the summary is stored as given — when the build passes duplicates, its counts
 * still include them as rules, so listings show fewer rules than the summary says.
 */
function duplicateFailure(rule: AnalyzedRule, earlier: string): ReadFailure {
  return {
    source: rule.source,
    file: rule.file,
    line: rule.line,
    reason: `duplicate catalog id ${rule.id}: already stored from ${earlier}`,
  };
}

function writeFailures(db: Database.Database, failures: ReadFailure[]): void {
  const insert = db.prepare(
    'INSERT INTO failures (source, file, line, reason) VALUES (?, ?, ?, ?)',
  );
  for (const f of failures) insert.run(f.source, f.file, f.line, f.reason);
}

function writeSummary(db: Database.Database, summary: BuildSummary): void {
  db.prepare('INSERT INTO build_summary (rules, seconds) VALUES (?, ?)').run(
    summary.rules,
    summary.seconds,
  );
  const insert = db.prepare(`
    INSERT INTO source_summaries (source, files, documents, rules, failed, with_diagnostics,
      fully_parsed)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const entries = Object.entries(summary.sources) as [string, SourceSummary][];
  for (const [source, s] of entries) {
    insert.run(source, s.files, s.documents, s.rules, s.failed, s.withDiagnostics, s.fullyParsed);
  }
}

function writeSources(db: Database.Database, sources: CatalogSource[]): void {
  const insert = db.prepare('INSERT INTO sources (source, root, commit_id) VALUES (?, ?, ?)');
  for (const s of sources) insert.run(s.source, s.root, s.commit);
}

function flushToDisk(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
