// Reads the hunting queries of an Elastic detection-rules repository: every query of every
// `hunting/<area>/queries/*.toml` file becomes a rule document of source `elastic-hunting`.

import path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import type { RuleDocument } from '../../ir/index.js';
import { readRuleFileText } from '../rule-file-text.js';
import { walkRuleFiles, type RuleFileKind } from '../rule-file-walk.js';
import { snapshotCommit } from '../snapshot-commit.js';
import type { ReadFailure, SourceRead } from '../source-read.js';
import type { ElasticContext } from './elastic-context.js';
import { huntingDocumentsOf, type QueryNumbering } from './hunting-query-documents.js';

const HUNTING_FOLDER = 'hunting';
const HUNTING_FILES: RuleFileKind = {
  source: 'elastic-hunting',
  isRuleFile: (name) => name.endsWith('.toml'),
};

export function readElasticHunting(
  root: string,
  onFile?: (file: string) => void,
): SourceRead<ElasticContext> {
  const absoluteRoot = path.resolve(root);
  const commit = snapshotCommit(absoluteRoot);
  const documents: RuleDocument[] = [];
  const failures: ReadFailure[] = [];
  const numbering: QueryNumbering = new Map();

  const walk = walkRuleFiles(absoluteRoot, [HUNTING_FOLDER], HUNTING_FILES);
  const files = walk.files.filter(isQueryFile).sort();
  for (const file of files) {
    onFile?.(file);
    for (const result of readHuntingFile(absoluteRoot, file, commit, numbering)) {
      if ('reason' in result) failures.push(result);
      else documents.push(result);
    }
  }
  failures.push(...walk.failures);

  return {
    source: 'elastic-hunting',
    root: absoluteRoot,
    commit,
    // A link that could not be followed counts as a hunting file that failed.
    files: files.length + walk.failures.length,
    documents,
    failures,
    context: { commit },
  };
}

/** `hunting/<area>/queries/<name>.toml`: other TOML files there are no hunts. */
function isQueryFile(file: string): boolean {
  const parts = file.split('/');
  return parts.length === 4 && parts[0] === HUNTING_FOLDER && parts[2] === 'queries';
}

function readHuntingFile(
  root: string,
  file: string,
  commit: string | null,
  numbering: QueryNumbering,
): (RuleDocument | ReadFailure)[] {
  const read = readRuleFileText(path.join(root, file));
  if ('reason' in read) return [failure(file, read.line, read.reason)];
  return readHuntingText(read.text, file, commit, numbering);
}

/** One hunting file's text, parsed as TOML and read as one document per query. */
export function readHuntingText(
  text: string,
  file: string,
  commit: string | null,
  numbering: QueryNumbering = new Map(),
): (RuleDocument | ReadFailure)[] {
  let parsed: Record<string, unknown>;
  try {
    parsed = parse(text) as Record<string, unknown>;
  } catch (error) {
    const line = error instanceof TomlError ? error.line : 1;
    return [failure(file, line, `invalid TOML: ${firstLine(error)}`)];
  }
  return huntingDocumentsOf({ file, text, parsed, commit }, numbering);
}

function failure(file: string, line: number, reason: string): ReadFailure {
  return { source: 'elastic-hunting', file, line, reason };
}

/** TOML errors append a code excerpt after their first line. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
