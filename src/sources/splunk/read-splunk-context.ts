// Reads the context files of a Splunk content repository: macros and data sources.

import path from 'node:path';
import { isScalar } from 'yaml';
import { readRuleFileText } from '../rule-file-text.js';
import { walkRuleFiles, type RuleFileKind } from '../rule-file-walk.js';
import { macroKey, type ContextProblem, type SplunkContext } from './splunk-context.js';
import type { MacroDefinition } from '../../languages/spl/macros.js';
import {
  isYamlProblem,
  kindOf,
  readYamlMapping,
  type YamlMapping,
  type YamlProblem,
} from './yaml-mapping.js';

/** Macro and data-source files: the folder's own `.yml` files, not those of subfolders. */
// LIMITATION: files in subfolders of macros/ and data_sources/ are neither read nor reported (the
// snapshot has none) — a macro defined only there is an unknown macro to the rules using it.
const CONTEXT_FILES: RuleFileKind = {
  source: 'splunk',
  isRuleFile: (name) => name.endsWith('.yml'),
  topLevelOnly: true,
};

export function readSplunkContext(root: string): SplunkContext {
  const context: SplunkContext = {
    macros: new Map(),
    unreadableMacros: new Map(),
    dataSources: new Map(),
    problems: [],
  };
  const macros = walkRuleFiles(root, ['macros'], CONTEXT_FILES);
  for (const file of macros.files) {
    readSafely(file, context, () => readMacro(root, file, context));
  }
  // A macro file that cannot be opened (a FIFO, a link leading outside) leaves its macro unread.
  for (const { file, line, reason } of macros.failures) {
    const problem = { file, line, reason };
    context.problems.push(problem);
    context.unreadableMacros.set(path.basename(file, '.yml'), problem);
  }
  const dataSources = walkRuleFiles(root, ['data_sources'], CONTEXT_FILES);
  for (const file of dataSources.files) {
    readSafely(file, context, () => readDataSource(root, file, context));
  }
  for (const { file, line, reason } of dataSources.failures) {
    context.problems.push({ file, line, reason });
  }
  return context;
}

/** Any file content ends as context or a problem: no exception escapes the reader. */
function readSafely(file: string, context: SplunkContext, read: () => void): void {
  try {
    read();
  } catch (error) {
    const reason = `the file could not be read: ${(error as Error).message}`;
    context.problems.push({ file, line: 1, reason });
  }
}

function readMacro(root: string, file: string, context: SplunkContext): void {
  const unreadable = (problem: ContextProblem, name: string | null): void => {
    context.problems.push(problem);
    context.unreadableMacros.set(name ?? path.basename(file, '.yml'), problem);
  };

  const read = readFields(root, file);
  if ('reason' in read) {
    unreadable({ file, line: read.line, reason: read.reason }, nameInBrokenFile(read));
    return;
  }
  const { fields, lenience } = read;

  if (typeof fields.name !== 'string' || fields.name.trim() === '') {
    const reason = fields.name == null || typeof fields.name === 'string'
      ? 'macro without a name'
      : `the macro name must be text, not ${kindOf(fields.name)}`;
    unreadable({ file, line: 1, reason }, null);
    return;
  }
  const name = fields.name.trim();
  const definition = fields.definition ?? '';
  if (typeof definition !== 'string') {
    const reason = `the definition of \`${name}\` must be text, not ${kindOf(definition)}`;
    unreadable({ file, line: 1, reason }, name);
    return;
  }
  const args = fields.arguments ?? [];
  if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) {
    const reason = `the arguments of \`${name}\` must be a list of names`;
    unreadable({ file, line: 1, reason }, name);
    return;
  }

  const macro: MacroDefinition = { name, arguments: args, definition, definedIn: file };
  if (lenience) macro.lenience = lenience;
  context.macros.set(macroKey(name, args.length), macro);
}

function readDataSource(root: string, file: string, context: SplunkContext): void {
  const read = readFields(root, file);
  if ('reason' in read) {
    context.problems.push({ file, line: read.line, reason: read.reason });
    return;
  }
  const { fields } = read;
  const name = textOf(fields.name);
  if (!name) {
    context.problems.push({ file, line: 1, reason: 'data source without a name' });
    return;
  }
  context.dataSources.set(name, {
    name,
    source: textOf(fields.source),
    sourcetype: textOf(fields.sourcetype),
    definedIn: file,
  });
}

/** The file's mapping, or where and why it could not be read; never throws. */
function readFields(
  root: string,
  file: string,
): Pick<YamlMapping, 'fields' | 'lenience'> | YamlProblem {
  const text = readRuleFileText(path.join(root, file));
  if ('reason' in text) return { line: text.line, reason: text.reason, doc: null };
  const read = readYamlMapping(text.text, 'the file');
  if (isYamlProblem(read)) return read;
  return read.lenience ? { fields: read.fields, lenience: read.lenience } : { fields: read.fields };
}

/** The `name` of a macro file that failed to read, when that much of it could be parsed. */
function nameInBrokenFile(problem: YamlProblem): string | null {
  if (!problem.doc) return null;
  try {
    const node = problem.doc.get('name', true);
    const name = isScalar(node) && typeof node.value === 'string' ? node.value.trim() : '';
    return name === '' ? null : name;
  } catch {
    return null;
  }
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
