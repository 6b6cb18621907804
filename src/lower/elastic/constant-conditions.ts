// Conditions that are constants (`any where true`, `WHERE false`) as predicate trees.

import type { Expr } from '../../ir/index.js';

/** Always true: an AND of nothing. */
export const TRUE_CONDITION: Expr = { kind: 'and', args: [] };

/** Always false: an OR of nothing. */
export const FALSE_CONDITION: Expr = { kind: 'or', args: [] };
