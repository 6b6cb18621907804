// Words for stages, shared by the rule page and the terminal: what each effect does, which
// macro a stage came from and where that macro is defined, and what a grouping keeps.

import type { Effect, MacroOrigin, Stage } from '../ir/index.js';
import { BUILTIN } from '../languages/spl/macros.js';

const EFFECT_TEXT: Record<Effect, string> = {
  filter: 'drops events that do not match',
  aggregate: 'groups events into rows',
  'filter-aggregated': 'drops result rows that do not match',
  enrich: 'adds fields',
  format: 'changes presentation only',
  'tuning-hook': 'a place for local exclusions, empty by default',
};

/**
 * Elastic rule settings whose effect kind alone would misdescribe them: new terms keeps events
 * rather than grouping them, and alert suppression changes which alerts are raised, not what the
 * rule matches.
 */
const COMMAND_TEXT: Record<string, string> = {
  new_terms: 'keeps events whose values of the fields were not seen in the history window',
  alert_suppression: 'raises one alert per group and period; the events matched do not change',
};

/**
 * What the stage does to the rows reaching it. A row filter without a condition (ES|QL LIMIT,
 * SPL head after stats) drops rows by position, which "do not match" would misdescribe.
 */
export function effectText(stage: Pick<Stage, 'command' | 'effect' | 'predicate'>): string {
  if (Object.hasOwn(COMMAND_TEXT, stage.command)) return COMMAND_TEXT[stage.command];
  if (stage.effect === 'filter-aggregated' && stage.predicate === undefined) {
    return 'keeps only some result rows, by position, not by a condition';
  }
  return EFFECT_TEXT[stage.effect] ?? '';
}

/** `name(arg, …)` as the macro was called. */
export function macroCall(origin: MacroOrigin): string {
  return origin.args.length > 0 ? `${origin.macro}(${origin.args.join(', ')})` : origin.macro;
}

/** Whether the macro comes with the engine rather than from a file of the repository. */
export function isBuiltIn(origin: MacroOrigin): boolean {
  return origin.definedIn === BUILTIN;
}
