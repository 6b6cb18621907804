// Lowers `[[rule.filters]]` — Kibana filters holding Elasticsearch query DSL — into predicates.
// Supported: wildcard, exists, term, terms, match_phrase, match, range and bool.

import { and, not, or, predicate, type Expr, type Op, type Scalar } from '../../ir/index.js';
import type { ElasticPipeline, NewStage } from './elastic-pipeline.js';
import { fieldTypeOf } from './field-types.js';
import { inlineToml } from './inline-toml.js';
import { tableOf, tablesOf, type RuleTable } from './rule-table.js';
import { matchOf, patternOf } from './value-pattern.js';

const RANGE_OPS: Record<string, Op> = { gt: 'gt', gte: 'ge', lt: 'lt', lte: 'le' };

/** One stage holding the AND of the enabled filters; `meta.negate` negates a filter. */
export function filtersStage(filters: unknown, pipeline: ElasticPipeline): NewStage {
  const stage = pipeline.nextIndex();
  const parts: Expr[] = [];
  for (const filter of tablesOf(filters)) {
    const meta = tableOf(filter.meta);
    if (meta.disabled === true) {
      pipeline.report('info', 'elastic.filter-disabled', 'a disabled filter is ignored', stage);
      continue;
    }
    const query = Object.hasOwn(filter, 'query') ? tableOf(filter.query) : queryClauses(filter);
    const lowered = lowerQueryDsl(query, pipeline, stage);
    parts.push(meta.negate === true ? not(lowered) : lowered);
  }
  const text = inlineToml('filters', filters);
  const args = { count: parts.length };
  if (parts.length === 0) return { command: 'filters', text, effect: 'filter', args };
  return { command: 'filters', text, effect: 'filter', args, predicate: and(parts) };
}

/** Older filters put the query clause (e.g. `exists`) beside `meta` instead of under `query`. */
function queryClauses(filter: RuleTable): RuleTable {
  const clauses = Object.entries(filter).filter(([key]) => key !== 'meta' && key !== '$state');
  return Object.fromEntries(clauses);
}

function lowerQueryDsl(query: RuleTable, pipeline: ElasticPipeline, stage: number): Expr {
  const entries = Object.entries(query);
  if (entries.length !== 1) return opaque(query, 'a query with several clauses', pipeline, stage);
  const [kind, body] = entries[0];
  const clause = tableOf(body);

  if (kind === 'bool') return lowerBool(clause, pipeline, stage);
  if (kind === 'exists') {
    const field = typeof clause.field === 'string' ? clause.field : null;
    if (field === null) return opaque(query, 'exists without a field', pipeline, stage);
    return make(field, 'exists', [], true, query);
  }

  const fieldEntries = Object.entries(clause);
  if (fieldEntries.length !== 1) return opaque(query, `${kind} on several fields`, pipeline, stage);
  const [field, setting] = fieldEntries[0];
  switch (kind) {
    case 'wildcard':
      return lowerWildcard(field, setting, query, pipeline, stage);
    case 'term':
      return lowerTerm(field, setting, query, pipeline, stage);
    case 'terms':
      return lowerTerms(field, setting, query, pipeline, stage);
    case 'match_phrase':
    case 'match':
      return lowerMatch(field, setting, query, pipeline, stage);
    case 'range':
      return lowerRange(field, setting, query, pipeline, stage);
    default:
      return opaque(query, `query clause '${kind}'`, pipeline, stage);
  }
}

/** `bool`: must and filter all hold, must_not none, should one when nothing else is required. */
function lowerBool(bool: RuleTable, pipeline: ElasticPipeline, stage: number): Expr {
  if (bool.minimum_should_match !== undefined) return opaque({ bool }, 'bool with minimum_should_match', pipeline, stage);
  const clauses = (name: string): Expr[] =>
    (Array.isArray(bool[name]) ? tablesOf(bool[name]) : bool[name] === undefined ? [] : [tableOf(bool[name])]).map(
      (clause) => lowerQueryDsl(clause, pipeline, stage),
    );
  const required = [...clauses('must'), ...clauses('filter')];
  const excluded = clauses('must_not').map(not);
  const should = clauses('should');
  // With must or filter present, should clauses only change the score.
  const optional = required.length === 0 && should.length > 0 ? [or(should)] : [];
  return and([...required, ...excluded, ...optional]);
}

/** `wildcard`: `*` and `?` with `\` escapes; `case_insensitive` makes it ignore case. */
function lowerWildcard(field: string, setting: unknown, query: RuleTable, pipeline: ElasticPipeline, stage: number): Expr {
  const options = tableOf(setting);
  const value = typeof setting === 'string' ? setting : options.value ?? options.wildcard;
  if (typeof value !== 'string') return opaque(query, 'wildcard without a pattern', pipeline, stage);
  const match = matchOf(patternOf(value, { single: true, escapes: true }));
  return make(field, match.op, match.values, options.case_insensitive !== true, query);
}

function lowerTerm(field: string, setting: unknown, query: RuleTable, pipeline: ElasticPipeline, stage: number): Expr {
  const options = tableOf(setting);
  const value = isScalar(setting) ? setting : options.value;
  if (!isScalar(value)) return opaque(query, 'term without a value', pipeline, stage);
  return make(field, 'eq', [value], options.case_insensitive !== true, query);
}

function lowerTerms(field: string, setting: unknown, query: RuleTable, pipeline: ElasticPipeline, stage: number): Expr {
  if (!Array.isArray(setting) || !setting.every(isScalar)) return opaque(query, 'terms without a value list', pipeline, stage);
  return or(setting.map((value) => make(field, 'eq', [value], true, query)));
}

/** A phrase on a text field matches its words (case-insensitive); on a keyword field, the value. */
function lowerMatch(field: string, setting: unknown, query: RuleTable, pipeline: ElasticPipeline, stage: number): Expr {
  const value = isScalar(setting) ? setting : tableOf(setting).query;
  if (!isScalar(value)) return opaque(query, 'match without a query', pipeline, stage);
  if (fieldTypeOf(field) === 'text') return make(field, 'contains', [value], false, query);
  return make(field, 'eq', [value], true, query);
}

function lowerRange(field: string, setting: unknown, query: RuleTable, pipeline: ElasticPipeline, stage: number): Expr {
  const bounds = Object.entries(tableOf(setting)).filter(([key]) => key in RANGE_OPS);
  if (bounds.length === 0 || !bounds.every(([, value]) => isScalar(value))) {
    return opaque(query, 'range without bounds', pipeline, stage);
  }
  return and(bounds.map(([key, value]) => make(field, RANGE_OPS[key], [value as Scalar], true, query)));
}

function make(field: string, op: Op, values: Scalar[], caseSensitive: boolean, query: RuleTable): Expr {
  return predicate({ field, op, values, caseSensitive, text: JSON.stringify(query) });
}

function opaque(query: RuleTable, what: string, pipeline: ElasticPipeline, stage: number): Expr {
  const reason = `${what} is not lowered`;
  pipeline.report('warning', 'elastic.query-dsl', `filter: ${reason}`, stage);
  return { kind: 'opaque', text: JSON.stringify(query), reason };
}

function isScalar(value: unknown): value is Scalar {
  return ['string', 'number', 'boolean'].includes(typeof value) || value === null;
}
