// Reads a Sigma repository (SigmaHQ layout): every YAML document of every rule file becomes a
// rule document or a read failure with file, line and reason.

import path from 'node:path';
import { isScalar, parseAllDocuments, type Document } from 'yaml';
import type { RuleDocument } from '../../ir/index.js';
import type { ReadFailure, SourceRead } from '../source-read.js';
import { LineIndex } from '../line-index.js';
import { readRuleFileText } from '../rule-file-text.js';
import { listRuleFiles } from './rule-files.js';
import { libraryRuleDocumentOf, ruleDocumentOf } from './rule-document.js';
import { withReferrers } from './rule-referrers.js';
import { sigmaContextOf, type SigmaContext } from './sigma-context.js';
import { snapshotCommit } from '../snapshot-commit.js';
import { NO_LIBRARY_KEY_CHECK } from '../duplicate-keys.js';
import { readBlockYaml } from '../yaml/block-yaml.js';
import { OutsideSubset } from '../yaml/yaml-scalars.js';

export function readSigmaRepository(
  root: string,
  onFile?: (file: string) => void,
): SourceRead<SigmaContext> {
  const absoluteRoot = path.resolve(root);
  const commit = snapshotCommit(absoluteRoot);
  const documents: RuleDocument[] = [];
  const failures: ReadFailure[] = [];

  const { files, failures: unfollowed } = listRuleFiles(absoluteRoot);
  for (const file of files) {
    for (const result of readRuleFile(absoluteRoot, file, commit)) {
      if ('reason' in result) failures.push(result);
      else documents.push(result);
    }
    onFile?.(file);
  }
  failures.push(...unfollowed);

  const linked = withReferrers(documents, sigmaContextOf(documents));
  return {
    source: 'sigma',
    root: absoluteRoot,
    commit,
    // A link that could not be followed counts as a rule file that failed.
    files: files.length + unfollowed.length,
    documents: linked,
    failures,
    context: sigmaContextOf(linked),
  };
}

export function readRuleFile(
  root: string,
  file: string,
  commit: string | null,
): (RuleDocument | ReadFailure)[] {
  const read = readRuleFileText(path.join(root, file));
  if ('reason' in read) return [{ source: 'sigma', file, line: read.line, reason: read.reason }];
  return readRuleText(read.text, file, commit);
}

/**
 * Nearly every rule file is one block mapping, which the block YAML reader reads; the others
 * (several documents, anchors, errors…) are read with the yaml library, to the same result.
 */
export function readRuleText(
  text: string,
  file: string,
  commit: string | null,
): (RuleDocument | ReadFailure)[] {
  // LIMITATION: YAML 1.2 is read, where PyYAML-based Sigma tools read 1.1 — unquoted yes/no/on/
  // off stay strings and 0777 is decimal. No detection in the snapshot reads differently.
  const block = readBlockYaml(text, { numbersAsWritten: true });
  if (block instanceof OutsideSubset) return readRuleTextWithLibrary(text, file, commit);
  return [ruleDocumentOf(block, { file, text, lines: new LineIndex(text), commit })];
}

/**
 * Every document of the file, read with the yaml library. Empty documents (a trailing `---`)
 * hold no rule; a file with nothing else is a failure.
 */
export function readRuleTextWithLibrary(
  text: string,
  file: string,
  commit: string | null,
): (RuleDocument | ReadFailure)[] {
  // Problems reach the build as failures; the YAML library must not print warnings itself.
  const options = { logLevel: 'error', ...NO_LIBRARY_KEY_CHECK } as const;
  const parsed = parseAllDocuments(text, options);
  const yamlDocuments = Array.isArray(parsed) ? parsed : [];

  const at = { file, text, lines: new LineIndex(text), commit };
  const results = yamlDocuments
    .filter((yaml) => !isEmptyDocument(yaml))
    .map((yaml) => libraryRuleDocumentOf(yaml, at));
  if (results.length > 0) return results;
  return [{ source: 'sigma', file, line: 1, reason: 'the file holds no YAML document' }];
}

/** Nothing but comments or a document marker: no text at all where the contents would be. */
function isEmptyDocument(yaml: Document.Parsed): boolean {
  if (yaml.errors.length > 0) return false;
  const contents = yaml.contents;
  if (contents === null) return true;
  const range = contents.range;
  return isScalar(contents) && contents.value === null && range[0] === range[1];
}
