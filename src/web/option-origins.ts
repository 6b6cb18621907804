// Stage options a macro wrote (`summariesonly`, `allow_old_summaries` from
// `security_content_summariesonly` inside a tstats), grouped by that macro, as pages and `show`
// list them beside the stage's own origin.

import type { MacroOrigin, Stage } from '../ir/index.js';

export interface OptionsFromMacro {
  options: string[];
  origin: MacroOrigin;
}

/** The stage's macro-written options, one entry per macro call, in option order. */
export function optionsFromMacros(stage: Stage): OptionsFromMacro[] {
  const written = stage.args.optionOrigins;
  if (typeof written !== 'object' || written === null || Array.isArray(written)) return [];
  const byCall = new Map<string, OptionsFromMacro>();
  for (const [option, origin] of Object.entries(written as Record<string, unknown>)) {
    if (!isMacroOrigin(origin)) continue;
    const call = JSON.stringify([origin.macro, origin.args, origin.definedIn]);
    const entry = byCall.get(call) ?? { options: [], origin };
    entry.options.push(option);
    byCall.set(call, entry);
  }
  return [...byCall.values()];
}

function isMacroOrigin(value: unknown): value is MacroOrigin {
  if (typeof value !== 'object' || value === null) return false;
  const { macro, args, definedIn } = value as Record<string, unknown>;
  return typeof macro === 'string' && typeof definedIn === 'string' && Array.isArray(args)
    && args.every((arg) => typeof arg === 'string');
}
