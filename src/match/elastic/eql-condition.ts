// Evaluates EQL conditions on an event as Elasticsearch runs them. A comparison of a field with
// literals becomes a Lucene query: a missing field simply does not match it, and `not` or `!=`
// then match. Anything else (functions, computed values, two fields) runs as a script, where a
// missing field is null, null propagates through functions and comparisons, and `not null` is
// null; a null condition does not match.

import type { Span } from '../../ir/index.js';
import type { EqlExpr, EqlField, EqlOperator } from '../../languages/eql/eql-syntax.js';
import { fieldFamilyOf, type FieldFamily } from '../../lower/elastic/field-types.js';
import type { EventRecord } from '../event-record.js';
import { EQL_FUNCTIONS, type EqlResult, type EqlScalar } from './eql-functions.js';
import { booleanOf, keywordText, valuesOf, type EventScalar } from './event-values.js';
import { luceneRegex } from './lucene-regex.js';
import {
  allOf,
  anyOf,
  failed,
  negation,
  nullAsFalse,
  TRUE,
  truthOf,
  unknown,
  type EventCondition,
  type Outcome,
} from './outcome.js';
import { compareTyped, equalsTyped } from './typed-comparison.js';
import { writtenPattern } from './wildcard-match.js';

// LIMITATION: a `?optional` field missing from the event is read as a field of the index's
// mapping that this event lacks — where the mapping has no such field either, Elasticsearch reads
// null instead, so `not ?x == "a"` and `?x != "a"` match here and not there.
// LIMITATION: a script over multi-valued fields holds when any combination of their values makes
// it true; Elasticsearch's scripts read multi-valued fields in ways this does not reproduce.

/** A condition, and whether Elasticsearch runs it as a script (where null propagates). */
interface Compiled {
  evaluate: EventCondition;
  script: boolean;
}

/** The values an expression may take on an event: one per value of a multi-valued field. */
type Candidates = EqlScalar[] | { unknown: string };

/** Beyond this many combinations of multi-valued arguments, a script stays undecided. */
const MAX_COMBINATIONS = 256;

type Comparison = EqlExpr & { kind: 'compare' };
type Call = EqlExpr & { kind: 'call' };

/** Functions Elasticsearch turns into queries when they test a field against literals. */
const QUERY_FUNCTIONS: ReadonlySet<string> = new Set(['startswith', 'cidrmatch', 'wildcard']);

export class EqlConditions {
  constructor(private readonly text: string) {}

  /** The condition of a `where` clause or a `filter` pipe: a null result does not match. */
  condition(expr: EqlExpr): EventCondition {
    const compiled = this.compile(expr);
    return (event) => nullAsFalse(compiled.evaluate(event));
  }

  /** Join keys: a step joins only events that have a value for each key field. */
  keysPresent(keys: EqlExpr[]): EventCondition {
    const fields = keys.filter((key): key is EqlField => key.kind === 'field' && !key.optional);
    const texts = fields.map((field) => `by ${this.slice(field.span)} (missing)`);
    return (event) =>
      allOf(fields.map((field, index) => () =>
        truthOf(valuesOf(event, field.path).length > 0, texts[index])));
  }

  private compile(expr: EqlExpr): Compiled {
    switch (expr.kind) {
      case 'or':
      case 'and': {
        const args = expr.args.map((arg) => this.compile(arg).evaluate);
        const text = this.slice(expr.span);
        const parts = (event: EventRecord) =>
          args.map((arg) => () => nullAsFalse(arg(event)));
        const evaluate: EventCondition =
          expr.kind === 'or'
            ? (event) => anyOf(parts(event), text)
            : (event) => allOf(parts(event));
        return { evaluate, script: false };
      }
      case 'not': {
        const arg = this.compile(expr.arg);
        const text = this.slice(expr.span);
        // A script's own `not` keeps null; a query's `not` negates what did not match.
        if (arg.script) {
          return { evaluate: (event) => negation(arg.evaluate(event), text), script: true };
        }
        const evaluate: EventCondition = (event) =>
          negation(nullAsFalse(arg.evaluate(event)), text);
        return { evaluate, script: false };
      }
      case 'compare':
        if (isQueryComparison(expr)) return { evaluate: this.queryComparison(expr), script: false };
        return this.script(expr);
      case 'call':
        if (isQueryCall(expr)) return { evaluate: this.queryCall(expr), script: false };
        return this.script(expr);
      case 'field': {
        if (expr.indexes.length > 0) return this.script(expr);
        const text = this.slice(expr.span);
        const holds = (event: EventRecord) =>
          valuesOf(event, expr.path).some((value) => booleanOf(value) === true);
        return { evaluate: (event) => truthOf(holds(event), text), script: false };
      }
      case 'boolean': {
        const text = this.slice(expr.span);
        return { evaluate: () => truthOf(expr.value, text), script: false };
      }
      default:
        return this.script(expr);
    }
  }

  /** `field op literal(s)`: a query on the field's values, typed by its mapping. */
  private queryComparison(comparison: Comparison): EventCondition {
    const field = comparison.left as EqlField;
    const type = exactType(field.path);
    const text = this.slice(comparison.span);
    const literals = comparison.values.map((value) => literalOf(value));
    const tests = literals.map((literal) => valueTest(comparison.operator, literal, type));

    if (comparison.operator === '!=') {
      const [test] = tests;
      return (event) => {
        const decision = test(valuesOf(event, field.path));
        return typeof decision === 'string' ? unknown(decision) : truthOf(!decision, text);
      };
    }
    return (event) => {
      const values = valuesOf(event, field.path);
      let undecided: string | null = null;
      for (const test of tests) {
        const decision = test(values);
        if (decision === true) return TRUE;
        if (typeof decision === 'string') undecided ??= decision;
      }
      return undecided === null ? failed(text) : unknown(undecided);
    };
  }

  /** `startsWith(field, "a")`, `cidrMatch(field, "10.0.0.0/8")`, `wildcard(field, "a*")`. */
  private queryCall(call: Call): EventCondition {
    const field = call.args[0] as EqlField;
    const arguments_ = call.args.slice(1).map((arg) => literalOf(arg) as string);
    const name = call.name.toLowerCase();
    const text = this.slice(call.span);
    const fn = EQL_FUNCTIONS[name];
    return (event) => {
      const values = valuesOf(event, field.path);
      for (const value of values) {
        const result = fn([value, ...arguments_], call.insensitive);
        if (result === true) return TRUE;
        if (isUnknown(result)) return unknown(result.unknown);
      }
      return failed(text);
    };
  }

  /** A condition run as a script: true when some combination of values gives true. */
  private script(expr: EqlExpr): Compiled {
    const value = this.value(expr);
    const text = this.slice(expr.span);
    return { evaluate: (event) => truthOfCandidates(value(event), text), script: true };
  }

  private value(expr: EqlExpr): (event: EventRecord) => Candidates {
    switch (expr.kind) {
      case 'field':
        return (event) => fieldCandidates(event, expr);
      case 'string':
      case 'number':
      case 'boolean':
        return () => [expr.value];
      case 'null':
        return () => [null];
      case 'negate': {
        const arg = this.value(expr.arg);
        return (event) => mapCandidates([arg(event)], ([a]) => (typeof a === 'number' ? -a : null));
      }
      case 'arithmetic': {
        const [left, right] = [this.value(expr.left), this.value(expr.right)];
        const apply = ARITHMETIC[expr.operator];
        return (event) =>
          mapCandidates([left(event), right(event)], ([a, b]) => apply([a, b], false));
      }
      case 'call':
        return this.callValue(expr);
      case 'compare':
        return this.comparisonValue(expr);
      default: {
        const condition = this.compile(expr).evaluate;
        return (event) => {
          const outcome = condition(event);
          if (outcome.kind === 'unknown') return { unknown: outcome.reason };
          return [outcome.kind === 'null' ? null : outcome.kind === 'true'];
        };
      }
    }
  }

  private callValue(call: Call): (event: EventRecord) => Candidates {
    const fn = EQL_FUNCTIONS[call.name.toLowerCase()];
    if (fn === undefined) {
      const written = `${call.name}${call.insensitive ? '~' : ''}`;
      return () => ({ unknown: `the EQL function ${written}() is not evaluated` });
    }
    const args = call.args.map((arg) => this.value(arg));
    return (event) =>
      mapCandidates(args.map((arg) => arg(event)), (values) => fn(values, call.insensitive));
  }

  /** A comparison in a script: null when a side is null; a list holds when any value does. */
  private comparisonValue(comparison: Comparison): (event: EventRecord) => Candidates {
    const left = this.value(comparison.left);
    const values = comparison.values.map((value) => this.value(value));
    const { operator } = comparison;
    return (event) => {
      const subject = left(event);
      const results = values.map((value) =>
        mapCandidates([subject, value(event)], ([a, b]) => compareScalars(operator, a, b)));
      const known = results.find((result) => !Array.isArray(result));
      if (known !== undefined) return known;
      return [anyOfScalars((results as EqlScalar[][]).flat())];
    };
  }

  private slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

const ARITHMETIC = {
  '+': EQL_FUNCTIONS.add,
  '-': EQL_FUNCTIONS.subtract,
  '*': EQL_FUNCTIONS.multiply,
  '/': EQL_FUNCTIONS.divide,
  '%': EQL_FUNCTIONS.modulo,
};

/** What one literal gives on a field's values: a decision, or why it cannot be decided. */
type ValueTest = (values: EventScalar[]) => boolean | string;

function valueTest(operator: EqlOperator, literal: EqlScalar, type: FieldFamily): ValueTest {
  if (literal === null) {
    if (operator === '!=') return (values) => values.length === 0;
    return operator === '==' || operator === ':' ? (values) => values.length === 0 : () => false;
  }
  const equal = (caseInsensitive: boolean): ValueTest => (values) =>
    values.some((value) => equalsTyped(value, literal, type, caseInsensitive));
  switch (operator) {
    case '==':
    case '!=':
    case 'in':
      return equal(false);
    case 'in~':
      return equal(true);
    case ':':
    case 'like':
    case 'like~': {
      const caseInsensitive = operator !== 'like';
      if (typeof literal !== 'string') return equal(caseInsensitive);
      const pattern = writtenPattern(literal, { caseInsensitive, escapes: false });
      return (values) => values.some((value) => pattern.test(keywordText(value)));
    }
    case 'regex':
    case 'regex~': {
      const regex = luceneRegex(String(literal), operator === 'regex~');
      if ('unsupported' in regex) return () => regex.unsupported;
      return (values) => values.some((value) => regex.test(keywordText(value)));
    }
    default: {
      const holds = ORDER[operator];
      return (values) =>
        values.some((value) => {
          const order = compareTyped(value, literal, type);
          return order !== null && holds(order);
        });
    }
  }
}

const ORDER: Record<string, (order: number) => boolean> = {
  '<': (order) => order < 0,
  '<=': (order) => order <= 0,
  '>': (order) => order > 0,
  '>=': (order) => order >= 0,
};

/** A scalar comparison in a script, with EQL's null propagation. */
function compareScalars(operator: EqlOperator, a: EqlScalar, b: EqlScalar): EqlResult {
  if (a === null || b === null) return null;
  switch (operator) {
    case '==':
    case 'in':
      return sameScalar(a, b, false);
    case '!=':
      return !sameScalar(a, b, false);
    case 'in~':
      return sameScalar(a, b, true);
    case ':':
    case 'like':
    case 'like~': {
      if (typeof b !== 'string') return sameScalar(a, b, operator !== 'like');
      const options = { caseInsensitive: operator !== 'like', escapes: false };
      return writtenPattern(b, options).test(String(a));
    }
    case 'regex':
    case 'regex~': {
      const regex = luceneRegex(String(b), operator === 'regex~');
      if ('unsupported' in regex) return { unknown: regex.unsupported };
      return regex.test(String(a));
    }
    default:
      return ORDER[operator](scalarOrder(a, b));
  }
}

/** Numbers order as numbers, anything else as text. */
function scalarOrder(a: EventScalar, b: EventScalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function sameScalar(a: EqlScalar, b: EqlScalar, caseInsensitive: boolean): boolean {
  if (typeof a === 'number' || typeof b === 'number') {
    return equalsTyped(a as EventScalar, b as EventScalar, 'number', false);
  }
  return equalsTyped(a as EventScalar, b as EventScalar, 'keyword', caseInsensitive);
}

/** True when any is true; else null when any is null; else false. */
function anyOfScalars(results: EqlScalar[]): EqlScalar {
  if (results.some((result) => result === true)) return true;
  return results.some((result) => result === null) ? null : false;
}

function truthOfCandidates(candidates: Candidates, text: string): Outcome {
  if (!Array.isArray(candidates)) return unknown(candidates.unknown);
  if (candidates.some((candidate) => candidate === true)) return TRUE;
  if (candidates.every((candidate) => candidate === null)) return { kind: 'null', failed: text };
  return failed(text);
}

/** Applies `fn` to every combination of the arguments' values. */
function mapCandidates(args: Candidates[], fn: (values: EqlScalar[]) => EqlResult): Candidates {
  const lists: EqlScalar[][] = [];
  for (const arg of args) {
    if (!Array.isArray(arg)) return arg;
    lists.push(arg);
  }
  const count = lists.reduce((product, list) => product * list.length, 1);
  if (count > MAX_COMBINATIONS) {
    return { unknown: `${count} combinations of multi-valued fields in one expression` };
  }
  let combinations: EqlScalar[][] = [[]];
  for (const list of lists) {
    combinations = combinations.flatMap((prefix) => list.map((value) => [...prefix, value]));
  }
  const results: EqlScalar[] = [];
  for (const combination of combinations) {
    const result = fn(combination);
    if (isUnknown(result)) return result;
    results.push(result);
  }
  return results;
}

function fieldCandidates(event: EventRecord, field: EqlField): Candidates {
  const values = valuesOf(event, field.path);
  if (field.indexes.length === 0) return values.length === 0 ? [null] : values;
  // LIMITATION: only the first position of `field[0][1]` is read — nested lists are flattened in
  // events, so deeper positions give null.
  if (field.indexes.length > 1) return [null];
  return [values[field.indexes[0]] ?? null];
}

function isQueryComparison(comparison: Comparison): boolean {
  const { left } = comparison;
  return left.kind === 'field' && left.indexes.length === 0 && comparison.values.every(isLiteral);
}

function isQueryCall(call: Call): boolean {
  const name = call.name.toLowerCase();
  const [subject, ...rest] = call.args;
  const literalArgs = rest.length > 0 && rest.every((arg) => arg.kind === 'string');
  const onField = subject?.kind === 'field' && subject.indexes.length === 0;
  if (name === 'stringcontains') return !call.insensitive && onField && literalArgs;
  return QUERY_FUNCTIONS.has(name) && onField && literalArgs;
}

function isLiteral(expr: EqlExpr): boolean {
  return ['string', 'number', 'boolean', 'null'].includes(expr.kind);
}

function literalOf(expr: EqlExpr): EqlScalar {
  return 'value' in expr ? expr.value : null;
}

/** EQL compares text fields through their keyword sub-field: exactly. */
function exactType(field: string): FieldFamily {
  const type = fieldFamilyOf(field);
  return type === 'text' || type === 'other' ? 'keyword' : type;
}

function isUnknown(result: EqlResult): result is { unknown: string } {
  return typeof result === 'object' && result !== null;
}
