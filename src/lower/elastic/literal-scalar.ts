// Reads an unquoted literal as the scalar it denotes: numbers stay numbers, true/false booleans.

import type { Scalar } from '../../ir/index.js';

/**
 * A number only when the text is the number's own canonical form, so that `1.0` (a TLS version)
 * or `0755` (a file mode) keep their spelling as strings.
 */
export function literalScalar(text: string): Scalar {
  if (text === 'true') return true;
  if (text === 'false') return false;
  const number = Number(text);
  if (text.trim() !== '' && Number.isFinite(number) && String(number) === text) return number;
  return text;
}
