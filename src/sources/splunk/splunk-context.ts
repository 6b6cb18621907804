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

export interface SplunkContext {
  /** Keyed by macro key: `name` for macros without arguments, `name(N)` with N arguments. */
  macros: Map<string, SplunkMacro>;
  dataSources: Map<string, SplunkDataSource>;
  /** Context files that could not be read; they are not rule files and do not count as such. */
  problems: { file: string; line: number; reason: string }[];
}

/** How Splunk names a macro by arity: `name` without arguments, `name(N)` with N arguments. */
export function macroKey(name: string, arity: number): string {
  return arity === 0 ? name : `${name}(${arity})`;
}
