// A problem found while reading, parsing or analysing a rule, always with its location.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable kind, e.g. `spl.unknown-command`, `sigma.unknown-modifier`. */
  code: string;
  message: string;
  file: string;
  /** 1-based line in the rule file. */
  line: number;
  /** 1-based column in the rule file, when known. */
  column?: number;
  /** Index (1-based) of the stage the diagnostic belongs to, when it belongs to one. */
  stage?: number;
}
