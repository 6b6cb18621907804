// The event fields an Elastic rule or hunting query needs, read from its lowered stages: what
// Kibana lists as a rule's required fields, with the type the schemas give each field.

import type { Expr, Stage } from '../../ir/index.js';
import { dissectPattern } from '../../match/elastic/dissect-pattern.js';
import { grokPattern } from '../../match/elastic/grok-pattern.js';
import { isEcsField, isNonEcsField } from '../../semantics/field-maps/schema-fields.js';
import { schemaTypeOf } from './field-types.js';
import { stringsOf } from './rule-table.js';

export interface RequiredField {
  name: string;
  /** Elasticsearch type from the ECS or non-ECS schema (`keyword`, `long`); null if in neither. */
  type: string | null;
  /** Whether ECS defines the field. */
  ecs: boolean;
}

/** The steps of an EQL sequence: their conditions and join keys are read from events too. */
const SEQUENCE_PARTS: ReadonlySet<string> = new Set(['step', 'until']);

// LIMITATION: fields read only inside ES|QL EVAL, STATS, DISSECT or GROK expressions (kept as
// text) and threat_match mapping fields are not listed — such a rule's list is shorter than
// Kibana's; columns of a DISSECT or GROK pattern ruledex cannot read count as event fields.
/**
 * The fields, sorted by name, that the rule's event conditions compare (every stage up to its
 * first aggregation, and an EQL sequence's steps) and that the aggregation groups by. Columns an
 * earlier stage computes or renames (ES|QL `EVAL x = …`, `RENAME a AS b`) are no event fields,
 * nor are Elasticsearch's own `_index` and ruledex's `_raw`.
 */
export function requiredFields(pipeline: Stage[]): RequiredField[] {
  const computed = new Set<string>();
  const read = new Set<string>();
  const readField = (field: string) => {
    if (!computed.has(field) && isEventField(field)) read.add(field);
  };

  let aggregated = false;
  for (const stage of pipeline) {
    const matching = stage.effect === 'filter' || stage.effect === 'aggregate';
    if ((matching && !aggregated) || SEQUENCE_PARTS.has(stage.command)) {
      if (stage.predicate) fieldsOf(stage.predicate).forEach(readField);
      stage.groupBy?.fields.forEach(readField);
      stringsOf(stage.args.by).forEach(readField);
    }
    if (stage.effect === 'aggregate') aggregated = true;
    columnsWrittenBy(stage).forEach((column) => computed.add(column));
  }

  return [...read].sort().map((name) => ({
    name,
    type: schemaTypeOf(name) ?? (isEcsField(name) || isNonEcsField(name) ? 'keyword' : null),
    ecs: isEcsField(name),
  }));
}

/** Fields a condition reads: compared fields, the other side of a field comparison, computed. */
function fieldsOf(expr: Expr): string[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.args.flatMap(fieldsOf);
    case 'not':
      return fieldsOf(expr.arg);
    case 'predicate': {
      const { field, op, values } = expr.predicate;
      return op === 'fieldref' ? [field, ...stringsOf(values)] : [field];
    }
    case 'computed':
      return expr.computed.fields;
    case 'subsearch':
    case 'opaque':
      return [];
  }
}

/**
 * Names an ES|QL stage gives its results: `EVAL` and `STATS` columns, `RENAME` targets, the keys
 * of `DISSECT` and `GROK` patterns and the column of `COMPLETION`.
 */
function columnsWrittenBy(stage: Stage): string[] {
  const { args } = stage;
  const named = (list: unknown, key: string) =>
    (Array.isArray(list) ? list : []).flatMap((item: unknown) => {
      const value = typeof item === 'object' && item !== null ? Reflect.get(item, key) : null;
      return typeof value === 'string' ? [value] : [];
    });
  return [
    ...named(args.columns, 'name'),
    ...named(args.aggregations, 'name'),
    ...named(args.pairs, 'to'),
    ...stringsOf(args.column),
    ...patternColumns(stage.command, args.pattern),
  ];
}

/** The columns a DISSECT or GROK pattern writes, when its pattern can be read. */
function patternColumns(command: string, pattern: unknown): string[] {
  if (typeof pattern !== 'string' || (command !== 'dissect' && command !== 'grok')) return [];
  const parsed = command === 'dissect' ? dissectPattern(pattern) : grokPattern(pattern);
  return 'unsupported' in parsed ? [] : parsed.columns;
}

/** Elasticsearch's metadata fields (`_index`, `_id`), ruledex's `_raw` and computed values. */
function isEventField(field: string): boolean {
  return field !== '' && !field.startsWith('_') && !field.includes('(');
}
