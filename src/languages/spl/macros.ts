// Macro expansion: Splunk replaces backtick macro calls by their definitions before parsing.
// We do the same, recording where each expansion landed so stages and predicates keep their
// origin and spans map back to the query as written.

import type { MacroOrigin, Span } from '../../ir/index.js';
import { readMacroCall } from './macro-call.js';
import { isCommentStart, commentEnd, macroEnd, quotedEnd } from './scanner.js';
import type { MacroCall } from './syntax.js';

export interface MacroDefinition {
  name: string;
  arguments: string[];
  definition: string;
  /** Repository-relative file of the definition. */
  definedIn: string;
}

/** Finds a macro by name and number of arguments. */
export type MacroLookup = (name: string, arity: number) => MacroDefinition | undefined;

export const BUILTIN = 'builtin';

/** A stretch of the expanded text that a macro call produced (or a call kept as written). */
export interface MacroSegment {
  /** Offsets in the expanded text. */
  start: number;
  end: number;
  /** The call in the query as written. */
  call: Span;
  origin: MacroOrigin;
  /** True when the call text was kept: tuning hooks, built-in stages, calls that failed. */
  kept: boolean;
  /** Nesting depth: 0 for calls written in the query itself. */
  depth: number;
}

export type MacroIssueCode = 'spl.undefined-macro' | 'spl.macro-cycle' | 'spl.macro-arity';

export interface MacroIssue {
  code: MacroIssueCode;
  message: string;
  /** The call in the query as written (the outermost call when it happened inside a macro). */
  span: Span;
}

export interface Expansion {
  text: string;
  segments: MacroSegment[];
  issues: MacroIssue[];
}

const MAX_DEPTH = 32;

/** Whether a macro is a tuning hook: the `<name>_filter` macro every detection ends with. */
export function isTuningHook(name: string): boolean {
  return name.endsWith('_filter');
}

/** Built-in macros that stay in the text and become stages of their own. */
export function isBuiltinStage(call: Pick<MacroCall, 'name' | 'args'>): boolean {
  return call.name === 'get_asset' && call.args.length === 1;
}

export function expandMacros(query: string, lookup: MacroLookup): Expansion {
  const issues: MacroIssue[] = [];
  const expanded = expandText(query, lookup, [], 0, issues, null);
  return { text: expanded.text, segments: expanded.segments, issues };
}

interface Expanded {
  text: string;
  segments: MacroSegment[];
}

/**
 * Expands the calls in `text`. At depth 0 offsets in `text` are offsets in the query; deeper,
 * every segment maps back to `outerCall`, the call written in the query.
 */
function expandText(
  text: string,
  lookup: MacroLookup,
  stack: string[],
  depth: number,
  issues: MacroIssue[],
  outerCall: Span | null,
): Expanded {
  let out = '';
  const segments: MacroSegment[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const end = quotedEnd(text, i).end;
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c !== '`') {
      out += c;
      i += 1;
      continue;
    }
    if (isCommentStart(text, i)) {
      const end = commentEnd(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    const end = macroEnd(text, i);
    if (end < 0) {
      out += text.slice(i);
      break;
    }

    const callSpan = outerCall ?? { start: i, end };
    const written = text.slice(i, end);
    const call = readMacroCall(text, { start: i, end });
    const start = out.length;
    const keep = (origin: MacroOrigin): void => {
      out += written;
      segments.push({ start, end: out.length, call: callSpan, origin, kept: true, depth });
    };
    if (!call) {
      issues.push({
        code: 'spl.undefined-macro',
        message: `${written} is not a macro call`,
        span: callSpan,
      });
      keep({ macro: written, args: [], definedIn: BUILTIN });
      i = end;
      continue;
    }

    const definition = lookup(call.name, call.args.length);
    const origin: MacroOrigin = {
      macro: call.name,
      args: call.args,
      definedIn: definition?.definedIn ?? BUILTIN,
    };
    const replacement = replacementOf(call, definition, stack, depth, issues, callSpan, lookup);
    if (replacement === null) keep(origin);
    else {
      const key = `${call.name}/${call.args.length}`;
      const inner = expandText(replacement, lookup, [...stack, key], depth + 1, issues, callSpan);
      out += inner.text;
      segments.push({ start, end: out.length, call: callSpan, origin, kept: false, depth });
      for (const segment of inner.segments) {
        segments.push({ ...segment, start: segment.start + start, end: segment.end + start });
      }
    }
    i = end;
  }
  return { text: out, segments };
}

/** The text a call expands to, or null when the call stays as written. */
function replacementOf(
  call: MacroCall,
  definition: MacroDefinition | undefined,
  stack: string[],
  depth: number,
  issues: MacroIssue[],
  callSpan: Span,
  lookup: MacroLookup,
): string | null {
  if (isTuningHook(call.name)) return null;
  if (!definition && isBuiltinStage(call)) return null;
  if (!definition && call.name === 'drop_dm_object_name' && call.args.length === 1) {
    return `rename ${unquoted(call.args[0])}.* AS *`;
  }
  if (!definition) {
    issues.push(undefinedIssue(call, callSpan, lookup));
    return null;
  }
  const key = `${call.name}/${call.args.length}`;
  if (stack.includes(key) || depth >= MAX_DEPTH) {
    const chain = [...stack, key].map((k) => k.split('/')[0]).join(' → ');
    issues.push({
      code: 'spl.macro-cycle',
      message: `macro \`${call.name}\` expands into itself: ${chain}`,
      span: callSpan,
    });
    return null;
  }
  let body = definition.definition;
  definition.arguments.forEach((name, index) => {
    body = body.split(`$${name}$`).join(call.args[index]);
  });
  return body;
}

function undefinedIssue(call: MacroCall, span: Span, lookup: MacroLookup): MacroIssue {
  for (let arity = 0; arity <= 8; arity += 1) {
    if (arity === call.args.length) continue;
    if (!lookup(call.name, arity)) continue;
    return {
      code: 'spl.macro-arity',
      message:
        `macro \`${call.name}\` is defined with ${arity} argument(s), ` +
        `called with ${call.args.length}`,
      span,
    };
  }
  const arity = call.args.length === 0 ? '' : `(${call.args.length})`;
  return {
    code: 'spl.undefined-macro',
    message: `macro \`${call.name}${arity}\` is not defined`,
    span,
  };
}

function unquoted(arg: string): string {
  const quoted = arg.length >= 2 && arg.startsWith('"') && arg.endsWith('"');
  return quoted ? arg.slice(1, -1) : arg;
}
