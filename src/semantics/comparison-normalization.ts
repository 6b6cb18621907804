// A comparison's operator and values normalized across vendors, once its field is canonical.

import type { CanonicalComparison } from '../ir/index.js';

/** The comparison as the same condition is written everywhere. */
export function normalizeComparison(comparison: CanonicalComparison): CanonicalComparison {
  return comparison;
}
