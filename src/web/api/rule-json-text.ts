// A rule's JSON as text for `show --json` and the API, refused when it grows too large to write:
// a rule with a million values would otherwise exceed what one string can hold and crash.

/** Characters of one rule's JSON text; larger rules are answered with an error instead. */
export const RULE_JSON_CHARACTERS = 64 * 2 ** 20;

export const RULE_JSON_TOO_LARGE = "the rule's JSON is too large to print "
  + `(over ${RULE_JSON_CHARACTERS / 2 ** 20} MiB)`;

/** The JSON text of `value`, or null when it is longer than `limit` or cannot be built at all. */
export function ruleJsonText(
  value: unknown,
  indent: number | undefined,
  limit: number = RULE_JSON_CHARACTERS,
): string | null {
  let text: string;
  try {
    text = JSON.stringify(value, null, indent);
  } catch (error) {
    // V8 raises RangeError when the text would pass its longest string.
    if (error instanceof RangeError) return null;
    throw error;
  }
  return text.length > limit ? null : text;
}
