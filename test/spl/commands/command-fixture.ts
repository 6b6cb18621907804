// Reads one command written in a test and gives its parsed arguments without offsets, so
// tests state what a reader understood in a few exact lines.

import { parsePipeline } from '../../../src/languages/spl/pipeline-parser.js';
import type { CommandArgs, CommandNode } from '../../../src/languages/spl/syntax.js';

/** The command `| <text>`, parsed. */
export function commandOf(text: string): CommandNode {
  const [command] = parsePipeline(`| ${text}`).commands;
  return command;
}

/** The arguments of `| <text>` without spans, and the messages of the problems found. */
export function read(text: string): { args: unknown; issues: string[] } {
  const command = commandOf(text);
  return {
    args: withoutSpans(command.args),
    issues: command.issues.map((issue) => issue.message),
  };
}

/** Arguments read without any problem, without spans. */
export function readClean(text: string): unknown {
  const { args, issues } = read(text);
  if (issues.length > 0) throw new Error(`unexpected problems: ${issues.join('; ')}`);
  return args;
}

/** `value` with every `{start, end}` span (and `innerSpan`) left out, at any depth. */
export function withoutSpans(value: CommandArgs | unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if ((key === 'span' || key === 'innerSpan') && isSpan(inner)) continue;
    out[key] = withoutSpans(inner);
  }
  return out;
}

function isSpan(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'start' in value && 'end' in value;
}
