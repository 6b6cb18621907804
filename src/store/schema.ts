// The SQLite layout of a catalog file: one row per rule with the columns lists and search need,
// the full entry as JSON, and tables for the build's summary, sources, failures and indicators.

import type Database from 'better-sqlite3';

/** Written into `catalog_info` so a reader can tell a catalog from any other SQLite file. */
export const CATALOG_FORMAT = 'ruledex-catalog';

/** Bumped whenever a table or column changes; readers refuse other versions. */
export const SCHEMA_VERSION = 1;

const TABLES = `
CREATE TABLE catalog_info (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE build_summary (
  rules   INTEGER NOT NULL,
  seconds REAL NOT NULL
);

CREATE TABLE source_summaries (
  source           TEXT PRIMARY KEY,
  files            INTEGER NOT NULL,
  documents        INTEGER NOT NULL,
  rules            INTEGER NOT NULL,
  failed           INTEGER NOT NULL,
  with_diagnostics INTEGER NOT NULL,
  fully_parsed     INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sources (
  source TEXT NOT NULL,
  root   TEXT NOT NULL,
  commit_id TEXT
);

CREATE TABLE failures (
  source TEXT NOT NULL,
  file   TEXT NOT NULL,
  line   INTEGER NOT NULL,
  reason TEXT NOT NULL
);

CREATE TABLE rules (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  source       TEXT NOT NULL,
  upstream_id  TEXT NOT NULL,
  title        TEXT NOT NULL,
  description  TEXT NOT NULL,
  query        TEXT NOT NULL,
  language     TEXT NOT NULL,
  status       TEXT,
  level        TEXT,
  deprecated   INTEGER NOT NULL,
  fully_parsed INTEGER NOT NULL,
  diagnostics  INTEGER NOT NULL,
  file         TEXT NOT NULL,
  line         INTEGER NOT NULL,
  entry        TEXT NOT NULL
);

-- Indicator values are stored as JSON scalars so 4104 and "4104" stay distinct.
CREATE TABLE indicators (
  rule_seq        INTEGER NOT NULL,
  field           TEXT NOT NULL,
  canonical_field TEXT NOT NULL,
  op              TEXT NOT NULL,
  negated         INTEGER NOT NULL,
  case_sensitive  INTEGER NOT NULL,
  value           TEXT NOT NULL
);

CREATE VIRTUAL TABLE rule_search USING fts5(
  title, description, query,
  content = 'rules', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
`;

// Indexes are created after the bulk insert: building them once is faster than keeping them
// up to date row by row.
const INDEXES = `
CREATE INDEX rules_by_upstream_id ON rules (upstream_id);
CREATE INDEX rules_by_source_title ON rules (source, title COLLATE NOCASE, id);
CREATE INDEX indicators_by_value ON indicators (canonical_field, op, value);
CREATE INDEX indicators_by_rule ON indicators (rule_seq);
`;

export function createTables(db: Database.Database): void {
  db.exec(TABLES);
}

export function createIndexes(db: Database.Database): void {
  db.exec(INDEXES);
  db.exec(`INSERT INTO rule_search (rule_search) VALUES ('rebuild')`);
}
