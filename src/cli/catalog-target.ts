// Checks, before any work, that a build may write its catalog at the path the user gave.

import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { CatalogError } from '../store/catalog-error.js';
import { openCatalog } from '../store/catalog.js';
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
  try {
    openCatalog(dbPath).close();
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    throw new UsageError(
      `refusing to replace ${dbPath}: it is not a ruledex catalog (${error.message}); `
        + 'remove it or choose another --db',
    );
  }
}
