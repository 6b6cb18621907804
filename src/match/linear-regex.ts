// Regular expressions from rule text, run by RE2 (re2js) in time linear in the input, so no
// pattern can hang the matcher. Patterns RE2 cannot run (backreferences, lookaround) are
// reported, never handed to a backtracking engine.

import { RE2JS, RE2JSSyntaxException } from 're2js';

export interface RegexFlags {
  caseInsensitive?: boolean;
  /** `.` also matches a newline. */
  dotAll?: boolean;
  /** `^` and `$` match at line breaks. */
  multiline?: boolean;
}

export interface LinearRegex {
  /** Whether the pattern matches somewhere in `text` (anchors in the pattern apply). */
  test(text: string): boolean;
  /**
   * The named groups of the first match in `text` (a group that took no part is null), or
   * null when the pattern does not match: SPL `rex` extracting fields.
   */
  namedGroups?(text: string): Record<string, string | null> | null;
  /** The names of the pattern's named groups, in no particular order. */
  groupNames?(): string[];
  /**
   * `text` with every match replaced; `$1`…`$9` in `replacement` stand for the numbered
   * groups, `$$` for a dollar sign: SPL `replace()`.
   */
  replaceAll?(text: string, replacement: string): string;
}

/** Why a pattern is not run. */
export interface RegexRefusal {
  unsupported: string;
  /**
   * True when the pattern is malformed in every regex flavor (an unclosed group or class, a
   * repetition of nothing), rather than one RE2 refuses (backreferences, lookaround).
   */
  invalid?: boolean;
}

/**
 * RE2's errors that no regex flavor accepts either: the pattern is not well formed. (RE2 says
 * "invalid named capture" for a lookbehind `(?<=`, so that one is not among them.)
 */
const MALFORMED = new Set([
  'missing closing )',
  'missing closing ]',
  'unexpected )',
  'trailing backslash at end of expression',
  'missing argument to repetition operator',
  'duplicate capture group name',
]);

/** The compiled pattern, or why RE2 cannot run it. */
export function compileLinearRegex(
  pattern: string,
  flags: RegexFlags = {},
): LinearRegex | RegexRefusal {
  let bits = 0;
  if (flags.caseInsensitive) bits |= RE2JS.CASE_INSENSITIVE;
  if (flags.dotAll) bits |= RE2JS.DOTALL;
  if (flags.multiline) bits |= RE2JS.MULTILINE;
  try {
    const compiled = RE2JS.compile(pattern, bits);
    const names = Object.keys(compiled.namedGroups());
    return {
      test: (text) => compiled.matcher(text).find(),
      namedGroups: (text) => {
        const matcher = compiled.matcher(text);
        if (!matcher.find()) return null;
        return Object.fromEntries(names.map((name) => [name, matcher.group(name)]));
      },
      groupNames: () => [...names],
      replaceAll: (text, replacement) => compiled.matcher(text).replaceAll(replacement),
    };
  } catch (error) {
    const unsupported = error instanceof Error ? error.message : String(error);
    if (error instanceof RE2JSSyntaxException && MALFORMED.has(error.error)) {
      return { unsupported, invalid: true };
    }
    return { unsupported };
  }
}

export function isLinearRegex(value: LinearRegex | RegexRefusal): value is LinearRegex {
  return 'test' in value;
}
