// The macros that supplied a command's options (`tstats `security_content_summariesonly` …`
// writes `summariesonly=… allow_old_summaries=…`), so pages can say where an option came from
// as they do for predicates.

import type { MacroOrigin, Span } from '../../ir/index.js';
import type { CommandArgs } from '../../languages/spl/syntax.js';

/**
 * Each option written by a macro, with that macro's origin; null when none is. An option that
 * comes from the same macro as the whole stage needs no mark of its own.
 */
export function optionOrigins(
  args: CommandArgs,
  originOf: (span: Span) => MacroOrigin | undefined,
  stageOrigin: MacroOrigin | undefined,
): Record<string, MacroOrigin> | null {
  if (args.kind !== 'stats' && args.kind !== 'tstats') return null;
  const origins: Record<string, MacroOrigin> = {};
  for (const [name, span] of Object.entries(args.optionSpans ?? {})) {
    const origin = originOf(span);
    if (origin && !sameOrigin(origin, stageOrigin)) origins[name] = origin;
  }
  return Object.keys(origins).length === 0 ? null : origins;
}

function sameOrigin(origin: MacroOrigin, other: MacroOrigin | undefined): boolean {
  if (!other) return false;
  if (origin.macro !== other.macro || origin.definedIn !== other.definedIn) return false;
  return origin.args.length === other.args.length
    && origin.args.every((arg, position) => arg === other.args[position]);
}
