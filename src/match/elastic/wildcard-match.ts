// Matches values against wildcard patterns (`*` any run of characters, `?` exactly one) without
// regular expressions: a pattern from rule text is walked in time bounded by pattern × value.

import { patternOf, type PatternPart } from '../../lower/elastic/value-pattern.js';

export type { PatternPart };

type Step = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'one' };

/** A pattern compiled once, tested on many values. */
export interface WildcardPattern {
  test(value: string): boolean;
}

export function wildcardPattern(parts: PatternPart[], caseInsensitive: boolean): WildcardPattern {
  const steps = stepsOf(parts, caseInsensitive);
  return {
    test: (value) => matchSteps(steps, [...(caseInsensitive ? value.toLowerCase() : value)]),
  };
}

/** A pattern written with `*` and `?`; `escapes` makes `\` quote the next character. */
export function writtenPattern(
  text: string,
  options: { caseInsensitive: boolean; escapes: boolean },
): WildcardPattern {
  const parts = patternOf(text, { single: true, escapes: options.escapes });
  return wildcardPattern(parts, options.caseInsensitive);
}

function stepsOf(parts: PatternPart[], caseInsensitive: boolean): Step[] {
  const steps: Step[] = [];
  for (const part of parts) {
    if (part.kind !== 'text') {
      const previous = steps[steps.length - 1];
      if (part.kind === 'any' && previous?.kind === 'any') continue;
      steps.push({ kind: part.kind });
      continue;
    }
    const text = caseInsensitive ? part.text.toLowerCase() : part.text;
    for (const char of text) steps.push({ kind: 'char', char });
  }
  return steps;
}

/**
 * Greedy matching that remembers the last `*` and, on a mismatch, lets it take one more
 * character: each `*` restarts at most once per value position.
 */
function matchSteps(steps: Step[], chars: string[]): boolean {
  let step = 0;
  let position = 0;
  let starStep = -1;
  let starPosition = 0;

  while (position < chars.length) {
    const current = steps[step];
    if (current?.kind === 'any') {
      starStep = step++;
      starPosition = position;
      continue;
    }
    if (current !== undefined && (current.kind === 'one' || current.char === chars[position])) {
      step++;
      position++;
      continue;
    }
    if (starStep < 0) return false;
    step = starStep + 1;
    position = ++starPosition;
  }
  while (steps[step]?.kind === 'any') step++;
  return step === steps.length;
}
