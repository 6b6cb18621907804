// Eval expressions (`eval`, `where`) on one event, with SPL's semantics: `=` is
// case-sensitive, AND binds tighter than OR, a comparison with a null operand is false (so
// `x!="a"` drops an event without x while `NOT x="a"` keeps it), `+` adds numbers and joins
// texts, `.` joins texts; a multivalue operand compares true when any of its values does.
// LIMITATION: Splunk does not document how a comparison with null combines with NOT in
// eval; the reading here is the one search documents for `!=` and `NOT` — if Splunk made
// such a comparison null instead, `where NOT x="a"` would drop events without x.

import type { Span } from '../../ir/index.js';
import { isTuningHook } from '../../languages/spl/macros.js';
import { parseSearch } from '../../languages/spl/search-parser.js';
import type {
  EvalAssignment,
  EvalBinaryOperator,
  EvalNode,
  ParseIssue,
  SearchNode,
} from '../../languages/spl/syntax.js';
import { isUnknown, numberOf, type FieldScalar, type Unknown } from './field-value.js';
import { callFunction, inHolds, likeHolds } from './eval-functions.js';
import {
  compareItems,
  itemsOf,
  numberValue,
  storedValue,
  textValue,
  type EvalValue,
} from './eval-value.js';
import type { FunctionScope } from './function-scope.js';
import type { RuleRegexes } from './rule-regexes.js';
import { SearchEvaluation } from './search-evaluation.js';
import type { SplEvent } from './spl-event.js';
import { termText } from './term-text.js';
import { failedAt, TRUE, unknownTruth, type Truth } from './truth.js';

export class EvalEvaluation {
  private readonly searches = new Map<string, SearchNode | null>();

  constructor(
    /** The text the nodes' spans point into. */
    private readonly text: string,
    private readonly regexes: RuleRegexes,
  ) {}

  /** A `where` condition: true keeps the event; false or null drops it. */
  condition(node: EvalNode, event: SplEvent): Truth {
    const value = this.value(node, event);
    if (value === true) return TRUE;
    if (value === false || value === null) return failedAt(this.blame(node, event));
    const why = isUnknown(value) ? value.unknown : 'the condition is not true or false';
    return unknownTruth(`${termText(this.text, node.span)}: ${why}`);
  }

  /** `eval a=…, b=…`: each assignment sees the ones before it. */
  assign(assignments: EvalAssignment[], event: SplEvent): void {
    for (const assignment of assignments) {
      const stored = storedValue(this.value(assignment.expr, event));
      const value = isUnknown(stored)
        ? { unknown: `${stored.unknown} (eval ${assignment.field})` }
        : stored;
      const target = targetOf(assignment.field, event);
      if (target === null) continue;
      if (typeof target === 'string') event.set(target, value);
      else event.addUnknown({ covers: () => true, reason: target.unknown });
    }
  }

  value(node: EvalNode, event: SplEvent): EvalValue {
    switch (node.kind) {
      case 'binary':
        return this.binary(node, event);
      case 'not': {
        const value = this.value(node.arg, event);
        if (value === null || isUnknown(value)) return value;
        return typeof value === 'boolean' ? !value : notBoolean('NOT');
      }
      case 'negate': {
        const number = numberValue(this.value(node.arg, event));
        return number === null || isUnknown(number) ? number : -number;
      }
      case 'in':
        return inHolds(
          this.value(node.arg, event),
          node.values.map((value) => this.value(value, event)),
        );
      case 'call':
        return this.call(node, event);
      case 'field':
        return event.get(node.name);
      case 'string':
      case 'number':
        return node.value;
      case 'macro':
        return {
          unknown: isTuningHook(node.call.name)
            ? `tuning hook \`${node.call.name}\` used as a value`
            : `macro \`${node.call.name}\` did not expand`,
        };
      case 'subsearch':
        return { unknown: 'a subsearch returns its rows only when the search runs' };
    }
  }

  /** The innermost conjunct that made a false or null condition so. */
  private blame(node: EvalNode, event: SplEvent): Span {
    if (node.kind !== 'binary' || node.operator !== 'AND') return node.span;
    for (const side of [node.left, node.right]) {
      const value = this.value(side, event);
      if (value === false || value === null) return this.blame(side, event);
    }
    return node.span;
  }

  private binary(node: Extract<EvalNode, { kind: 'binary' }>, event: SplEvent): EvalValue {
    const { operator } = node;
    if (operator === 'AND' || operator === 'OR' || operator === 'XOR') {
      return this.logic(operator, node.left, node.right, event);
    }
    const left = this.value(node.left, event);
    const right = this.value(node.right, event);
    if (operator === 'LIKE') return likeHolds(left, right);
    if (isUnknown(left)) return left;
    if (isUnknown(right)) return right;
    const comparison = COMPARATORS.has(operator);
    if (left === null || right === null) return comparison ? false : null;
    if (operator === '.') return joined(left, right);
    if (comparison) return compared(operator, itemsOf(left), itemsOf(right));
    return arithmetic(operator, left, right);
  }

  private logic(
    operator: 'AND' | 'OR' | 'XOR',
    leftNode: EvalNode,
    rightNode: EvalNode,
    event: SplEvent,
  ): EvalValue {
    const left = this.value(leftNode, event);
    if (operator === 'AND' && left === false) return false;
    if (operator === 'OR' && left === true) return true;
    const right = this.value(rightNode, event);
    for (const value of [left, right]) {
      const boolean = value === null || typeof value === 'boolean' || isUnknown(value);
      if (!boolean) return notBoolean(operator);
    }
    if (operator === 'AND' && right === false) return false;
    if (operator === 'OR' && right === true) return true;
    if (isUnknown(left)) return left;
    if (isUnknown(right)) return right;
    if (left === null || right === null) return null;
    return operator === 'XOR' ? left !== right : operator === 'AND';
  }

  private call(node: Extract<EvalNode, { kind: 'call' }>, event: SplEvent): EvalValue {
    try {
      return callFunction(node.name, node.args, this.scope(event));
    } catch (error) {
      if (error instanceof RangeError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      return { unknown: `\`${node.name}()\` failed: ${message}` };
    }
  }

  private scope(event: SplEvent): FunctionScope {
    return {
      value: (node) => this.value(node, event),
      valueWith: (node, field, item) => {
        const copy = event.copy();
        copy.set(field, item);
        return this.value(node, copy);
      },
      regex: (pattern) => this.regexes.get(pattern),
      searchMatch: (search) => this.searchMatch(search, event),
    };
  }

  private searchMatch(search: string, event: SplEvent): EvalValue {
    if (!this.searches.has(search)) {
      const issues: ParseIssue[] = [];
      const node = parseSearch(search, 0, search.length, issues);
      this.searches.set(search, issues.length === 0 ? node : null);
    }
    const node = this.searches.get(search);
    if (node === undefined || node === null) {
      return { unknown: `searchmatch("${search}") holds a search that does not parse` };
    }
    const truth = new SearchEvaluation(search).truth(node, event);
    return truth.value === 'unknown' ? { unknown: truth.reason } : truth.value;
  }
}

/**
 * The field an assignment writes: `{name}` writes the field named by name's value; null when
 * that field is absent (nothing is written).
 */
function targetOf(field: string, event: SplEvent): string | Unknown | null {
  if (!field.startsWith('{') || !field.endsWith('}') || field.length < 3) return field;
  const named = textValue(event.get(field.slice(1, -1)));
  if (!isUnknown(named)) return named === '' ? null : named;
  return { unknown: `may be written by eval ${field}, naming it by ${named.unknown}` };
}

const COMPARATORS = new Set<EvalBinaryOperator>(['=', '==', '!=', '<', '<=', '>', '>=']);

function notBoolean(operator: string): EvalValue {
  return { unknown: `\`${operator}\` applied to a value that is not true or false` };
}

function compared(
  operator: EvalBinaryOperator,
  left: ReturnType<typeof itemsOf>,
  right: ReturnType<typeof itemsOf>,
): boolean {
  return left.some((a) => right.some((b) => {
    const order = compareItems(a, b);
    if (order === null) return false;
    switch (operator) {
      case '!=':
        return order !== 0;
      case '<':
        return order < 0;
      case '<=':
        return order <= 0;
      case '>':
        return order > 0;
      case '>=':
        return order >= 0;
      default:
        return order === 0;
    }
  }));
}

function joined(left: EvalValue, right: EvalValue): EvalValue {
  const a = textValue(left);
  const b = textValue(right);
  if (a === null || isUnknown(a)) return a;
  if (b === null || isUnknown(b)) return b;
  return a + b;
}

/** `+ - * / %` on numbers; `+` also joins two texts. Anything else is null, as in Splunk. */
function arithmetic(operator: EvalBinaryOperator, left: EvalValue, right: EvalValue): EvalValue {
  const scalar = (value: EvalValue): value is FieldScalar => {
    return typeof value === 'string' || typeof value === 'number';
  };
  if (!scalar(left) || !scalar(right)) return null;
  const a = numberOf(left);
  const b = numberOf(right);
  if (a === null || b === null) {
    const texts = operator === '+' && typeof left === 'string' && typeof right === 'string';
    return texts ? left + right : null;
  }
  const result = operator === '+' ? a + b
    : operator === '-' ? a - b
      : operator === '*' ? a * b
        : operator === '/' ? a / b
          : a % b;
  return Number.isFinite(result) ? result : null;
}
