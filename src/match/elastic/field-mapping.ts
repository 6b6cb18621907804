// How Elasticsearch maps a field decides how a query compares its values: the ECS schema and the
// non-ECS fields detection-rules declares (field-types.json, compiled from ../shared/reference/ecs
// by test/match/elastic/compile-field-types.ts), then the naming conventions of field-types.ts.

import { fieldTypeOf } from '../../lower/elastic/field-types.js';
import fieldTypes from './field-types.json' with { type: 'json' };

/**
 * - keyword: exact, case-sensitive values (also `wildcard` and `constant_keyword` fields)
 * - caseless: a keyword with a lower-case normalizer (Elastic Defend's `.caseless`)
 * - text: analyzed words; number, boolean, date, ip: values of that type
 * - object, nested, flattened, geo: containers and values the matcher does not compare as text
 */
export type MappedType =
  | 'keyword'
  | 'caseless'
  | 'text'
  | 'number'
  | 'boolean'
  | 'date'
  | 'ip'
  | 'object'
  | 'nested'
  | 'flattened'
  | 'geo';

const KNOWN: ReadonlyMap<string, string> = new Map(Object.entries(fieldTypes));

// LIMITATION: integration fields outside ECS and outside detection-rules' non-ECS schema are
// typed by their name only (`*.ip` is an ip, `*.text` text, anything else a keyword) — a number
// or text field of an integration is then compared as a keyword, exactly and case-sensitively.
export function mappedTypeOf(field: string): MappedType {
  const known = KNOWN.get(field);
  if (known !== undefined) return known as MappedType;
  return fieldTypeOf(field);
}
