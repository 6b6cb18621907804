// Splits SPL text into its commands on top-level `|` (quotes, escapes, comments, macro calls
// and `[ … ]` subsearches protect their pipes) and parses each command's arguments.

import { readCommandArguments, startsWithoutPipe } from './commands.js';
import { readMacroCall } from './macro-call.js';
import { isSpace, macroEnd, nextOutsideQuotes, skipBlank } from './scanner.js';
import type { CommandNode, ParseIssue, Pipeline } from './syntax.js';

/**
 * How the text starts: with a search (a query, a subsearch — an implicit `search` unless a
 * generating command opens it) or with a command (the template `foreach` runs per field).
 */
export type PipelineOpening = 'search' | 'command';

export function parsePipeline(
  text: string,
  start = 0,
  end = text.length,
  opening: PipelineOpening = 'search',
): Pipeline {
  const commands: CommandNode[] = [];
  const pieces = splitOnPipes(text, start, end);

  pieces.forEach((piece, index) => {
    const first = skipBlank(text, piece.start, piece.end);
    if (first >= piece.end) {
      if (index > 0) commands.push(emptyCommand(piece.start, piece.end));
      return;
    }
    const opensSearch = index === 0 && opening === 'search';
    const command = readCommand(text, first, trimEnd(text, first, piece.end), opensSearch);
    const tick = unclosedTick(text, command.span.start, command.span.end);
    if (tick !== null) command.issues.push(tick);
    commands.push(command);
  });
  return { commands, span: { start, end } };
}

function splitOnPipes(text: string, start: number, end: number): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  let pieceStart = start;
  let depth = 0;
  for (
    let i = nextOutsideQuotes(text, start, end);
    i < end;
    i = nextOutsideQuotes(text, i + 1, end)
  ) {
    const c = text[i];
    if (c === '[') depth += 1;
    if (c === ']' && depth > 0) depth -= 1;
    if (c === '|' && depth === 0) {
      pieces.push({ start: pieceStart, end: i });
      pieceStart = i + 1;
    }
  }
  pieces.push({ start: pieceStart, end });
  return pieces;
}

function readCommand(text: string, start: number, end: number, first: boolean): CommandNode {
  const issues: ParseIssue[] = [];
  const span = { start, end };

  if (text[start] === '`') {
    const close = macroEnd(text, start);
    const call = close > 0 ? readMacroCall(text, { start, end: close }) : null;
    if (call && skipBlank(text, close, end) >= end) {
      const args = { kind: 'macro-stage' as const, call };
      return { name: call.name, implicit: first, span, argsSpan: span, args, issues };
    }
  }

  const word = commandWord(text, start, end);
  if (first && (word === null || !startsWithoutPipe(word))) {
    const args = readCommandArguments('search', text, start, end, issues);
    return { name: 'search', implicit: true, span, argsSpan: span, args, issues };
  }
  if (word === null) {
    issues.push({ message: 'a command name is expected here', span });
    return { name: '', implicit: false, span, argsSpan: span, args: unknown(text, span), issues };
  }
  const argsSpan = { start: start + word.length, end };
  const args = readCommandArguments(word, text, argsSpan.start, end, issues);
  return { name: word, implicit: false, span, argsSpan, args, issues };
}

/**
 * A backquote that no later backquote closes, outside strings and subsearches (a subsearch's own
 * parse reports it): Splunk refuses the whole search ("Missing a closing tick mark").
 */
function unclosedTick(text: string, start: number, end: number): ParseIssue | null {
  let depth = 0;
  // Strings, comments and closed macro calls are skipped, so a backquote seen here is unclosed.
  for (
    let i = nextOutsideQuotes(text, start, end);
    i < end;
    i = nextOutsideQuotes(text, i + 1, end)
  ) {
    const c = text[i];
    if (c === '[') depth += 1;
    if (c === ']' && depth > 0) depth -= 1;
    if (c === '`' && depth === 0) {
      const message = 'a backquote opens a macro call that is never closed (missing a closing '
        + 'tick mark)';
      return { message, span: { start: i, end } };
    }
  }
  return null;
}

function commandWord(text: string, start: number, end: number): string | null {
  let i = start;
  while (i < end && isCommandChar(text[i])) i += 1;
  return i === start ? null : text.slice(start, i);
}

function isCommandChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_';
}

function emptyCommand(start: number, end: number): CommandNode {
  const span = { start, end };
  const issues = [{ message: 'empty command between two `|`', span }];
  return {
    name: '',
    implicit: false,
    span,
    argsSpan: span,
    args: { kind: 'unknown', text: '' },
    issues,
  };
}

function unknown(text: string, span: { start: number; end: number }) {
  return { kind: 'unknown' as const, text: text.slice(span.start, span.end) };
}

function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && isSpace(text[i - 1])) i -= 1;
  return i;
}
