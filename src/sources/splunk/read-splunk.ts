// Reads a Splunk security_content repository: one rule document per `detections/**/*.yml`.

import path from 'node:path';
import type { Diagnostic, RuleDocument } from '../../ir/index.js';
import { readRuleFileText } from '../rule-file-text.js';
import { walkRuleFiles, type RuleFileKind } from '../rule-file-walk.js';
import type { ReadFailure, SourceRead } from '../source-read.js';
import { readSplunkContext } from './read-splunk-context.js';
import type { SplunkContext } from './splunk-context.js';
import { snapshotCommit } from '../snapshot-commit.js';
import { detectionMetadata } from './detection-metadata.js';
import { isYamlProblem, kindOf, readYamlMapping } from './yaml-mapping.js';
import { lineAt, type RuleYaml } from '../yaml/rule-yaml.js';

const DETECTION_FILES: RuleFileKind = {
  source: 'splunk',
  isRuleFile: (name) => name.endsWith('.yml'),
};

export function readSplunkRepository(
  root: string,
  onFile?: (file: string) => void,
): SourceRead<SplunkContext> {
  const absoluteRoot = path.resolve(root);
  const commit = snapshotCommit(absoluteRoot);
  const walk = walkRuleFiles(absoluteRoot, ['detections'], DETECTION_FILES);
  const files = walk.files;
  const documents: RuleDocument[] = [];
  const failures: ReadFailure[] = [...walk.failures];

  for (const file of files) {
    const result = readDetectionSafely(absoluteRoot, file, commit);
    if ('reason' in result) failures.push(result);
    else documents.push(result);
    onFile?.(file);
  }

  // A broken macro or data-source file loses what rules rely on (an expansion, a log source):
  // it is a failure of the build like a broken detection, so every file read is accounted for.
  const context = readSplunkContext(absoluteRoot);
  const brokenContextFiles = contextFailures(context);
  context.problems = [];

  return {
    source: 'splunk',
    root: absoluteRoot,
    commit,
    files: files.length + walk.failures.length + brokenContextFiles.length,
    documents,
    failures: [...failures, ...brokenContextFiles],
    context,
  };
}

/** One failure per context file that could not be read, at its first problem. */
function contextFailures(context: SplunkContext): ReadFailure[] {
  const byFile = new Map<string, ReadFailure>();
  for (const { file, line, reason } of context.problems) {
    if (!byFile.has(file)) byFile.set(file, { source: 'splunk', file, line, reason });
  }
  return [...byFile.values()];
}

/** Any file content becomes a document or a failure: no exception escapes the reader. */
function readDetectionSafely(
  root: string,
  file: string,
  commit: string | null,
): RuleDocument | ReadFailure {
  try {
    return readDetection(root, file, commit);
  } catch (error) {
    const reason = `the detection could not be read: ${(error as Error).message}`;
    return { source: 'splunk', file, line: 1, reason };
  }
}

function readDetection(
  root: string,
  file: string,
  commit: string | null,
): RuleDocument | ReadFailure {
  const failure = (line: number, reason: string): ReadFailure => ({
    source: 'splunk',
    file,
    line,
    reason,
  });

  const read = readRuleFileText(path.join(root, file));
  if (!('text' in read)) return failure(read.line, read.reason);
  const { text } = read;

  const mapping = readYamlMapping(text, 'the detection');
  if (isYamlProblem(mapping)) return failure(mapping.line, mapping.reason);
  const { yaml, fields, lenience } = mapping;

  const id = identifyingText(yaml, text, 'id');
  if (typeof id !== 'string') return failure(id.line, id.reason);
  const name = identifyingText(yaml, text, 'name');
  if (typeof name !== 'string' && name.present) return failure(name.line, name.reason);
  const query = identifyingText(yaml, text, 'search');
  if (typeof query !== 'string') return failure(query.line, query.reason);

  const { metadata } = detectionMetadata(fields);
  const deprecated = file.startsWith('detections/deprecated/') || metadata.status === 'deprecated';
  const document: RuleDocument = {
    source: 'splunk',
    upstreamId: id,
    file,
    line: 1,
    queryLine: queryLineOf(yaml, text),
    url: commit ? `https://github.com/splunk/security_content/blob/${commit}/${file}` : null,
    title: metadata.title ?? id,
    description: metadata.description,
    authors: metadata.authors,
    status: metadata.status,
    level: null,
    type: metadata.type,
    created: metadata.created,
    modified: null,
    references: metadata.references,
    falsePositives: metadata.falsePositives,
    tags: metadata.tags,
    techniques: metadata.techniques,
    tactics: [],
    deprecated,
    language: 'spl',
    query,
    raw: fields,
    dataSources: metadata.dataSources,
  };
  if (lenience) {
    const { line, reason } = lenience;
    const code = 'splunk.lenient-yaml';
    const note: Diagnostic = { severity: 'info', code, message: reason, file, line };
    document.readingNotes = [note];
  }
  return document;
}

interface MissingText {
  line: number;
  reason: string;
  /** Whether the key is there with a value of the wrong type (rather than absent or empty). */
  present: boolean;
}

/**
 * A field that identifies the detection (`id`, `name`, `search`) as written: it must be a
 * string scalar, because a number (`0x1F`), a list or a mapping would be rendered as
 * something else than the file says.
 */
function identifyingText(yaml: RuleYaml, text: string, key: string): string | MissingText {
  const entry = yaml.entries.find((candidate) => candidate.key === key);
  const line = entry?.valueStart != null ? lineAt(text, entry.valueStart) : 1;
  if (entry === undefined || entry.form === 'empty') {
    return { line: 1, reason: `the detection has no \`${key}\``, present: false };
  }
  const value = yaml.fields[key];
  const isText = entry.form === 'scalar' || entry.form === 'block-scalar';
  if (!isText || typeof value !== 'string') {
    const found = isText ? kindOf(value) : entry.form === 'list' ? 'a list' : 'a mapping';
    const reason = `the detection's \`${key}\` must be text, not ${found}`;
    return { line, reason, present: true };
  }
  if (value.trim() === '') {
    return { line, reason: `the detection has no \`${key}\``, present: false };
  }
  return value;
}

/** Line where the search text starts: block scalars (`|`, `>-`) start on the next line. */
function queryLineOf(yaml: RuleYaml, text: string): number {
  const entry = yaml.entries.find((candidate) => candidate.key === 'search');
  const line = lineAt(text, entry?.valueStart ?? 0);
  return entry?.form === 'block-scalar' ? line + 1 : line;
}
