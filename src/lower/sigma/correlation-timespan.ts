// The `timespan` of a Sigma correlation: a whole number and one lower-case unit letter
// (`90m`, `1h`, `7d`), read into seconds.

import type { ReportProblem } from './sigma-diagnostics.js';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** The window in seconds, or null (reported) when it is missing or not in that form. */
export function correlationTimespan(timespan: unknown, report: ReportProblem): number | null {
  if (timespan === undefined || timespan === null) {
    report('error', 'sigma.missing-correlation-timespan', 'the correlation has no timespan');
    return null;
  }
  const text = String(timespan);
  const letter = text.slice(-1);
  const unit = Object.hasOwn(UNIT_SECONDS, letter) ? UNIT_SECONDS[letter] : undefined;
  const digits = text.slice(0, -1);
  const whole = digits !== '' && [...digits].every((digit) => digit >= '0' && digit <= '9');
  if (unit === undefined || !whole) {
    const message = `timespan '${text}' is not a number and one of s, m, h, d (as in 15m)`;
    report('error', 'sigma.invalid-correlation-timespan', message);
    return null;
  }
  return Number(digits) * unit;
}
