// Evaluates the query DSL of a rule's `[[rule.filters]]` (Kibana filters) on an event: bool,
// term, terms, wildcard, prefix, exists, match, match_phrase, range and regexp clauses, each
// following the field's mapping. Other clauses leave the event undecided.

import { fieldFamilyOf, type FieldFamily } from '../../lower/elastic/field-types.js';
import { analyzedTokens } from './analyzed-text.js';
import { keywordText, valuesOf, type EventScalar } from './event-values.js';
import { luceneRegex } from './lucene-regex.js';
import { matchQueryTest } from './match-query.js';
import {
  allOf,
  anyOf,
  negation,
  TRUE,
  truthOf,
  unknown,
  type EventCondition,
} from './outcome.js';
import { compareTyped, equalsTyped } from './typed-comparison.js';
import { writtenPattern } from './wildcard-match.js';

type Table = Record<string, unknown>;

const BOOL_KEYS = new Set(['must', 'filter', 'should', 'must_not', 'boost', '_name']);

// LIMITATION: other query DSL clauses (query_string, nested, script…) and bool's
// minimum_should_match are not evaluated — a rule filter using them leaves the event undecided.
/** The AND of the enabled filters; `meta.negate` negates one. */
export function filtersCondition(filters: unknown): EventCondition {
  if (!Array.isArray(filters)) return () => unknown('the rule filters are not a list');
  const parts = filters.flatMap((filter): EventCondition[] => {
    if (!isTable(filter)) return [() => unknown('a rule filter is not a table')];
    const meta = isTable(filter.meta) ? filter.meta : {};
    if (meta.disabled === true) return [];
    const query = isTable(filter.query) ? filter.query : clausesBeside(filter);
    const condition = clauseCondition(query);
    if (meta.negate !== true) return [condition];
    const text = `not ${JSON.stringify(query)}`;
    return [(event) => negation(condition(event), text)];
  });
  return (event) => allOf(parts.map((part) => () => part(event)));
}

/** Older filters put the clause (e.g. `exists`) beside `meta` instead of under `query`. */
function clausesBeside(filter: Table): Table {
  return Object.fromEntries(
    Object.entries(filter).filter(([key]) => key !== 'meta' && key !== '$state'),
  );
}

function clauseCondition(query: Table): EventCondition {
  const text = JSON.stringify(query);
  const entries = Object.entries(query);
  if (entries.length !== 1 || !isTable(entries[0][1])) {
    return () => unknown(`filter clause ${text} is not one query`);
  }
  const [kind, body] = entries[0] as [string, Table];
  if (kind === 'bool') return boolCondition(body, text);
  if (kind === 'match_all') return () => TRUE;
  if (kind === 'exists') {
    const field = body.field;
    if (typeof field !== 'string') return () => unknown(`filter ${text} names no field`);
    return (event) => truthOf(valuesOf(event, field).length > 0, text);
  }

  const fields = Object.entries(body).filter(([key]) => key !== 'boost' && key !== '_name');
  if (fields.length !== 1) return () => unknown(`filter ${text} is not on one field`);
  const [field, setting] = fields[0];
  const test = fieldTest(kind, field, setting);
  if (typeof test === 'string') return () => unknown(`filter ${text}: ${test}`);
  return (event) => truthOf(test(valuesOf(event, field)), text);
}

function boolCondition(bool: Table, text: string): EventCondition {
  const extra = Object.keys(bool).find((key) => !BOOL_KEYS.has(key));
  if (extra !== undefined) return () => unknown(`filter ${text} uses bool '${extra}'`);
  const clauses = (name: string): EventCondition[] => {
    const value = bool[name];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map((clause) =>
      isTable(clause) ? clauseCondition(clause) : () => unknown(`filter ${text} is malformed`),
    );
  };
  const required = [...clauses('must'), ...clauses('filter')];
  const excluded = clauses('must_not');
  const should = clauses('should');
  return (event) =>
    allOf([
      ...required.map((clause) => () => clause(event)),
      ...excluded.map((clause) => () => negation(clause(event), text)),
      // With must or filter present, should clauses only change the score.
      ...(required.length === 0 && should.length > 0
        ? [() => anyOf(should.map((clause) => () => clause(event)), text)]
        : []),
    ]);
}

/** A test of one field's values, or why the clause cannot be evaluated. */
function fieldTest(
  kind: string,
  field: string,
  setting: unknown,
): ((values: EventScalar[]) => boolean) | string {
  const options = isTable(setting) ? setting : {};
  const value = isTable(setting) ? (options.value ?? options.query ?? options.wildcard) : setting;
  const caseInsensitive = options.case_insensitive === true;
  const type = fieldFamilyOf(field);
  switch (kind) {
    case 'term':
      if (!isScalar(value)) return 'no value';
      if (type === 'text') {
        return (values) => tokensOf(values).some((tokens) => tokens.includes(String(value)));
      }
      return (values) => values.some((item) => equalsTyped(item, value, type, caseInsensitive));
    case 'terms': {
      if (!Array.isArray(setting) || !setting.every(isScalar)) return 'no value list';
      const terms = setting as EventScalar[];
      return (values) =>
        values.some((item) => terms.some((term) => equalsTyped(item, term, type, false)));
    }
    case 'wildcard':
    case 'prefix': {
      if (typeof value !== 'string') return 'no pattern';
      const written = kind === 'prefix' ? `${value.replace(/[\\*?]/g, '\\$&')}*` : value;
      const pattern = writtenPattern(written, { caseInsensitive, escapes: true });
      return (values) => values.some((item) => pattern.test(keywordText(item)));
    }
    case 'match':
    case 'match_phrase':
      if (!isScalar(value)) return 'no query';
      return matchQueryTest(kind, type, value);
    case 'range':
      return rangeTest(options, type);
    case 'regexp': {
      if (typeof value !== 'string') return 'no pattern';
      const regex = luceneRegex(value, caseInsensitive);
      if ('unsupported' in regex) return regex.unsupported;
      return (values) => values.some((item) => regex.test(keywordText(item)));
    }
    default:
      return `query clause '${kind}' is not evaluated`;
  }
}

function rangeTest(
  bounds: Table,
  type: FieldFamily,
): ((values: EventScalar[]) => boolean) | string {
  const tests: ((order: number) => boolean)[] = [];
  const limits: EventScalar[] = [];
  for (const [key, holds] of Object.entries(RANGE_BOUNDS)) {
    const bound = bounds[key];
    if (bound === undefined) continue;
    if (!isScalar(bound)) return `range bound ${key} is not a value`;
    if (typeof bound === 'string' && bound.startsWith('now')) return 'a range relative to now';
    tests.push(holds);
    limits.push(bound);
  }
  if (tests.length === 0) return 'a range without bounds';
  return (values) =>
    values.some((item) =>
      tests.every((holds, index) => {
        const order = compareTyped(item, limits[index], type);
        return order !== null && holds(order);
      }),
    );
}

const RANGE_BOUNDS: Record<string, (order: number) => boolean> = {
  gt: (order) => order > 0,
  gte: (order) => order >= 0,
  lt: (order) => order < 0,
  lte: (order) => order <= 0,
};

function tokensOf(values: EventScalar[]): string[][] {
  return values.map((value) => analyzedTokens(keywordText(value)));
}

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is EventScalar {
  return ['string', 'number', 'boolean'].includes(typeof value);
}
