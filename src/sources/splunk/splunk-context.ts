// What lowering a Splunk search needs from the rest of the repository: macros and data sources.

/** A search macro from `macros/*.yml`; macros with arguments use `$arg$` in the definition. */
export interface SplunkMacro {
  name: string;
  arguments: string[];
  definition: string;
  /** Repository-relative file, e.g. `macros/powershell.yml`. */
  definedIn: string;
}

/** A data source from `data_sources/*.yml`: the Splunk source and sourcetype it reads. */
export interface SplunkDataSource {
  name: string;
  source: string | null;
  sourcetype: string | null;
  definedIn: string;
}

/** A context file that could not be read, or a part of one that was left out. */
export interface ContextProblem {
  /** Repository-relative file. */
  file: string;
  /** 1-based line (1 when the problem concerns the whole file). */
  line: number;
  reason: string;
}

export interface SplunkContext {
  /** Keyed by macro key: `name` for macros without arguments, `name(N)` with N arguments. */
  macros: Map<string, SplunkMacro>;
  /**
   * Macro files that could not be read, by the macro name they hold (or, when not even the
   * name can be read, the file name without `.yml`): calls to them say why they failed.
   */
  unreadableMacros: Map<string, ContextProblem>;
  dataSources: Map<string, SplunkDataSource>;
  /**
   * Context files that could not be read, as the context reader found them; the repository
   * reader reports them as read failures and leaves this empty, so they are told only once.
   */
  problems: ContextProblem[];
}

/** How Splunk names a macro by arity: `name` without arguments, `name(N)` with N arguments. */
export function macroKey(name: string, arity: number): string {
  return arity === 0 ? name : `${name}(${arity})`;
}
