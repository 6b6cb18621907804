// ES|QL expressions as computations: the structured form of WHERE conditions that compare values
// computed from the row (`@timestamp >= NOW() - 7 days`, `Esql.first < Esql.last`).

import type { Computation } from '../../ir/index.js';
import type { EsqlExpr } from '../../languages/esql/esql-syntax.js';
import type { Columns } from './esql-columns.js';

/** Each time unit spelling's full name; hours and shorter are durations, the rest periods. */
const UNIT_NAMES: Record<string, string> = {
  ms: 'millisecond', millisecond: 'millisecond', milliseconds: 'millisecond',
  s: 'second', sec: 'second', second: 'second', seconds: 'second',
  m: 'minute', min: 'minute', minute: 'minute', minutes: 'minute',
  h: 'hour', hour: 'hour', hours: 'hour',
  d: 'day', day: 'day', days: 'day', w: 'week', week: 'week', weeks: 'week',
  mo: 'month', month: 'month', months: 'month', q: 'quarter', quarter: 'quarter',
  quarters: 'quarter', y: 'year', yr: 'year', year: 'year', years: 'year',
};
const DURATION_UNITS: ReadonlySet<string> = new Set(['millisecond', 'second', 'minute', 'hour']);

/** Cast types whose conversion function is not `to_<type>`. */
const CAST_FUNCTIONS: Record<string, string> = { keyword: 'to_string', text: 'to_string' };

/**
 * The computation an ES|QL expression describes, with function names in lower case and operators
 * spelled as ES|QL spells them. A column that renames a field (EVAL, RENAME) reads as the field.
 * `5m` is `to_timeduration("5 minutes")`, `7 days` `to_dateperiod("7 days")`, `x::long`
 * `to_long(x)`. Null for what a computation cannot hold: IN lists, IS NULL, option maps,
 * parameters, `*`.
 */
export function esqlComputationOf(expr: EsqlExpr, columns: Columns): Computation | null {
  const of = (node: EsqlExpr) => esqlComputationOf(node, columns);
  const operator = (name: string, nodes: EsqlExpr[]) => operatorOf(name, nodes, columns);
  switch (expr.kind) {
    case 'field':
      return { kind: 'field', name: fieldOf(expr.name, columns) };
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: 'literal', value: expr.value };
    case 'null':
      return { kind: 'literal', value: null };
    case 'timespan':
      return timespanOf(expr.value, expr.unit);
    case 'call':
      return callOf(expr.name, expr.args, columns);
    case 'cast': {
      const inner = of(expr.arg);
      const name = CAST_FUNCTIONS[expr.type] ?? `to_${expr.type}`;
      return inner && { kind: 'call', name, args: [inner] };
    }
    case 'arithmetic':
      return operator(expr.operator, [expr.left, expr.right]);
    case 'negate':
      return operator('-', [expr.arg]);
    case 'not':
      return operator('NOT', [expr.arg]);
    case 'and':
    case 'or':
      return operator(expr.kind.toUpperCase(), expr.args);
    case 'compare':
      return operator(expr.operator, [expr.left, expr.right]);
    case 'pattern': {
      if (expr.patterns.length !== 1) return null;
      const keyword = `${expr.negated ? 'NOT ' : ''}${expr.operator.toUpperCase()}`;
      return operator(keyword, [expr.left, expr.patterns[0]]);
    }
    case 'match':
      return operator(':', [expr.left, expr.query]);
    case 'in':
    case 'is-null':
    case 'param':
    case 'star':
    case 'list':
    case 'map':
      return null;
  }
}

/** A column's source field when the column only renames it; its own name otherwise. */
function fieldOf(name: string, columns: Columns): string {
  const source = columns.get(name);
  return source === undefined || source.caseInsensitive ? name : source.field;
}

/** `5m` is `to_timeduration("5 minutes")`, with the unit's full name. */
function timespanOf(value: number, unit: string): Computation {
  const full = UNIT_NAMES[unit] ?? unit;
  const name = DURATION_UNITS.has(full) ? 'to_timeduration' : 'to_dateperiod';
  const text = `${value} ${full}${value === 1 ? '' : 's'}`;
  return { kind: 'call', name, args: [{ kind: 'literal', value: text }] };
}

function callOf(name: string, nodes: EsqlExpr[], columns: Columns): Computation | null {
  const args = argumentsOf(nodes, columns);
  return args && { kind: 'call', name, args };
}

function operatorOf(operator: string, nodes: EsqlExpr[], columns: Columns): Computation | null {
  const args = argumentsOf(nodes, columns);
  return args && { kind: 'operator', operator, args };
}

function argumentsOf(nodes: EsqlExpr[], columns: Columns): Computation[] | null {
  const args: Computation[] = [];
  for (const node of nodes) {
    const computation = esqlComputationOf(node, columns);
    if (computation === null) return null;
    args.push(computation);
  }
  return args;
}
