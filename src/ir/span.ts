// Where a piece of syntax came from, as character offsets into the rule's query text.

export interface Span {
  /** Offset of the first character, 0-based, into the query text it was parsed from. */
  start: number;
  /** Offset one past the last character. */
  end: number;
}

/** The macro a stage or predicate was expanded from (SPL macros; Sigma placeholders later). */
export interface MacroOrigin {
  /** Macro name as written, without backticks, e.g. `powershell` or `security_content_ctime`. */
  macro: string;
  /** Arguments as written, e.g. `["firstTime"]`. */
  args: string[];
  /** Where the macro is defined: a repository-relative file, or `builtin`. */
  definedIn: string;
}
