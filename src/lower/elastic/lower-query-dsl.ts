// Lowers `[[rule.filters]]` — Kibana filters holding Elasticsearch query DSL — into predicates.
// Supported: wildcard, exists, term, terms, match_phrase, match, range and bool.

import { and, not, or, predicate, type Expr, type Op, type Scalar } from '../../ir/index.js';
import type { ElasticPipeline, NewStage } from './elastic-pipeline.js';
import { analyzedWords } from './analyzed-words.js';
import { comparesCase, fieldFamilyOf } from './field-types.js';
import { inlineToml } from './inline-toml.js';
import { tableOf, type RuleTable } from './rule-table.js';
import { matchOf, patternOf } from './value-pattern.js';

const RANGE_OPS: Record<string, Op> = { gt: 'gt', gte: 'ge', lt: 'lt', lte: 'le' };

/** Keys a bool query may hold; `boost` and `_name` change only scores and names. */
const BOOL_KEYS: ReadonlySet<string> = new Set([
  'must',
  'filter',
  'should',
  'must_not',
  'minimum_should_match',
  'boost',
  '_name',
]);

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
  const text = inlineToml('filters', filters);
  if (!Array.isArray(filters)) {
    opaque(filters, 'filters that are not a list', scope);
    return { command: 'filters', text, effect: 'filter', args: { count: 0 }, opaque: true };
  }

  const parts: Expr[] = [];
  for (const filter of filters) {
    const part = filterOf(filter, scope);
    if (part !== null) parts.push(part);
  }

  const args = { count: parts.length };
  if (parts.length === 0) return { command: 'filters', text, effect: 'filter', args };
  return { command: 'filters', text, effect: 'filter', args, predicate: and(parts) };
}

/** One filter's condition; null for a disabled filter. Unreadable settings make it opaque. */
function filterOf(filter: unknown, scope: DslScope): Expr | null {
  if (!isTable(filter)) return opaque(filter, 'a filter that is not a table', scope);
  const meta = filter.meta ?? {};
  if (!isTable(meta)) return opaque(filter, 'a filter whose meta is not a table', scope);
  if (!isFlag(meta.disabled) || !isFlag(meta.negate)) {
    return opaque(filter, 'a filter whose disabled or negate is not true or false', scope);
  }
  if (meta.disabled === true) {
    const message = 'a disabled filter is ignored';
    scope.pipeline.report('info', 'elastic.filter-disabled', message, scope.stage);
    return null;
  }

  if (Object.hasOwn(filter, 'query') && !isTable(filter.query)) {
    return opaque(filter, 'a filter whose query is not a table', scope);
  }
  const query = Object.hasOwn(filter, 'query') ? tableOf(filter.query) : queryClauses(filter);
  const lowered = lowerQueryDsl(query, scope);
  return meta.negate === true ? not(lowered) : lowered;
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
  if (!isTable(body)) return opaque(query, `'${kind}' whose body is not a table`, scope);
  const clause = body;

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
      return lowerMatch(single, scope, 'phrase');
    case 'match':
      return lowerMatch(single, scope, 'words');
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
  const unknown = Object.keys(bool).find((key) => !BOOL_KEYS.has(key));
  if (unknown !== undefined) return opaque({ bool }, `bool with '${unknown}'`, scope);

  const clauses = (name: string): Expr[] => {
    const value = bool[name];
    if (value === undefined) return [];
    const list: unknown[] = Array.isArray(value) ? value : [value];
    return list.map((clause) =>
      isTable(clause)
        ? lowerQueryDsl(clause, scope)
        : opaque(clause, `a ${name} clause that is not a table`, scope),
    );
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
  if (!isFlag(options.case_insensitive)) {
    return opaque(query, 'wildcard whose case_insensitive is not true or false', scope);
  }
  const match = matchOf(patternOf(value, { single: true, escapes: true }));
  return make(field, match.op, match.values, options.case_insensitive !== true, query);
}

function lowerTerm({ field, setting, query }: FieldClause, scope: DslScope): Expr {
  const options = tableOf(setting);
  const value = isScalar(setting) ? setting : options.value;
  if (!isScalar(value)) return opaque(query, 'term without a value', scope);
  if (!isFlag(options.case_insensitive)) {
    return opaque(query, 'term whose case_insensitive is not true or false', scope);
  }
  return make(field, 'eq', [value], options.case_insensitive !== true, query);
}

function lowerTerms({ field, setting, query }: FieldClause, scope: DslScope): Expr {
  if (!Array.isArray(setting) || !setting.every(isScalar)) {
    return opaque(query, 'terms without a value list', scope);
  }
  return or(setting.map((value) => make(field, 'eq', [value], true, query)));
}

/**
 * On a text field, `match_phrase` matches its words in order and `match` any analyzed word
 * (case-insensitive `contains`); on any other field, both compare the whole value.
 */
function lowerMatch(
  { field, setting, query }: FieldClause,
  scope: DslScope,
  kind: 'phrase' | 'words',
): Expr {
  const value = isScalar(setting) ? setting : tableOf(setting).query;
  if (!isScalar(value)) return opaque(query, 'match without a query', scope);
  const type = fieldFamilyOf(field);
  if (type !== 'text') return make(field, 'eq', [value], comparesCase(type), query);
  if (kind === 'phrase' || typeof value !== 'string') {
    return make(field, 'contains', [value], false, query);
  }
  return or(analyzedWords(value).map((word) => make(field, 'contains', [word], false, query)));
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

function opaque(query: unknown, what: string, scope: DslScope): Expr {
  const reason = `${what} is not lowered`;
  scope.pipeline.report('warning', 'elastic.query-dsl', `filter: ${reason}`, scope.stage);
  return { kind: 'opaque', text: JSON.stringify(query) ?? String(query), reason };
}

/** An optional true/false setting: absent, or a boolean. */
function isFlag(value: unknown): boolean {
  return value === undefined || typeof value === 'boolean';
}

function isTable(value: unknown): value is RuleTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is Scalar {
  return ['string', 'number', 'boolean'].includes(typeof value) || value === null;
}
