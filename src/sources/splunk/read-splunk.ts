// Reads a Splunk security_content repository: one rule document per `detections/**/*.yml`.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isScalar, LineCounter, parseDocument, Scalar } from 'yaml';
import type { RuleDocument } from '../../ir/index.js';
import type { ReadFailure, SourceRead } from '../source-read.js';
import { readSplunkContext } from './read-splunk-context.js';
import { yamlFilesUnder } from './repository-files.js';
import type { SplunkContext } from './splunk-context.js';
import { snapshotCommit } from '../snapshot-commit.js';

export function readSplunkRepository(
  root: string,
  onFile?: (file: string) => void,
): SourceRead<SplunkContext> {
  const absoluteRoot = path.resolve(root);
  const commit = snapshotCommit(absoluteRoot);
  const files = yamlFilesUnder(absoluteRoot, 'detections', true);
  const documents: RuleDocument[] = [];
  const failures: ReadFailure[] = [];

  for (const file of files) {
    const result = readDetection(absoluteRoot, file, commit);
    if ('reason' in result) failures.push(result);
    else documents.push(result);
    onFile?.(file);
  }

  return {
    source: 'splunk',
    root: absoluteRoot,
    commit,
    files: files.length,
    documents,
    failures,
    context: readSplunkContext(absoluteRoot),
  };
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

  let text: string;
  try {
    text = readFileSync(path.join(root, file), 'utf8');
  } catch (error) {
    return failure(1, `unreadable: ${(error as Error).message}`);
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    return failure(lineCounter.linePos(error.pos[0]).line, `invalid YAML: ${error.message}`);
  }
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return failure(1, 'the detection is not a YAML mapping');
  }
  const fields = raw as Record<string, unknown>;

  const id = textOf(fields.id);
  if (!id) return failure(1, 'the detection has no `id`');
  const searchNode = doc.get('search', true);
  const query = textOf(fields.search);
  if (!query || !isScalar(searchNode)) return failure(1, 'the detection has no `search`');

  const tags = mappingOf(fields.tags);
  const deprecated = file.startsWith('detections/deprecated/') || fields.status === 'deprecated';
  return {
    source: 'splunk',
    upstreamId: id,
    file,
    line: 1,
    queryLine: queryLineOf(searchNode, lineCounter),
    url: commit ? `https://github.com/splunk/security_content/blob/${commit}/${file}` : null,
    title: textOf(fields.name) ?? id,
    description: textOf(fields.description) ?? '',
    authors: (textOf(fields.author) ?? '')
      .split(',')
      .map((author) => author.trim())
      .filter((author) => author.length > 0),
    status: textOf(fields.status),
    level: null,
    type: textOf(fields.type),
    created: textOf(fields.date),
    modified: null,
    references: listOf(fields.references),
    falsePositives: listOf(fields.known_false_positives),
    tags: tagsOf(tags),
    techniques: listOf(tags.mitre_attack_id),
    tactics: [],
    deprecated,
    language: 'spl',
    query,
    raw: fields,
    dataSources: listOf(fields.data_source),
  };
}

/** Line where the search text starts: block scalars (`|`, `>-`) start on the next line. */
function queryLineOf(node: Scalar, lineCounter: LineCounter): number {
  const start = node.range ? node.range[0] : 0;
  const line = lineCounter.linePos(start).line;
  const isBlock = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
  return isBlock ? line + 1 : line;
}

/** Analytic stories as they are, plus the asset type and security domain as `key:value`. */
function tagsOf(tags: Record<string, unknown>): string[] {
  const found = listOf(tags.analytic_story);
  for (const key of ['asset_type', 'security_domain']) {
    const value = textOf(tags[key]);
    if (value) found.push(`${key}:${value}`);
  }
  return found;
}

function mappingOf(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return value as Record<string, unknown>;
}

function listOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item) => item !== null && item !== undefined).map(String);
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return text.length > 0 ? text : null;
}
