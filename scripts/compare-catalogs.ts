// Compares two catalog files table by table, to prove that a change to the build (a speed-up)
// changed no output. Usage: tsx scripts/compare-catalogs.ts BEFORE.sqlite AFTER.sqlite
// Exit status 0 when they hold the same catalog, 1 when they differ, 2 on a usage error.

import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';

/** Values that differ between any two builds: when and how fast it ran. */
const VOLATILE: Record<string, (row: Row) => Row> = {
  catalog_info: (row) => (row.key === 'written_at' ? { ...row, value: '' } : row),
  build_summary: (row) => ({ ...row, seconds: 0 }),
};

/** The full-text index is derived from `rules` (compared whole); its own tables are not. */
const DERIVED_TABLE_PREFIX = 'rule_search';

/** Differences printed per table before the rest is only counted. */
const SHOWN = 5;

type Row = Record<string, unknown>;

interface Catalog {
  db: Database.Database;
  /** Rule ids by their row number, so tables keyed by `rule_seq` compare by rule. */
  idOfSeq: Map<unknown, string>;
}

interface TableComparison {
  table: string;
  rows: [number, number];
  differences: string[];
}

function main(): number {
  const [beforePath, afterPath] = process.argv.slice(2);
  if (beforePath === undefined || afterPath === undefined) {
    console.error('usage: tsx scripts/compare-catalogs.ts BEFORE.sqlite AFTER.sqlite');
    return 2;
  }
  const before = openCatalog(beforePath);
  const after = openCatalog(afterPath);
  try {
    const results = [compareRules(before, after), ...compareOtherTables(before, after)];
    return report(results);
  } finally {
    before.db.close();
    after.db.close();
  }
}

function openCatalog(file: string): Catalog {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const idOfSeq = new Map<unknown, string>();
  for (const row of db.prepare('SELECT seq, id FROM rules').all() as Row[]) {
    idOfSeq.set(row.seq, String(row.id));
  }
  return { db, idOfSeq };
}

/** Rules compare by id, column by column; the entry JSON is compared as parsed values. */
function compareRules(before: Catalog, after: Catalog): TableComparison {
  const select = 'SELECT * FROM rules ORDER BY seq';
  const beforeRows = before.db.prepare(select).all() as Row[];
  const afterRows = after.db.prepare(select).all() as Row[];
  const differences: string[] = [];

  const beforeOrder = beforeRows.map((row) => String(row.id));
  const afterOrder = afterRows.map((row) => String(row.id));
  const firstMoved = beforeOrder.findIndex((id, at) => afterOrder[at] !== id);
  if (firstMoved >= 0 || beforeOrder.length !== afterOrder.length) {
    const at = firstMoved >= 0 ? firstMoved : Math.min(beforeOrder.length, afterOrder.length);
    const ids = `${beforeOrder[at]} / ${afterOrder[at]}`;
    differences.push(`rule order differs from row ${at + 1} (${ids})`);
  }

  const afterById = new Map(afterRows.map((row) => [String(row.id), row]));
  for (const row of beforeRows) {
    const id = String(row.id);
    const other = afterById.get(id);
    afterById.delete(id);
    if (other === undefined) {
      differences.push(`${id}: only in the first catalog`);
      continue;
    }
    for (const column of Object.keys(row)) {
      if (column === 'seq') continue;
      const difference = column === 'entry'
        ? jsonDifference(JSON.parse(String(row.entry)), JSON.parse(String(other.entry)), 'entry')
        : columnDifference(column, row[column], other[column]);
      if (difference !== null) differences.push(`${id}: ${difference}`);
    }
  }
  for (const id of afterById.keys()) differences.push(`${id}: only in the second catalog`);
  return { table: 'rules', rows: [beforeRows.length, afterRows.length], differences };
}

function columnDifference(column: string, a: unknown, b: unknown): string | null {
  return a === b ? null : `${column}: ${show(a)} / ${show(b)}`;
}

/** Every other table, as ordered lists of rows with `rule_seq` replaced by the rule's id. */
function compareOtherTables(before: Catalog, after: Catalog): TableComparison[] {
  const beforeTables = tablesOf(before.db);
  const afterTables = tablesOf(after.db);
  const results: TableComparison[] = [];
  for (const table of [...new Set([...beforeTables, ...afterTables])].sort()) {
    if (table === 'rules') continue;
    if (!beforeTables.includes(table) || !afterTables.includes(table)) {
      const where = beforeTables.includes(table) ? 'first' : 'second';
      results.push({ table, rows: [0, 0], differences: [`only in the ${where} catalog`] });
      continue;
    }
    results.push(compareTable(table, before, after));
  }
  return results;
}

function tablesOf(db: Database.Database): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Row[];
  return rows
    .map((row) => String(row.name))
    .filter((name) => !name.startsWith('sqlite_') && !name.startsWith(DERIVED_TABLE_PREFIX));
}

function compareTable(table: string, before: Catalog, after: Catalog): TableComparison {
  const beforeRows = rowTexts(table, before);
  const afterRows = rowTexts(table, after);
  const rows: [number, number] = [beforeRows.length, afterRows.length];
  const firstMoved = beforeRows.findIndex((row, at) => afterRows[at] !== row);
  if (firstMoved < 0 && beforeRows.length === afterRows.length) {
    return { table, rows, differences: [] };
  }

  const differences: string[] = [];
  const remaining = new Map<string, number>();
  for (const row of afterRows) remaining.set(row, (remaining.get(row) ?? 0) + 1);
  for (const row of beforeRows) {
    const count = remaining.get(row) ?? 0;
    if (count === 0) differences.push(`only in the first: ${row}`);
    else remaining.set(row, count - 1);
  }
  for (const [row, count] of remaining) {
    for (let n = 0; n < count; n++) differences.push(`only in the second: ${row}`);
  }
  if (differences.length === 0) {
    differences.push(`same rows in another order from row ${firstMoved + 1}`);
  }
  return { table, rows, differences };
}

/**
 * Rows in stored order (key order for tables without row ids), as JSON text, with volatile
 * values blanked and rule rows named.
 */
function rowTexts(table: string, catalog: Catalog): string[] {
  const order = hasRowIds(catalog.db, table) ? ' ORDER BY rowid' : '';
  const rows = catalog.db.prepare(`SELECT * FROM "${table}"${order}`).all() as Row[];
  const stable = VOLATILE[table] ?? ((row: Row) => row);
  return rows.map((row) => {
    const named = 'rule_seq' in row ? { ...row, rule_seq: catalog.idOfSeq.get(row.rule_seq) } : row;
    return JSON.stringify(stable(named));
  });
}

function hasRowIds(db: Database.Database, table: string): boolean {
  const row = db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as Row;
  return !/WITHOUT\s+ROWID/i.test(String(row.sql));
}

/** The path of the first difference between two JSON values, with both values; null if equal. */
function jsonDifference(a: unknown, b: unknown, at: string): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}: ${a.length} items / ${b.length} items`;
    for (let i = 0; i < a.length; i++) {
      const difference = jsonDifference(a[i], b[i], `${at}[${i}]`);
      if (difference !== null) return difference;
    }
  }
  if (isObject(a) && isObject(b)) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.join() !== keysB.join()) return `${at}: keys ${keysA.join()} / ${keysB.join()}`;
    for (const key of keysA) {
      const difference = jsonDifference(a[key], b[key], `${at}.${key}`);
      if (difference !== null) return difference;
    }
  }
  return `${at}: ${show(a)} / ${show(b)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function report(results: TableComparison[]): number {
  let differing = 0;
  for (const { table, rows, differences } of results) {
    const verdict = differences.length === 0 ? 'same' : `${differences.length} differences`;
    const counts = `${String(rows[0]).padStart(7)} ${String(rows[1]).padStart(7)} rows`;
    console.log(`${table.padEnd(22)} ${counts}  ${verdict}`);
    for (const difference of differences.slice(0, SHOWN)) console.log(`    ${difference}`);
    if (differences.length > SHOWN) console.log(`    … and ${differences.length - SHOWN} more`);
    if (differences.length > 0) differing++;
  }
  console.log(differing === 0 ? 'the catalogs are the same' : `${differing} tables differ`);
  return differing === 0 ? 0 : 1;
}

process.exitCode = main();
