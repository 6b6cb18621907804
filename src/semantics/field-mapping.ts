// A rule's field name in the cross-vendor vocabulary: an ECS field where a mapping exists.

import { RAW_FIELD, type FieldMapping } from '../ir/index.js';
import type { FieldContext } from './field-context.js';

export interface MappedField {
  field: string;
  mapping: FieldMapping;
}

/** Fields of ours that no vendor writes: kept as they are. */
function isPseudoField(field: string): boolean {
  return field === RAW_FIELD || field === '_index' || field.startsWith('logsource.');
}

export function mapField(field: string, context: FieldContext): MappedField {
  if (isPseudoField(field)) return { field, mapping: 'pseudo' };
  if (context.source === 'elastic' || context.source === 'elastic-hunting') {
    return { field, mapping: 'ecs' };
  }
  return { field, mapping: 'unmapped' };
}
