// Lowers `[[rule.filters]]` — Kibana filters holding Elasticsearch query DSL — into predicates.
// Supported: wildcard, exists, term, terms, match_phrase, match, range and bool.

import { and, not, or, predicate, type Expr, type Op, type Scalar } from '../../ir/index.js';
import type { ElasticPipeline, NewStage } from './elastic-pipeline.js';
import { fieldTypeOf } from './field-types.js';
import { inlineToml } from './inline-toml.js';
import { tableOf, tablesOf, type RuleTable } from './rule-table.js';
import { matchOf, patternOf } from './value-pattern.js';

const RANGE_OPS: Record<string, Op> = { gt: 'gt', gte: 'ge', lt: 'lt', lte: 'le' };

/** Where a query clause is lowered: problems are reported against the filters stage. */
interface DslScope {
  pipeline: ElasticPipeline;
  stage: number;
}

/** A single-field clause: its field, its setting, and the whole clause for texts. */
interface FieldClause {
  field: string;
  setting: unknown;
  query: RuleTable;
}

/** One stage holding the AND of the enabled filters; `meta.negate` negates a filter. */
export function filtersStage(filters: unknown, pipeline: ElasticPipeline): NewStage {
  const scope = { pipeline, stage: pipeline.nextIndex() };
  const parts: Expr[] = [];
  for (const filter of tablesOf(filters)) {
    const meta = tableOf(filter.meta);
    if (meta.disabled === true) {
      const message = 'a disabled filter is ignored';
      pipeline.report('info', 'elastic.filter-disabled', message, scope.stage);
      continue;
    }
    const query = Object.hasOwn(filter, 'query') ? tableOf(filter.query) : queryClauses(filter);
    const lowered = lowerQueryDsl(query, scope);
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

function lowerQueryDsl(query: RuleTable, scope: DslScope): Expr {
  const entries = Object.entries(query);
  if (entries.length !== 1) return opaque(query, 'a query with several clauses', scope);
  const [kind, body] = entries[0];
  const clause = tableOf(body);

  if (kind === 'bool') return lowerBool(clause, scope);
  if (kind === 'exists') {
    if (typeof clause.field !== 'string') return opaque(query, 'exists without a field', scope);
    return make(clause.field, 'exists', [], true, query);
  }

  const fields = Object.entries(clause);
  if (fields.length !== 1) return opaque(query, `${kind} on several fields`, scope);
  const [field, setting] = fields[0];
  const single = { field, setting, query };
  switch (kind) {
    case 'wildcard':
      return lowerWildcard(single, scope);
    case 'term':
      return lowerTerm(single, scope);
    case 'terms':
      return lowerTerms(single, scope);
    case 'match_phrase':
    case 'match':
      return lowerMatch(single, scope);
    case 'range':
      return lowerRange(single, scope);
    default:
      return opaque(query, `query clause '${kind}'`, scope);
  }
}

/** `bool`: must and filter all hold, must_not none, should one when nothing else is required. */
function lowerBool(bool: RuleTable, scope: DslScope): Expr {
  if (bool.minimum_should_match !== undefined) {
    return opaque({ bool }, 'bool with minimum_should_match', scope);
  }
  const clauses = (name: string): Expr[] => {
    const value = bool[name];
    if (value === undefined) return [];
    const list = Array.isArray(value) ? tablesOf(value) : [tableOf(value)];
    return list.map((clause) => lowerQueryDsl(clause, scope));
  };
  const required = [...clauses('must'), ...clauses('filter')];
  const excluded = clauses('must_not').map(not);
  const should = clauses('should');
  // With must or filter present, should clauses only change the score.
  const optional = required.length === 0 && should.length > 0 ? [or(should)] : [];
  return and([...required, ...excluded, ...optional]);
}

/** `wildcard`: `*` and `?` with `\` escapes; `case_insensitive` makes it ignore case. */
function lowerWildcard({ field, setting, query }: FieldClause, scope: DslScope): Expr {
  const options = tableOf(setting);
  const value = typeof setting === 'string' ? setting : (options.value ?? options.wildcard);
  if (typeof value !== 'string') return opaque(query, 'wildcard without a pattern', scope);
  const match = matchOf(patternOf(value, { single: true, escapes: true }));
  return make(field, match.op, match.values, options.case_insensitive !== true, query);
}

function lowerTerm({ field, setting, query }: FieldClause, scope: DslScope): Expr {
  const options = tableOf(setting);
  const value = isScalar(setting) ? setting : options.value;
  if (!isScalar(value)) return opaque(query, 'term without a value', scope);
  return make(field, 'eq', [value], options.case_insensitive !== true, query);
}

function lowerTerms({ field, setting, query }: FieldClause, scope: DslScope): Expr {
  if (!Array.isArray(setting) || !setting.every(isScalar)) {
    return opaque(query, 'terms without a value list', scope);
  }
  return or(setting.map((value) => make(field, 'eq', [value], true, query)));
}

/** A phrase on a text field matches its words (case-insensitive); on a keyword, the value. */
function lowerMatch({ field, setting, query }: FieldClause, scope: DslScope): Expr {
  const value = isScalar(setting) ? setting : tableOf(setting).query;
  if (!isScalar(value)) return opaque(query, 'match without a query', scope);
  if (fieldTypeOf(field) === 'text') return make(field, 'contains', [value], false, query);
  return make(field, 'eq', [value], true, query);
}

function lowerRange({ field, setting, query }: FieldClause, scope: DslScope): Expr {
  const bounds = Object.entries(tableOf(setting)).filter(([key]) => Object.hasOwn(RANGE_OPS, key));
  if (bounds.length === 0 || !bounds.every(([, value]) => isScalar(value))) {
    return opaque(query, 'range without bounds', scope);
  }
  return and(
    bounds.map(([key, value]) => make(field, RANGE_OPS[key], [value as Scalar], true, query)),
  );
}

function make(field: string, op: Op, values: Scalar[], caseSensitive: boolean, query: RuleTable) {
  return predicate({ field, op, values, caseSensitive, text: JSON.stringify(query) });
}

function opaque(query: RuleTable, what: string, scope: DslScope): Expr {
  const reason = `${what} is not lowered`;
  scope.pipeline.report('warning', 'elastic.query-dsl', `filter: ${reason}`, scope.stage);
  return { kind: 'opaque', text: JSON.stringify(query), reason };
}

function isScalar(value: unknown): value is Scalar {
  return ['string', 'number', 'boolean'].includes(typeof value) || value === null;
}
