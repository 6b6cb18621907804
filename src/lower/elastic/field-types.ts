// How Elasticsearch indexes a field decides how KQL, query DSL and ES|QL full-text matching treat
// it: keyword fields compare exact values case-sensitively, `.caseless` keywords ignore case, text
// fields match analyzed words, ip fields take addresses and CIDR ranges. Types come from the ECS
// schema and detection-rules' non-ECS schema, compiled by scripts/compile-ecs.ts.

import compiled from './field-types.json' with { type: 'json' };

/** How KQL and full-text matching treat a field: the categories that change a predicate. */
export type FieldType = 'keyword' | 'caseless' | 'text' | 'ip';

/** The family of a field's Elasticsearch type: a FieldType, or a kind of value with no case. */
export type FieldFamily =
  | FieldType
  | 'number'
  | 'date'
  | 'boolean'
  /** object, nested, flattened, geo_point: no single value to compare. */
  | 'other';

/** The family of each Elasticsearch type the schemas use. */
const FAMILIES: Record<string, FieldFamily> = {
  keyword: 'keyword',
  constant_keyword: 'keyword',
  wildcard: 'keyword',
  text: 'text',
  match_only_text: 'text',
  ip: 'ip',
  long: 'number',
  integer: 'number',
  short: 'number',
  byte: 'number',
  float: 'number',
  double: 'number',
  scaled_float: 'number',
  half_float: 'number',
  unsigned_long: 'number',
  date: 'date',
  date_nanos: 'date',
  boolean: 'boolean',
};

/** Elasticsearch type of every schema field that is not a plain keyword. */
const SCHEMA_TYPES = new Map<string, string>(
  Object.entries(compiled.types).flatMap(([type, fields]) =>
    fields.map((field): [string, string] => [field, type]),
  ),
);

/** The Elasticsearch type the schemas give a field, unless it is a plain keyword (or unknown). */
export function schemaTypeOf(field: string): string | undefined {
  return SCHEMA_TYPES.get(field);
}

/** The ECS version the types were compiled from. */
export const ECS_VERSION = compiled.ecsVersion;

// LIMITATION: integration fields outside ECS and the non-ECS schema (`aws.cloudtrail.*`,
// `okta.*`…) are typed by their names only (`*.text` text, `*.ip` and `*_ip` ip, `.caseless`),
// else as keywords — a text field among them is matched exactly, so its predicate is stricter
// than Elasticsearch's.
export function fieldFamilyOf(field: string): FieldFamily {
  const schemaType = SCHEMA_TYPES.get(field);
  if (schemaType !== undefined) return FAMILIES[schemaType] ?? 'other';

  if (field.endsWith('.text')) return 'text';
  // Elastic Defend's `.caseless` multi-fields are keywords with a lower-case normalizer.
  if (field.endsWith('.caseless')) return 'caseless';
  const lastSegment = field.slice(field.lastIndexOf('.') + 1);
  if (lastSegment === 'ip' || lastSegment.endsWith('_ip')) return 'ip';
  return 'keyword';
}

/** The field's matching category; numbers, dates and the rest match exactly, as keywords do. */
export function fieldTypeOf(field: string): FieldType {
  const family = fieldFamilyOf(field);
  return family === 'caseless' || family === 'text' || family === 'ip' ? family : 'keyword';
}

/**
 * Whether values of the field are compared exactly, case included: all but caseless keywords,
 * analyzed text and addresses (whose hexadecimal digits have no case).
 */
export function comparesCase(family: FieldFamily): boolean {
  return family !== 'caseless' && family !== 'text' && family !== 'ip';
}
