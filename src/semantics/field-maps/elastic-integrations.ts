// Fields of Elastic integrations that Elastic's rules query and that neither ECS nor the non-ECS
// schema lists: the vocabulary beyond ECS in which the other vendors' fields are written too.

import type { FieldTable } from './field-table.js';

/** Each name stands for itself: Elastic rules already write the canonical name. */
function itself(names: readonly string[]): FieldTable {
  return Object.fromEntries(names.map((name) => [name, name]));
}

export const ELASTIC_INTEGRATION_FIELDS: FieldTable = itself([]);
