// Words for stages, shared by the rule page and the terminal: what each effect does, and
// which macro a stage came from.

import type { Effect, MacroOrigin } from '../ir/index.js';

export const EFFECT_TEXT: Record<Effect, string> = {
  filter: 'drops events that do not match',
  aggregate: 'groups events into rows',
  'filter-aggregated': 'drops aggregated rows that do not match',
  enrich: 'adds fields',
  format: 'changes presentation only',
  'tuning-hook': 'a place for local exclusions, empty by default',
};

/** `name(arg, …)` as the macro was called. */
export function macroCall(origin: MacroOrigin): string {
  return origin.args.length > 0 ? `${origin.macro}(${origin.args.join(', ')})` : origin.macro;
}
