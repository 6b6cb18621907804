// The SQLite layout of a catalog file: one row per rule with the columns lists and search need,
// the full entry as JSON, tables for the build's summary, sources and failures, and the indexes
// of rules by indicator, canonical field, event and ATT&CK technique the browsing pages read.

import type Database from 'better-sqlite3';

/** Written into `catalog_info` so a reader can tell a catalog from any other SQLite file. */
export const CATALOG_FORMAT = 'ruledex-catalog';

/**
 * SQLite's application id of a catalog file (the header's bytes 68-71, "rdx1"): it says what the
 * file is even when the file is too damaged to read any table.
 */
export const CATALOG_APPLICATION_ID = 0x72647831;

/** Bumped whenever a table or column changes; readers refuse other versions. */
export const SCHEMA_VERSION = 2;

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

-- One row per indicator value of a rule: the key the indicator pages group by (see
-- indicator-key.ts), whether the rule excludes the value, and the value as a JSON scalar (NULL
-- for an indicator without a value, a field that must exist). How the rule writes it is read
-- from the rule's entry.
CREATE TABLE indicators (
  rule_seq        INTEGER NOT NULL,
  canonical_field TEXT NOT NULL,
  key_op          TEXT NOT NULL,
  key_value       TEXT NOT NULL,
  negated         INTEGER NOT NULL,
  value           TEXT
);

-- Per canonical field: the rules comparing it (by_source: JSON of rules per source) and how
-- many distinct indicators (key_op, key_value) it has.
CREATE TABLE canonical_fields (
  field      TEXT PRIMARY KEY,
  rules      INTEGER NOT NULL,
  by_source  TEXT NOT NULL,
  indicators INTEGER NOT NULL
) WITHOUT ROWID;

-- Per canonical field, the names each source writes it with and the rules writing each.
CREATE TABLE written_fields (
  canonical_field TEXT NOT NULL,
  source          TEXT NOT NULL,
  field           TEXT NOT NULL,
  rules           INTEGER NOT NULL,
  PRIMARY KEY (canonical_field, source, field)
) WITHOUT ROWID;

-- The events each rule covers, and per event its title and the rules covering it.
CREATE TABLE rule_events (
  rule_seq INTEGER NOT NULL,
  provider TEXT NOT NULL,
  event_id INTEGER NOT NULL
);

CREATE TABLE events (
  provider  TEXT NOT NULL,
  event_id  INTEGER NOT NULL,
  title     TEXT,
  rules     INTEGER NOT NULL,
  by_source TEXT NOT NULL,
  PRIMARY KEY (provider, event_id)
) WITHOUT ROWID;

-- The ATT&CK techniques each rule names, and every technique of the compiled ATT&CK data (plus
-- the unknown ids rules name) with its tactics (JSON) and the rules naming it, alone and
-- together with its sub-techniques.
CREATE TABLE rule_techniques (
  rule_seq  INTEGER NOT NULL,
  technique TEXT NOT NULL
);

CREATE TABLE techniques (
  id                           TEXT PRIMARY KEY,
  parent                       TEXT,
  name                         TEXT,
  known                        INTEGER NOT NULL,
  tactics                      TEXT NOT NULL,
  rules                        INTEGER NOT NULL,
  by_source                    TEXT NOT NULL,
  with_subtechniques           INTEGER NOT NULL,
  with_subtechniques_by_source TEXT NOT NULL
) WITHOUT ROWID;

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
CREATE INDEX indicators_by_key ON indicators (canonical_field, key_op, key_value, rule_seq);
CREATE INDEX rule_events_by_event ON rule_events (provider, event_id, rule_seq);
CREATE INDEX rule_techniques_by_technique ON rule_techniques (technique, rule_seq);
`;

export function createTables(db: Database.Database): void {
  db.exec(TABLES);
}

export function createIndexes(db: Database.Database): void {
  db.exec(INDEXES);
  db.exec(`INSERT INTO rule_search (rule_search) VALUES ('rebuild')`);
}
