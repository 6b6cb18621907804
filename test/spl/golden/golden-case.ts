// A golden case: one real detection of the Splunk corpus and what its lowering must be, worked
// out by hand from SPL semantics and written in the notation of golden-notation.ts.

export interface GoldenCase {
  /** The detection's `id` and its repository-relative file. */
  id: string;
  file: string;
  /** Commands (by name) and semantic rules (see COVERAGE) this case checks. */
  covers: string[];
  /** Every stage, in order, as `stageLine` writes it. */
  stages: string[];
  /** The predicate tree of every stage that has one, by 1-based stage index; no other has one. */
  predicates: Record<number, string>;
  /** The nested searches of stages that hold some, by stage index, as `subsearchText` writes. */
  subsearches?: Record<number, string[]>;
  /** Parsed arguments asserted exactly, by stage index (only for commands with settled readers). */
  args?: Record<number, Record<string, unknown>>;
  /** The rule's event filter (see finishRule), when the case is about which filters count. */
  eventFilter?: string;
  /**
   * Set when our lowering is known to get this case wrong: what is wrong. The case then runs as
   * a `todo` with the expectation that is right, so the bug stays visible until it is fixed.
   */
  knownBug?: string;
}

/** The stage line of the `<name>` tuning hook every corpus search ends with. */
export function hook(name: string): string {
  return `\`${name}\` tuning-hook @builtin:${name}`;
}

/** The two `security_content_ctime` stages most searches format firstTime and lastTime with. */
export const CTIME_FIRST_LAST = [
  'convert format @security_content_ctime(firstTime)',
  'convert format @security_content_ctime(lastTime)',
];

/** The stage `drop_dm_object_name(<object>)` expands to. */
export function dropObjectName(object: string): string {
  return `rename format @builtin:drop_dm_object_name(${object})`;
}

/** Options `security_content_summariesonly` expands to, as tstats reads them. */
export const SUMMARIES_ONLY = {
  summariesonly: 'false',
  allow_old_summaries: 'true',
  fillnull_value: 'null',
};

const SUMMARIES_MACRO = {
  macro: 'security_content_summariesonly',
  args: [],
  definedIn: 'macros/security_content_summariesonly.yml',
};

/** The `security_content_summariesonly` macro, as the origin of each option it writes. */
export const SUMMARIES_ONLY_ORIGINS = {
  summariesonly: SUMMARIES_MACRO,
  allow_old_summaries: SUMMARIES_MACRO,
  fillnull_value: SUMMARIES_MACRO,
};
