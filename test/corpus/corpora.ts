// Where the real rule repositories are, for corpus tests: ../shared/corpora beside the repo.
// Missing corpora skip the tests on a developer machine and fail them in CI.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPORA_ROOT = path.resolve(REPO_ROOT, '../shared/corpora');

export type CorpusName = 'splunk' | 'sigma' | 'elastic';

export function corpusPath(name: CorpusName): string {
  return path.join(CORPORA_ROOT, name);
}

/**
 * The reason to skip corpus tests, or false to run them. Under CI a missing corpus is an
 * error, never a skip.
 */
export function corpusSkip(): string | false {
  const missing = (['splunk', 'sigma', 'elastic'] as const)
    .filter((name) => !existsSync(corpusPath(name)));
  if (missing.length === 0) return false;
  const message = `corpora missing under ${CORPORA_ROOT}: ${missing.join(', ')}`;
  if (process.env.CI === 'true') throw new Error(`${message} (required when CI=true)`);
  return message;
}
