// Builds the catalog of the three public snapshots once per test process, into a temporary file,
// so every corpus test of a file shares one build.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCatalogFile, type BuiltCatalog } from '../../src/build/build-catalog.js';
import { corpusPath } from './corpora.js';

export interface CorpusCatalog {
  built: BuiltCatalog;
  db: string;
  remove(): void;
}

let shared: CorpusCatalog | null = null;

export function corpusCatalog(): CorpusCatalog {
  if (shared) return shared;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ruledex-corpus-'));
  const db = path.join(folder, 'catalog.sqlite');
  const built = buildCatalogFile(
    (['splunk', 'sigma', 'elastic'] as const)
      .map((source) => ({ source, root: corpusPath(source) })),
    db,
  );
  shared = { built, db, remove: () => rmSync(folder, { recursive: true, force: true }) };
  return shared;
}
