// Evaluates ES|QL expressions on a row with ES|QL's semantics: three-valued logic (a comparison
// with null is null, NOT null is null, WHERE keeps only true), exact case-sensitive strings, null
// for multi-valued operands of comparisons and most functions.

import { fieldFamilyOf } from '../../lower/elastic/field-types.js';
import { parseKuery } from '../../languages/kuery/kuery-parser.js';
import type { EsqlExpr } from '../../languages/esql/esql-syntax.js';
import { flatValues, keywordText } from './event-values.js';
import { ESQL_FUNCTIONS } from './esql-functions.js';
import { columnOf, type EsqlRow } from './esql-row.js';
import {
  compareValues,
  isUnknown,
  listOfValue,
  orderOf,
  valueOfList,
  type Computed,
  type EsqlValue,
} from './esql-values.js';
import { kueryCondition } from './kuery-condition.js';
import { luceneRegex } from './lucene-regex.js';
import { matchQueryTest } from './match-query.js';
import { allOf, anyOf, failed, negation, TRUE, unknown, type Outcome } from './outcome.js';
import { writtenPattern } from './wildcard-match.js';

type Node<Kind extends EsqlExpr['kind']> = EsqlExpr & { kind: Kind };
export type RowValue = (row: EsqlRow) => Computed;
export type RowCondition = (row: EsqlRow) => Outcome;

const COMPARISONS: Record<string, (order: number) => boolean> = {
  '==': (order) => order === 0,
  '!=': (order) => order !== 0,
  '<': (order) => order < 0,
  '<=': (order) => order <= 0,
  '>': (order) => order > 0,
  '>=': (order) => order >= 0,
};

/** `x::type` converts as the TO_ function of that type does. */
const CASTS: Record<string, string> = {
  keyword: 'to_string',
  text: 'to_string',
  string: 'to_string',
  integer: 'to_integer',
  int: 'to_integer',
  long: 'to_long',
  double: 'to_double',
  boolean: 'to_boolean',
  bool: 'to_boolean',
  ip: 'to_ip',
  version: 'to_version',
};

// LIMITATION: NOW(), date arithmetic with time spans and the DATE_ functions are not computed —
// conditions on them leave the event undecided.
/** Functions whose result depends on the time of the search or on data outside the event. */
const OUTSIDE_EVENT = /^(now|date_|bucket|st_|to_geo|to_cartesian|qstr|hash|md5|sha|categorize)/;

export class EsqlExpressions {
  constructor(private readonly text: string) {}

  /** A WHERE condition; failures name the part that failed in the query's text. */
  condition(expr: EsqlExpr): RowCondition {
    switch (expr.kind) {
      case 'and': {
        const args = expr.args.map((arg) => this.condition(arg));
        return (row) => allOf(args.map((arg) => () => arg(row)));
      }
      case 'or': {
        const args = expr.args.map((arg) => this.condition(arg));
        const text = this.slice(expr);
        return (row) => anyOf(args.map((arg) => () => arg(row)), text);
      }
      case 'not': {
        const arg = this.condition(expr.arg);
        const text = this.slice(expr);
        return (row) => negation(arg(row), text);
      }
      default: {
        const value = this.value(expr);
        const text = this.slice(expr);
        return (row) => outcomeOf(value(row), text);
      }
    }
  }

  value(expr: EsqlExpr): RowValue {
    switch (expr.kind) {
      case 'field':
        return (row) => columnOf(row, expr.name);
      case 'string':
      case 'number':
      case 'boolean':
        return () => expr.value;
      case 'null':
        return () => null;
      case 'and':
      case 'or':
      case 'not': {
        const condition = this.condition(expr);
        return (row) => truthValue(condition(row));
      }
      case 'compare':
        return this.comparison(expr);
      case 'in':
        return this.membership(expr);
      case 'is-null': {
        const arg = this.value(expr.arg);
        return (row) => {
          const value = arg(row);
          if (isUnknown(value)) return value;
          return (value === null) !== expr.negated;
        };
      }
      case 'pattern':
        return this.pattern(expr);
      case 'match':
        return this.fullText(expr.left, expr.query);
      case 'arithmetic':
        return this.arithmetic(expr);
      case 'negate': {
        const arg = this.value(expr.arg);
        return (row) => numeric([arg(row)], ([a]) => -a);
      }
      case 'cast': {
        const name = CASTS[expr.type];
        if (name === undefined) return () => ({ unknown: `cast to ${expr.type} is not computed` });
        return this.apply(name, [expr.arg]);
      }
      case 'list': {
        const items = expr.items.map((item) => this.value(item));
        return (row) => {
          const values = items.map((item) => item(row));
          const missing = values.find(isUnknown);
          if (missing !== undefined) return missing;
          return valueOfList((values as EsqlValue[]).flatMap((value) => listOfValue(value)));
        };
      }
      case 'call':
        return this.call(expr);
      default:
        return () => ({ unknown: `${this.slice(expr)} is not computed` });
    }
  }

  private comparison(expr: Node<'compare'>): RowValue {
    const [left, right] = [this.value(expr.left), this.value(expr.right)];
    const holds = COMPARISONS[expr.operator];
    return (row) => {
      const [a, b] = [left(row), right(row)];
      if (isUnknown(a)) return a;
      if (isUnknown(b)) return b;
      return compareValues(a, b, holds);
    };
  }

  /** `x IN (a, b)`: true when x equals one; else null when x or an item is null. */
  private membership(expr: Node<'in'>): RowValue {
    const left = this.value(expr.left);
    const items = expr.values.map((value) => this.value(value));
    return (row) => {
      const subject = left(row);
      if (isUnknown(subject)) return subject;
      if (subject === null || Array.isArray(subject)) return null;
      let sawNull = false;
      for (const item of items) {
        const value = item(row);
        if (isUnknown(value)) return value;
        if (value === null || Array.isArray(value)) sawNull = true;
        else if (orderOf(subject, value) === 0) return !expr.negated;
      }
      return sawNull ? null : expr.negated;
    };
  }

  /** LIKE (`*`, `?`, `\` escapes) and RLIKE (Lucene regex) match the whole value. */
  private pattern(expr: Node<'pattern'>): RowValue {
    const left = this.value(expr.left);
    const patterns = expr.patterns.map((pattern) => this.value(pattern));
    const compiled = new Map<string, (subject: string) => Computed>();
    const test = (pattern: string, subject: string): Computed => {
      let matcher = compiled.get(pattern);
      if (matcher === undefined) {
        matcher = patternTest(expr.operator, pattern);
        compiled.set(pattern, matcher);
      }
      return matcher(subject);
    };
    return (row) => {
      const subject = left(row);
      if (isUnknown(subject)) return subject;
      if (subject === null || Array.isArray(subject)) return null;
      for (const pattern of patterns) {
        const written = pattern(row);
        if (isUnknown(written)) return written;
        if (written === null || Array.isArray(written)) return null;
        const holds = test(String(written), String(subject));
        if (typeof holds !== 'boolean') return holds;
        if (holds) return !expr.negated;
      }
      return expr.negated;
    };
  }

  /** `field : "query"` and `MATCH(field, "query")`: a match query on the event's field. */
  private fullText(target: EsqlExpr, query: EsqlExpr): RowValue {
    // `field::keyword : "q"` still searches the field.
    const field = target.kind === 'cast' ? target.arg : target;
    if (field.kind !== 'field') {
      return () => ({ unknown: `full-text match on ${this.slice(field)} is not computed` });
    }
    const written = this.value(query);
    const family = fieldFamilyOf(field.name);
    return (row) => {
      const value = written(row);
      if (isUnknown(value)) return value;
      if (value === null || Array.isArray(value)) return null;
      const values = flatValues(row.event.fields.get(field.name));
      return matchQueryTest('match', family, value)(values);
    };
  }

  private arithmetic(expr: Node<'arithmetic'>): RowValue {
    const [left, right] = [this.value(expr.left), this.value(expr.right)];
    const apply = ARITHMETIC[expr.operator];
    return (row) => numeric([left(row), right(row)], ([a, b]) => apply(a, b));
  }

  private call(expr: Node<'call'>): RowValue {
    switch (expr.name) {
      case 'case':
        return this.caseValue(expr.args);
      case 'coalesce':
        return this.coalesce(expr.args);
      case 'kql':
        return this.kql(expr);
      case 'match':
      case 'match_phrase':
        if (expr.args.length < 2) break;
        return this.fullText(expr.args[0], expr.args[1]);
      case 'json_extract':
        return this.jsonExtract(expr);
    }
    return this.apply(expr.name, expr.args);
  }

  private apply(name: string, argExprs: EsqlExpr[]): RowValue {
    const fn = ESQL_FUNCTIONS[name];
    if (fn === undefined) {
      const why = OUTSIDE_EVENT.test(name)
        ? 'depends on the time of the search or on data outside the event'
        : 'is not evaluated';
      return () => ({ unknown: `the ES|QL function ${name.toUpperCase()}() ${why}` });
    }
    const args = argExprs.map((arg) => this.value(arg));
    return (row) => {
      const values: EsqlValue[] = [];
      for (const arg of args) {
        const value = arg(row);
        if (isUnknown(value)) return value;
        values.push(value);
      }
      return fn(values);
    };
  }

  /** `CASE(c1, v1, c2, v2, …, else)`: the value after the first true condition. */
  private caseValue(argExprs: EsqlExpr[]): RowValue {
    const args = argExprs.map((arg) => this.value(arg));
    return (row) => {
      for (let index = 0; index + 1 < args.length; index += 2) {
        const condition = args[index](row);
        if (isUnknown(condition)) return condition;
        if (condition === true) return args[index + 1](row);
      }
      return args.length % 2 === 1 ? args[args.length - 1](row) : null;
    };
  }

  private coalesce(argExprs: EsqlExpr[]): RowValue {
    const args = argExprs.map((arg) => this.value(arg));
    return (row) => {
      for (const arg of args) {
        const value = arg(row);
        if (value !== null) return value;
      }
      return null;
    };
  }

  /** `KQL("…")` searches the event with a KQL query. */
  private kql(expr: Node<'call'>): RowValue {
    const [query] = expr.args;
    if (query?.kind !== 'string') return () => ({ unknown: `${this.slice(expr)} is not computed` });
    const parsed = parseKuery(query.value);
    if (!parsed.ok) {
      const reason = `KQL syntax error in ${this.slice(expr)}: ${parsed.error.message}`;
      return () => ({ unknown: reason });
    }
    const condition = kueryCondition(parsed.query, query.value);
    return (row) => {
      const outcome = condition(row.event);
      return outcome.kind === 'unknown' ? { unknown: outcome.reason } : outcome.kind === 'true';
    };
  }

  /** `JSON_EXTRACT(_source, "a.b")` reads the event's field `a.b`, as text. */
  private jsonExtract(expr: Node<'call'>): RowValue {
    const [source, path] = expr.args;
    if (source?.kind !== 'field' || source.name !== '_source' || path?.kind !== 'string') {
      return this.apply('json_extract', expr.args);
    }
    return (row) => valueOfList(flatValues(row.event.fields.get(path.value)).map(keywordText));
  }

  private slice(expr: EsqlExpr): string {
    return this.text.slice(expr.span.start, expr.span.end);
  }
}

const ARITHMETIC: Record<string, (a: number, b: number) => number | null> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => {
    if (b === 0) return null;
    return Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(a / b) : a / b;
  },
  '%': (a, b) => (b === 0 ? null : a % b),
};

/** Arithmetic on single numbers; null for null or multi-valued operands. */
function numeric(values: Computed[], fn: (numbers: number[]) => number | null): Computed {
  const numbers: number[] = [];
  for (const value of values) {
    if (isUnknown(value)) return value;
    if (typeof value !== 'number') {
      if (value === null || Array.isArray(value) || typeof value === 'boolean') return null;
      return { unknown: `arithmetic on ${value} (dates and time spans are not computed)` };
    }
    numbers.push(value);
  }
  return fn(numbers);
}

function patternTest(operator: 'like' | 'rlike', pattern: string): (subject: string) => Computed {
  if (operator === 'like') {
    const wildcard = writtenPattern(pattern, { caseInsensitive: false, escapes: true });
    return (subject) => wildcard.test(subject);
  }
  const regex = luceneRegex(pattern, false);
  if ('unsupported' in regex) return () => ({ unknown: regex.unsupported });
  return (subject) => regex.test(subject);
}

function outcomeOf(value: Computed, text: string): Outcome {
  if (isUnknown(value)) return unknown(value.unknown);
  if (value === true) return TRUE;
  if (value === null) return { kind: 'null', failed: text };
  return failed(text);
}

function truthValue(outcome: Outcome): Computed {
  switch (outcome.kind) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'null':
      return null;
    case 'unknown':
      return { unknown: outcome.reason };
  }
}
