// Reads the context files of a Splunk content repository: macros and data sources.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { yamlFilesUnder } from './repository-files.js';
import { macroKey, type SplunkContext } from './splunk-context.js';

export function readSplunkContext(root: string): SplunkContext {
  const context: SplunkContext = { macros: new Map(), dataSources: new Map(), problems: [] };

  for (const file of yamlFilesUnder(root, 'macros', false)) {
    const fields = readMapping(root, file, context);
    if (!fields) continue;
    const name = textOf(fields.name);
    const definition = fields.definition == null ? '' : String(fields.definition);
    if (!name) {
      context.problems.push({ file, line: 1, reason: 'macro without a name' });
      continue;
    }
    const args = Array.isArray(fields.arguments) ? fields.arguments.map(String) : [];
    context.macros.set(macroKey(name, args.length), {
      name,
      arguments: args,
      definition,
      definedIn: file,
    });
  }

  for (const file of yamlFilesUnder(root, 'data_sources', false)) {
    const fields = readMapping(root, file, context);
    const name = fields && textOf(fields.name);
    if (!fields || !name) continue;
    context.dataSources.set(name, {
      name,
      source: textOf(fields.source),
      sourcetype: textOf(fields.sourcetype),
      definedIn: file,
    });
  }
  return context;
}

function readMapping(
  root: string,
  file: string,
  context: SplunkContext,
): Record<string, unknown> | null {
  let text: string;
  try {
    text = readFileSync(path.join(root, file), 'utf8');
  } catch (error) {
    context.problems.push({ file, line: 1, reason: `unreadable: ${(error as Error).message}` });
    return null;
  }
  // LIMITATION: the YAML 1.2 parser rejects quoted scalars continued at column 0, which
  // PyYAML accepts (macros/base64decode.yml) — such a macro is reported here and its callers
  // get an undefined-macro diagnostic.
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const reason = `invalid YAML: ${doc.errors[0].message}`;
    context.problems.push({ file, line: 1, reason });
    return null;
  }
  const value: unknown = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    context.problems.push({ file, line: 1, reason: 'not a YAML mapping' });
    return null;
  }
  return value as Record<string, unknown>;
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}
