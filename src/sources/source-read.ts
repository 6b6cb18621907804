// What every repository reader returns: the rule documents it found and the ones it could not read.

import type { RuleDocument, SourceName } from '../ir/index.js';

/** A rule document or context file that could not be read: a failed file in the build. */
export interface ReadFailure {
  source: SourceName;
  /** Repository-relative file path. */
  file: string;
  /** 1-based line where the problem is (1 when the whole file is unreadable). */
  line: number;
  reason: string;
}

export interface SourceRead<Context = unknown> {
  source: SourceName;
  /** Absolute path of the repository root that was read. */
  root: string;
  /** Commit of the snapshot (from a SNAPSHOT file or .git), when known. */
  commit: string | null;
  /** Rule files read, and context files (such as macros) that could not be read. */
  files: number;
  documents: RuleDocument[];
  /** Rule and context files that could not be read: files = documents + failures. */
  failures: ReadFailure[];
  /** Source-specific context for lowering (Splunk macros and data sources…). */
  context: Context;
}
