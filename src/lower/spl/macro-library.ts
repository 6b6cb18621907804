// The macros of a Splunk repository as the expansion looks them up: by name and arity, every
// arity of a name, and the macro files that could not be read.

import type {
  ExpansionBudget,
  MacroDefinition,
  MacroLibrary,
} from '../../languages/spl/macros.js';
import { macroKey, type SplunkContext } from '../../sources/splunk/splunk-context.js';

/** The macros one search is lowered with, and what their expansions may still add. */
export interface SearchMacros {
  library: MacroLibrary;
  budget: ExpansionBudget;
}

/** Built once per context: every rule of a repository shares the same macros. */
const libraries = new WeakMap<SplunkContext, MacroLibrary>();

export function macroLibraryOf(context: SplunkContext): MacroLibrary {
  const known = libraries.get(context);
  if (known) return known;

  const byName = new Map<string, MacroDefinition[]>();
  for (const macro of context.macros.values()) {
    const overloads = byName.get(macro.name) ?? [];
    overloads.push(macro);
    byName.set(macro.name, overloads);
  }
  for (const overloads of byName.values()) {
    overloads.sort((a, b) => a.arguments.length - b.arguments.length);
  }

  const library: MacroLibrary = {
    find: (name, arity) => context.macros.get(macroKey(name, arity)),
    overloads: (name) => byName.get(name) ?? [],
    unreadable: (name) => context.unreadableMacros.get(name),
  };
  libraries.set(context, library);
  return library;
}
