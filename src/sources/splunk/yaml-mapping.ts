// Parses one Splunk content file as a YAML mapping without ever throwing: syntax errors,
// alias bombs and documents that are not mappings come back as a line and a reason.

import { parseDocument, type Document } from 'yaml';
import { duplicateKeyOf, NO_LIBRARY_KEY_CHECK } from '../duplicate-keys.js';
import { readBlockYaml } from '../yaml/block-yaml.js';
import { lineAt, ruleYamlOfDocument, type RuleYaml } from '../yaml/rule-yaml.js';
import { OutsideSubset } from '../yaml/yaml-scalars.js';
import { COLUMN_ZERO_NOTE, indentColumnZeroContinuations } from './column-zero-continuations.js';

/** Aliases a file may resolve: enough for hand-written anchors, too few for an alias bomb. */
const MAX_ALIAS_COUNT = 100;

export interface YamlMapping {
  /** The mapping with where its top-level keys and values stand. */
  yaml: RuleYaml;
  fields: Record<string, unknown>;
  /** How the file departs from YAML 1.2 but was still read, as PyYAML reads it. */
  lenience?: { line: number; reason: string };
}

export interface YamlProblem {
  /** 1-based line of the problem (1 when it concerns the whole file). */
  line: number;
  reason: string;
  /** The document as far as it was parsed, for reading a name from a broken file. */
  doc: Document.Parsed | null;
}

/** `what` names the file's content in messages: `the detection`, `the macro file`. */
export function readYamlMapping(text: string, what: string): YamlMapping | YamlProblem {
  const strict = readYamlMappingStrictly(text, what);
  if (!isYamlProblem(strict) || !strict.reason.includes(MISSING_QUOTE)) return strict;
  const repaired = indentColumnZeroContinuations(text);
  if (repaired === null) return strict;
  const lenient = readYamlMappingStrictly(repaired, what);
  if (isYamlProblem(lenient)) return strict;
  return { ...lenient, lenience: { line: strict.line, reason: COLUMN_ZERO_NOTE } };
}

/** The parser's message for a quoted value that runs past where YAML 1.2 lets it go. */
const MISSING_QUOTE = 'Missing closing';

/**
 * Nearly every file is a block mapping the block YAML reader reads; the others (errors,
 * anchors…) are read with the yaml library, to the same result.
 */
function readYamlMappingStrictly(text: string, what: string): YamlMapping | YamlProblem {
  const block = readBlockYaml(text);
  if (!(block instanceof OutsideSubset)) return { yaml: block, fields: block.fields };

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, ...NO_LIBRARY_KEY_CHECK });
  } catch (error) {
    return { line: 1, reason: `invalid YAML: ${messageOf(error)}`, doc: null };
  }

  const error = doc.errors[0];
  if (error) {
    // An error found at the end of the file (a quote never closed) belongs to its last line.
    const offset = Math.max(0, Math.min(error.pos[0], text.trimEnd().length - 1));
    const line = lineAt(text, offset);
    return { line, reason: `invalid YAML: ${error.message}`, doc };
  }
  const duplicate = duplicateKeyOf(doc);
  if (duplicate) {
    const line = lineAt(text, duplicate.offset);
    return { line, reason: `invalid YAML: the key ${duplicate.key} appears twice`, doc };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { line: 1, reason: `the YAML cannot be expanded: ${messageOf(error)}`, doc };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line: 1, reason: `${what} is not a YAML mapping`, doc };
  }
  const fields = value as Record<string, unknown>;
  return { yaml: ruleYamlOfDocument(doc, fields), fields };
}

export function isYamlProblem(read: YamlMapping | YamlProblem): read is YamlProblem {
  return 'reason' in read;
}

/** How a value of the wrong type is named in messages: `a number`, `a list`, `a mapping`. */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
