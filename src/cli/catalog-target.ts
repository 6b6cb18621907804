// Checks, before any work, that a build may write its catalog at the path the user gave.

import Database from 'better-sqlite3';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  openSync,
  readSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { CATALOG_APPLICATION_ID, CATALOG_FORMAT } from '../store/schema.js';
import { UsageError } from './usage-error.js';

/**
 * The catalog file's folder must exist and be writable, and a file already there must be a
 * ruledex catalog: a build replaces it, and must not replace anything else.
 */
export function checkCatalogTarget(dbPath: string): void {
  const folder = path.dirname(dbPath);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`cannot write the catalog ${dbPath}: folder ${folder} does not exist`);
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`cannot write the catalog ${dbPath}: folder ${folder} is not writable`);
  }
  if (!existsSync(dbPath)) return;
  if (statSync(dbPath).isDirectory()) {
    throw new UsageError(`cannot write the catalog ${dbPath}: it is a folder`);
  }
  if (!isRuledexCatalog(dbPath)) {
    throw new UsageError(
      `refusing to replace ${dbPath}: it is not a ruledex catalog; `
        + 'remove it or choose another --db',
    );
  }
}

/**
 * Whether the file says it is a ruledex catalog, of any schema version and however damaged: a
 * build may replace an old or damaged catalog, but nothing else. The SQLite header's application
 * id says so even when no table can be read (a truncated copy); catalogs written before it was
 * set say so in `catalog_info`.
 */
function isRuledexCatalog(dbPath: string): boolean {
  // Only a regular file is opened: opening a FIFO would wait for a writer.
  if (!statSync(dbPath).isFile()) return false;
  return hasCatalogApplicationId(dbPath) || saysCatalogInInfo(dbPath);
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const APPLICATION_ID_OFFSET = 68;

function hasCatalogApplicationId(dbPath: string): boolean {
  const header = Buffer.alloc(100);
  let read: number;
  const fd = openSync(dbPath, 'r');
  try {
    read = readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read < header.length) return false;
  if (header.toString('latin1', 0, SQLITE_MAGIC.length) !== SQLITE_MAGIC) return false;
  return header.readUInt32BE(APPLICATION_ID_OFFSET) === CATALOG_APPLICATION_ID;
}

function saysCatalogInInfo(dbPath: string): boolean {
  let db: Database.Database;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
  } catch {
    return false;
  }
  try {
    const row = db.prepare("SELECT value FROM catalog_info WHERE key = 'format'").get() as
      | { value: unknown }
      | undefined;
    return row?.value === CATALOG_FORMAT;
  } catch {
    return false;
  } finally {
    db.close();
  }
}
