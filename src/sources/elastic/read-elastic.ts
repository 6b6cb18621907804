// Reads an Elastic detection-rules repository: one rule per TOML file under `rules/` and
// `rules_building_block/`.

import path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import type { RuleDocument } from '../../ir/index.js';
import type { ReadFailure, SourceRead } from '../source-read.js';
import type { ElasticContext } from './elastic-context.js';
import { ruleDocumentOf } from './elastic-rule-document.js';
import { readRuleFileText } from '../rule-file-text.js';
import { walkRuleFiles, type RuleFileKind } from '../rule-file-walk.js';
import { snapshotCommit } from '../snapshot-commit.js';

/** Folders holding rules. `hunting/` holds hunting queries, read separately. */
const RULE_FOLDERS = ['rules', 'rules_building_block'];
const RULE_FILES: RuleFileKind = {
  source: 'elastic',
  isRuleFile: (name) => name.endsWith('.toml'),
};

export function readElasticRepository(
  root: string,
  onFile?: (file: string) => void,
): SourceRead<ElasticContext> {
  const absoluteRoot = path.resolve(root);
  const commit = snapshotCommit(absoluteRoot);
  const documents: RuleDocument[] = [];
  const failures: ReadFailure[] = [];

  const walk = walkRuleFiles(absoluteRoot, RULE_FOLDERS, RULE_FILES);
  const files = walk.files.sort();
  for (const file of files) {
    onFile?.(file);
    const result = readRuleFile(absoluteRoot, file, commit);
    if ('upstreamId' in result) documents.push(result);
    else failures.push(result);
  }
  failures.push(...walk.failures);

  return {
    source: 'elastic',
    root: absoluteRoot,
    commit,
    // A link that could not be followed counts as a rule file that failed.
    files: files.length + walk.failures.length,
    documents,
    failures,
    context: { commit },
  };
}

function readRuleFile(
  root: string,
  file: string,
  commit: string | null,
): RuleDocument | ReadFailure {
  const read = readRuleFileText(path.join(root, file));
  if ('reason' in read) return { source: 'elastic', file, line: read.line, reason: read.reason };
  return readRuleText(read.text, file, commit);
}

/** One rule file's text, parsed as TOML and read as a rule document. */
export function readRuleText(
  text: string,
  file: string,
  commit: string | null,
): RuleDocument | ReadFailure {
  let parsed: Record<string, unknown>;
  try {
    parsed = parse(text) as Record<string, unknown>;
  } catch (error) {
    const line = error instanceof TomlError ? error.line : 1;
    return { source: 'elastic', file, line, reason: `invalid TOML: ${messageOf(error)}` };
  }
  return ruleDocumentOf({ file, text, parsed, commit });
}

/** The first line of an error's message: TOML errors append a code excerpt we do not want. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
