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
  /** How the file was read although it departs from YAML 1.2 (see yaml-mapping). */
  lenience?: { line: number; reason: string };
}

/** A macro file that exists but could not be read. */
export interface UnreadableMacro {
  file: string;
  line: number;
  reason: string;
}

/** The macros a search can call. */
export interface MacroLibrary {
  /** The definition with this name and number of arguments. */
  find(name: string, arity: number): MacroDefinition | undefined;
  /** Every definition with this name, whatever its number of arguments, fewest first. */
  overloads(name: string): MacroDefinition[];
  /** Why the file holding this macro could not be read, when it could not. */
  unreadable(name: string): UnreadableMacro | undefined;
}

export const BUILTIN = 'builtin';

/** A stretch of the expanded text that a macro call produced (or a call kept as written). */
export interface MacroSegment {
  /** Offsets in the expanded text. */
  start: number;
  end: number;
  /** The call in the query as written. */
  call: Span;
  /** Where the macro comes from; absent when no macro of that name is known at all. */
  origin?: MacroOrigin;
  /** True when the call text was kept: tuning hooks, built-in stages, calls that failed. */
  kept: boolean;
  /** Nesting depth: 0 for calls written in the query itself. */
  depth: number;
}

export type MacroIssueCode =
  | 'spl.undefined-macro'
  | 'spl.unreadable-macro'
  | 'spl.macro-cycle'
  | 'spl.macro-too-deep'
  | 'spl.macro-arity'
  | 'spl.macro-expansion-too-large';

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
  /**
   * True when expanding went past the size limits: the text is then incomplete and the
   * search cannot be read as Splunk would run it.
   */
  tooLarge: boolean;
}

const MAX_DEPTH = 32;
/** Text that the macros of one search may add, summed over every expansion. */
export const MAX_EXPANDED_CHARACTERS = 256 * 1024;
/** Macro calls one search may expand; real searches expand a few dozen at most. */
export const MAX_EXPANSIONS = 2_000;

/** Whether a macro is a tuning hook: the `<name>_filter` macro every detection ends with. */
export function isTuningHook(name: string): boolean {
  return name.endsWith('_filter');
}

/** Built-in macros that stay in the text and become stages of their own. */
export function isBuiltinStage(call: Pick<MacroCall, 'name' | 'args'>): boolean {
  return call.name === 'get_asset' && call.args.length === 1;
}

/**
 * What the macro expansions of one search may still add. The search's tuning hooks expand
 * their definitions from the same budget, so no rule can multiply the limits.
 */
export class ExpansionBudget {
  private characters = 0;
  private expansions = 0;

  /** Characters still allowed. */
  get remaining(): number {
    return MAX_EXPANDED_CHARACTERS - this.characters;
  }

  /** Counts one expansion adding `body` (null: already too long); false past the limits. */
  charge(body: string | null): boolean {
    this.expansions += 1;
    const within = body !== null && this.expansions <= MAX_EXPANSIONS &&
      body.length <= this.remaining;
    if (within) this.characters += body.length;
    return within;
  }
}

export function expandMacros(
  query: string,
  library: MacroLibrary,
  budget = new ExpansionBudget(),
): Expansion {
  const expander = new Expander(library, budget);
  const expanded = expander.expand(query, [], 0, null);
  return {
    text: expanded.text,
    segments: expanded.segments,
    issues: expander.issues,
    tooLarge: expander.tooLarge,
  };
}

/**
 * The body of a macro with its `$arg$` placeholders replaced by the call's arguments, or null
 * when it would be longer than `limit` characters.
 */
export function macroBody(
  definition: MacroDefinition,
  args: string[],
  limit: number,
): string | null {
  let body = definition.definition;
  for (let index = 0; index < definition.arguments.length; index += 1) {
    const placeholder = `$${definition.arguments[index]}$`;
    const pieces = body.split(placeholder);
    const value = args[index] ?? '';
    const length = body.length + (pieces.length - 1) * (value.length - placeholder.length);
    if (length > limit) return null;
    body = pieces.join(value);
  }
  return body.length > limit ? null : body;
}

interface Expanded {
  text: string;
  segments: MacroSegment[];
}

class Expander {
  readonly issues: MacroIssue[] = [];
  tooLarge = false;

  constructor(
    private readonly library: MacroLibrary,
    private readonly budget: ExpansionBudget,
  ) {}

  /**
   * Expands the calls in `text`. At depth 0 offsets in `text` are offsets in the query;
   * deeper, every segment maps back to `outerCall`, the call written in the query.
   */
  expand(text: string, stack: string[], depth: number, outerCall: Span | null): Expanded {
    let out = '';
    const segments: MacroSegment[] = [];
    let i = 0;
    while (i < text.length && !this.tooLarge) {
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
        const plain = plainEnd(text, i);
        out += text.slice(i, plain);
        i = plain;
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
      const keep = (origin: MacroOrigin | undefined): void => {
        out += written;
        const segment: MacroSegment = { start, end: out.length, call: callSpan, kept: true, depth };
        if (origin) segment.origin = origin;
        segments.push(segment);
      };
      i = end;
      if (!call) {
        this.report({
          code: 'spl.undefined-macro',
          message: `${written} is not a macro call`,
          span: callSpan,
        });
        keep(undefined);
        continue;
      }

      const resolved = this.resolve(call, stack, depth, callSpan);
      if (resolved.body === null) {
        keep(resolved.origin);
        continue;
      }
      const key = `${call.name}/${call.args.length}`;
      const inner = this.expand(resolved.body, [...stack, key], depth + 1, callSpan);
      out += inner.text;
      const segment: MacroSegment = { start, end: out.length, call: callSpan, kept: false, depth };
      if (resolved.origin) segment.origin = resolved.origin;
      segments.push(segment);
      for (const nested of inner.segments) {
        segments.push({ ...nested, start: nested.start + start, end: nested.end + start });
      }
    }
    return { text: out, segments };
  }

  /** Records an issue once: a call repeated by an expansion would repeat it many times. */
  private report(issue: MacroIssue): void {
    const known = this.issues.some((other) => other.code === issue.code &&
      other.message === issue.message && other.span.start === issue.span.start);
    if (!known) this.issues.push(issue);
  }

  /** The text a call expands to (null when the call stays as written) and its origin. */
  private resolve(
    call: MacroCall,
    stack: string[],
    depth: number,
    callSpan: Span,
  ): { body: string | null; origin: MacroOrigin | undefined } {
    const definition = this.library.find(call.name, call.args.length);
    const origin = (definedIn: string): MacroOrigin => ({
      macro: call.name,
      args: call.args,
      definedIn,
    });
    if (isTuningHook(call.name)) {
      return { body: null, origin: origin(definition?.definedIn ?? BUILTIN) };
    }
    if (!definition && isBuiltinStage(call)) return { body: null, origin: origin(BUILTIN) };
    if (!definition && call.name === 'drop_dm_object_name' && call.args.length === 1) {
      const body = this.charged(call, callSpan, `rename ${unquoted(call.args[0])}.* AS *`);
      return { body, origin: origin(BUILTIN) };
    }
    if (!definition) {
      const missing = this.missingMacro(call, callSpan);
      return { body: null, origin: missing === undefined ? undefined : origin(missing) };
    }

    const key = `${call.name}/${call.args.length}`;
    const chain = [...stack, key].map((k) => k.split('/')[0]).join(' → ');
    if (stack.includes(key)) {
      const message = `macro \`${call.name}\` expands into itself: ${chain}`;
      this.report({ code: 'spl.macro-cycle', message, span: callSpan });
      return { body: null, origin: origin(definition.definedIn) };
    }
    if (depth >= MAX_DEPTH) {
      const message = `macros nest more than ${MAX_DEPTH} deep: ${chain}`;
      this.report({ code: 'spl.macro-too-deep', message, span: callSpan });
      return { body: null, origin: origin(definition.definedIn) };
    }

    const limit = this.budget.remaining;
    const body = this.charged(call, callSpan, macroBody(definition, call.args, limit));
    return { body, origin: origin(definition.definedIn) };
  }

  /** Counts an expansion against the limits; null (and the search too large) past them. */
  private charged(call: MacroCall, span: Span, body: string | null): string | null {
    if (this.budget.charge(body)) return body;
    this.tooLarge = true;
    this.report({
      code: 'spl.macro-expansion-too-large',
      message:
        `expanding macro \`${call.name}\` goes past the limit of ${MAX_EXPANSIONS} macro ` +
        `calls or ${MAX_EXPANDED_CHARACTERS / 1024} KiB of expanded text for one search`,
      span,
    });
    return null;
  }

  /**
   * Reports a call with no definition of its arity and returns the file the name is found in
   * (an unreadable file, or a definition with another arity), if any.
   */
  private missingMacro(call: MacroCall, span: Span): string | undefined {
    const arity = call.args.length;
    const written = `${call.name}${arity === 0 ? '' : `(${arity})`}`;
    const unreadable = this.library.unreadable(call.name);
    if (unreadable) {
      this.report({
        code: 'spl.unreadable-macro',
        message:
          `macro \`${written}\` is in ${unreadable.file}, but that file could not be read ` +
          `(line ${unreadable.line}: ${unreadable.reason})`,
        span,
      });
      return unreadable.file;
    }

    const overloads = this.library.overloads(call.name);
    if (overloads.length > 0) {
      const defined = overloads.map((d) => `${argumentCount(d.arguments.length)} (${d.definedIn})`);
      this.report({
        code: 'spl.macro-arity',
        message:
          `macro \`${call.name}\` is called with ${argumentCount(arity)} but is defined only ` +
          `with ${defined.join(' or ')}`,
        span,
      });
      return overloads[0].definedIn;
    }

    this.report({
      code: 'spl.undefined-macro',
      message: `macro \`${written}\` is not defined`,
      span,
    });
    return undefined;
  }
}

/** End of the run of text from `at` holding no quote, backslash or backtick. */
function plainEnd(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length && text[i] !== '"' && text[i] !== '\\' && text[i] !== '`') i += 1;
  return i;
}

function argumentCount(count: number): string {
  return count === 1 ? '1 argument' : `${count} arguments`;
}

function unquoted(arg: string): string {
  const quoted = arg.length >= 2 && arg.startsWith('"') && arg.endsWith('"');
  return quoted ? arg.slice(1, -1) : arg;
}
