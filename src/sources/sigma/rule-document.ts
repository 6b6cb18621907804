// Turns one YAML document of a Sigma rule file into a RuleDocument, or says why it cannot.

import { isMap, visit, type Document } from 'yaml';
import type { RuleDocument } from '../../ir/index.js';
import type { ReadFailure } from '../source-read.js';
import { attackTagsOf } from './attack-tags.js';
import { duplicateKeyOf } from '../duplicate-keys.js';
import type { LineIndex } from '../line-index.js';
import { ruleYamlOfDocument, type RuleYaml, type RuleYamlEntry } from '../yaml/rule-yaml.js';
import { isExactNumber } from '../yaml/yaml-scalars.js';

/** Top-level keys holding the logic of each kind of Sigma document, most specific first. */
const LOGIC_KEYS = ['correlation', 'filter', 'detection'] as const;

export interface DocumentLocation {
  file: string;
  /** The whole file text, for slicing the original logic block. */
  text: string;
  /** Built once per file and shared by its documents. */
  lines: LineIndex;
  commit: string | null;
}

/** A document the yaml library parsed: its errors and shape checked, then read as a rule. */
export function libraryRuleDocumentOf(
  yaml: Document.Parsed,
  at: DocumentLocation,
): RuleDocument | ReadFailure {
  const failure = (line: number, reason: string): ReadFailure => {
    return { source: 'sigma', file: at.file, line, reason };
  };

  const firstError = yaml.errors[0];
  if (firstError) return failure(lineOf(at, firstError.pos[0]), firstLine(firstError.message));
  const duplicate = duplicateKeyOf(yaml);
  if (duplicate) {
    const reason = `the key ${duplicate.key} appears twice in one mapping`;
    return failure(lineOf(at, duplicate.offset), reason);
  }

  const contents = yaml.contents;
  const line = lineOf(at, contents?.range?.[0] ?? 0);
  if (!isMap(contents)) return failure(line, 'the document is not a mapping of rule attributes');

  keepNumbersAsWritten(yaml);
  let raw: Record<string, unknown>;
  try {
    raw = yaml.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (error) {
    return failure(line, `the document cannot be read: ${(error as Error).message}`);
  }
  return ruleDocumentOf(ruleYamlOfDocument(yaml, raw), at);
}

/** A rule document from a mapping read with numbers kept as written, or why it is not one. */
export function ruleDocumentOf(yaml: RuleYaml, at: DocumentLocation): RuleDocument | ReadFailure {
  const failure = (line: number, reason: string): ReadFailure => {
    return { source: 'sigma', file: at.file, line, reason };
  };
  const raw = yaml.fields;
  const line = lineOf(at, yaml.start);

  const upstreamId = scalarText(raw.id);
  if (upstreamId === null || upstreamId.trim() === '') return failure(line, 'the rule has no id');

  // The specification requires a title; a rule listed without one could not be told apart.
  const title = scalarText(raw.title);
  if (title === null && isCollection(raw.title)) {
    return failure(line, 'the rule title is a list or mapping, not text');
  }
  if (title === null || title.trim() === '') return failure(line, 'the rule has no title');

  const logicKey = LOGIC_KEYS.find((key) => raw[key] !== undefined && raw[key] !== null);
  const logicEntry = yaml.entries.find((entry) => entry.key === logicKey);
  if (!logicKey || !logicEntry) {
    return failure(line, 'the rule has no detection (and is not a correlation or filter rule)');
  }

  const tags = stringList(raw.tags);
  const status = scalarText(raw.status);
  return {
    source: 'sigma',
    upstreamId,
    file: at.file,
    line,
    queryLine: lineOf(at, logicEntry.keyStart ?? 0),
    url: at.commit ? `https://github.com/SigmaHQ/sigma/blob/${at.commit}/${at.file}` : null,
    title,
    description: scalarText(raw.description) ?? '',
    authors: authorsOf(raw.author),
    status,
    level: scalarText(raw.level),
    type: logicKey === 'detection' ? null : logicKey,
    created: scalarText(raw.date),
    modified: scalarText(raw.modified),
    references: stringList(raw.references),
    falsePositives: stringList(raw.falsepositives),
    tags,
    ...attackTagsOf(tags),
    deprecated: at.file.startsWith('deprecated/') || status === 'deprecated',
    language: 'sigma',
    query: blockText(at.text, yaml, logicEntry),
    raw,
    dataSources: [],
  };
}

/**
 * Numbers JavaScript cannot hold as written — `.inf`, `.nan`, `1e400`, integers past 2^53 —
 * keep the text written, as strings: read as numbers they would become Infinity (null in JSON)
 * or lose digits, and match something else than the rule says.
 */
function keepNumbersAsWritten(yaml: Document.Parsed): void {
  visit(yaml, {
    Scalar(_key, node) {
      const value = node.value;
      if (typeof value !== 'number' || node.source === undefined) return;
      if (!isExactNumber(value)) node.value = node.source;
    },
  });
}

function isCollection(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** YAML messages go on to quote the offending lines; the first line says what is wrong. */
function firstLine(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.endsWith(':') ? line.slice(0, -1) : line;
}

function lineOf(at: DocumentLocation, offset: number): number {
  return at.lines.lineAt(offset);
}

/**
 * The block of `entry` as it stands in the file: from its key to the next top-level key. Trailing
 * blank lines and comments at column 0 belong to what follows, so they are left out.
 */
function blockText(text: string, yaml: RuleYaml, entry: RuleYamlEntry): string {
  const start = entry.keyStart ?? 0;
  const end = yaml.entries[yaml.entries.indexOf(entry) + 1]?.keyStart ?? yaml.end;

  const lines = text.slice(start, end).split('\n');
  while (lines.length > 1) {
    const last = lines[lines.length - 1];
    if (last.trim() !== '' && !last.startsWith('#')) break;
    lines.pop();
  }
  return lines.join('\n').trimEnd();
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return null;
}

// LIMITATION: a tag, reference or author that is a list or mapping, and a description, status or
// level that is not a scalar, is left out without a diagnostic — a rule document has no place
// for reader diagnostics, so the rule's page shows the metadata that could be read.
function stringList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.map(scalarText).filter((item): item is string => item !== null);
}

/** `author` is one string with names separated by commas (the specification's convention). */
function authorsOf(value: unknown): string[] {
  return stringList(value)
    .flatMap((authors) => authors.split(','))
    .map((author) => author.trim())
    .filter((author) => author !== '');
}
