// Evaluates a KQL syntax tree on an event with Kibana's semantics: each value is matched the way
// the field is mapped — keywords exactly and case-sensitively (with `*` wildcards), text fields
// by analyzed words and phrases, numbers, dates and addresses by value, ip fields by CIDR block.

import type { Span } from '../../ir/index.js';
import type {
  KueryBoolean,
  KueryLiteral,
  KueryMatch,
  KueryNested,
  KueryQuery,
  KueryRange,
  KueryValue,
  RangeOperator,
} from '../../languages/kuery/kuery-syntax.js';
import { fieldFamilyOf, type FieldFamily } from '../../lower/elastic/field-types.js';
import type { EventRecord } from '../event-record.js';
import { analyzedTokens, containsPhrase } from './analyzed-text.js';
import {
  booleanOf,
  dateOf,
  keywordText,
  numberOf,
  valuesOf,
  type EventScalar,
} from './event-values.js';
import { inCidr, parseCidr, parseIp, sameIp } from './ip-address.js';
import {
  allOf,
  anyOf,
  failed,
  negation,
  TRUE,
  unknown,
  type EventCondition,
  type Outcome,
} from './outcome.js';
import { compareTyped, equalsTyped } from './typed-comparison.js';
import { wildcardPattern, type PatternPart } from './wildcard-match.js';

/** What one value gives on one field: a yes or no, or why it cannot be decided. */
type Decision = boolean | { unknown: string };

/** Tests a field's values (all of them: multi-valued fields match when any value does). */
type FieldTest = (values: EventScalar[], type: FieldFamily) => Decision;

/** The KQL query as a condition; an empty query matches every event. */
export function kueryCondition(query: KueryQuery | null, text: string): EventCondition {
  if (query === null) return () => TRUE;
  return new KueryCompiler(text).compile(query, '');
}

class KueryCompiler {
  constructor(private readonly text: string) {}

  compile(query: KueryQuery, prefix: string): EventCondition {
    switch (query.kind) {
      case 'or': {
        const args = query.args.map((arg) => this.compile(arg, prefix));
        const text = this.slice(query.span);
        return (event) => anyOf(args.map((arg) => () => arg(event)), text);
      }
      case 'and': {
        const args = query.args.map((arg) => this.compile(arg, prefix));
        return (event) => allOf(args.map((arg) => () => arg(event)));
      }
      case 'not': {
        const arg = this.compile(query.arg, prefix);
        const text = this.slice(query.span);
        return (event) => negation(arg(event), text);
      }
      case 'match':
        return this.match(query, prefix);
      case 'range':
        return this.range(query, prefix);
      case 'nested':
        return this.nested(query, prefix);
      case 'free-text':
        return this.freeText(query.literal, query.span);
    }
  }

  /** `field: value` or `field: (a or not b)`; a `*` in the field name tries every such field. */
  private match(node: KueryMatch, prefix: string): EventCondition {
    const fields = fieldSelector(node.field, prefix);
    const text = this.slice(node.span);
    const values = this.valueTree(node.values);
    return (event) => {
      const decision = values((test) => anyField(fields(event), event, test));
      return outcomeOf(decision, text);
    };
  }

  /** The boolean structure of a value list, each value tried on the selected fields. */
  private valueTree(
    values: KueryBoolean<KueryValue>,
  ): (tryValue: (test: FieldTest) => Decision) => Decision {
    switch (values.kind) {
      case 'or': {
        const args = values.args.map((arg) => this.valueTree(arg));
        return (tryValue) => anyDecision(args.map((arg) => () => arg(tryValue)));
      }
      case 'and': {
        const args = values.args.map((arg) => this.valueTree(arg));
        return (tryValue) => allDecision(args.map((arg) => () => arg(tryValue)));
      }
      case 'not': {
        const arg = this.valueTree(values.arg);
        return (tryValue) => notDecision(arg(tryValue));
      }
      case 'value': {
        const test = valueTest(values.literal, false);
        return (tryValue) => tryValue(test);
      }
    }
  }

  // LIMITATION: a range on a text field compares whole values, not its analyzed words.
  private range(node: KueryRange, prefix: string): EventCondition {
    const fields = fieldSelector(node.field, prefix);
    const bound = literalText(node.value);
    const holds = RANGE_TESTS[node.operator];
    const text = this.slice(node.span);
    const test: FieldTest = (values, type) => {
      if (type === 'date' && dateOf(bound) === null) {
        return { unknown: `date ${bound} in ${text} is relative to the time of the search` };
      }
      if (type === 'number' && numberOf(bound) === null) {
        return { unknown: `${text} compares a number field with ${bound}, which is not a number` };
      }
      return values.some((value) => {
        const order = compareTyped(value, bound, type);
        return order !== null && holds(order);
      });
    };
    return (event) => outcomeOf(anyField(fields(event), event, test), text);
  }

  /**
   * `field:{ query }`: the inner query on the objects of a nested field. Events hold flattened
   * fields, so the objects are not told apart.
   */
  // LIMITATION: nested objects are flattened in events — a nested query of one positive condition
  // is decided, one of several conditions is decided only when it fails on the flattened fields
  // (otherwise undecided, as the conditions may hold in different objects).
  private nested(node: KueryNested, prefix: string): EventCondition {
    const field = prefix + literalText(node.field);
    const inner = this.compile(node.query, `${field}.`);
    const exact = isSingleCondition(node.query);
    const positive = !hasNegation(node.query);
    const reason = `the conditions of ${this.slice(node.span)} may hold in different objects`;
    return (event) => {
      const outcome = inner(event);
      if (exact || (positive && outcome.kind === 'false')) return outcome;
      return outcome.kind === 'unknown' ? outcome : unknown(reason);
    };
  }

  /** A value without a field is searched in every field, each by its own mapping. */
  // LIMITATION: free text searches every field of the event except `_`-prefixed metadata, not
  // the index's `index.query.default_field` list — an index limiting its default fields matches
  // fewer events.
  private freeText(literal: KueryLiteral, span: Span): EventCondition {
    const test = valueTest(literal, true);
    const text = this.slice(span);
    return (event) => {
      const fields = [...event.fields.keys()].filter((field) => !field.startsWith('_'));
      return outcomeOf(anyField(fields, event, test), text);
    };
  }

  private slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

const RANGE_TESTS: Record<RangeOperator, (order: number) => boolean> = {
  '<': (order) => order < 0,
  '<=': (order) => order <= 0,
  '>': (order) => order > 0,
  '>=': (order) => order >= 0,
};

/** The fields a field name selects on an event: itself, or every field its pattern matches. */
function fieldSelector(literal: KueryLiteral, prefix: string): (event: EventRecord) => string[] {
  const name = prefix + literalText(literal);
  if (literal.quoted || !literal.parts.some((part) => part.kind === 'wildcard')) {
    return () => [name];
  }
  const pattern = wildcardPattern(
    [{ kind: 'text', text: prefix }, ...patternParts(literal)],
    false,
  );
  return (event) => [...event.fields.keys()].filter((field) => pattern.test(field));
}

function anyField(fields: string[], event: EventRecord, test: FieldTest): Decision {
  return anyDecision(
    fields.map((field) => () => test(fieldValues(event, field), fieldFamilyOf(field))),
  );
}

/** A field's values; an object or flattened field holds every value below it. */
function fieldValues(event: EventRecord, field: string): EventScalar[] {
  const own = valuesOf(event, field);
  if (fieldFamilyOf(field) !== 'other') return own;
  const below = [...event.fields.keys()].filter((key) => key.startsWith(`${field}.`));
  return [...own, ...below.flatMap((key) => valuesOf(event, key))];
}

/**
 * How one written value matches a field of each type. `lenient` (free text) makes a value that
 * cannot apply to the field's type a non-match instead of a query error.
 */
function valueTest(literal: KueryLiteral, lenient: boolean): FieldTest {
  const parts = patternParts(literal);
  const text = literalText(literal);
  const wildcard = !literal.quoted && parts.some((part) => part.kind !== 'text');
  const refuse = (why: string): Decision => (lenient ? false : { unknown: `${why}: ${text}` });

  if (wildcard && parts.every((part) => part.kind === 'any')) {
    return (values) => values.length > 0;
  }
  const byType = new Map<FieldFamily, FieldTest>();
  const testFor = (type: FieldFamily): FieldTest => {
    switch (type) {
      case 'text':
        return textTest(literal, parts, wildcard, refuse);
      case 'number':
      case 'date':
      case 'boolean': {
        if (wildcard) return () => refuse(`a wildcard on a ${type} field`);
        if (typedValue(text, type) === null) return () => refuse(`not a ${type}`);
        return (values) => values.some((value) => equalsTyped(value, text, type, false));
      }
      case 'ip':
        return ipTest(text, wildcard, refuse);
      default: {
        const caseInsensitive = type === 'caseless';
        if (!wildcard) {
          return (values) => values.some((value) => equalsTyped(value, text, type, false));
        }
        const pattern = wildcardPattern(parts, caseInsensitive);
        return (values) => values.some((value) => pattern.test(keywordText(value)));
      }
    }
  };
  return (values, type) => {
    let test = byType.get(type);
    if (test === undefined) byType.set(type, (test = testFor(type)));
    return test(values, type);
  };
}

/**
 * Text fields: a quoted phrase matches consecutive words, unquoted words match when any of them
 * occurs, a wildcard pattern matches single lower-cased words.
 */
function textTest(
  literal: KueryLiteral,
  parts: PatternPart[],
  wildcard: boolean,
  refuse: (why: string) => Decision,
): FieldTest {
  const text = literalText(literal);
  const tokensOf = (values: EventScalar[]) =>
    values.map((value) => analyzedTokens(keywordText(value)));
  if (literal.quoted) {
    const phrase = analyzedTokens(text);
    return (values) => tokensOf(values).some((tokens) => containsPhrase(tokens, phrase));
  }
  if (!wildcard) {
    const words = new Set(analyzedTokens(text));
    return (values) => tokensOf(values).some((tokens) => tokens.some((word) => words.has(word)));
  }
  const oneWord = parts.every((part) => part.kind !== 'text' || isWordText(part.text));
  if (!oneWord) return () => refuse('a wildcard pattern spanning several words of a text field');
  const pattern = wildcardPattern(parts, true);
  return (values) => tokensOf(values).some((tokens) => tokens.some((word) => pattern.test(word)));
}

function ipTest(text: string, wildcard: boolean, refuse: (why: string) => Decision): FieldTest {
  if (wildcard) return () => refuse('a wildcard on an ip field');
  if (text.includes('/')) {
    const block = parseCidr(text);
    if (block === null) return () => refuse('not a CIDR block');
    return (values) => values.some((value) => addressIn(value, (ip) => inCidr(ip, block)));
  }
  const expected = parseIp(text);
  if (expected === null) return () => refuse('not an IP address');
  return (values) => values.some((value) => addressIn(value, (ip) => sameIp(ip, expected)));
}

function addressIn(value: EventScalar, test: (address: number[]) => boolean): boolean {
  const address = parseIp(keywordText(value));
  return address !== null && test([...address]);
}

function typedValue(text: string, type: 'number' | 'date' | 'boolean'): unknown {
  if (type === 'number') return numberOf(text);
  return type === 'date' ? dateOf(text) : booleanOf(text);
}

function isWordText(text: string): boolean {
  return [...text].every((char) => /[\p{L}\p{N}_.']/u.test(char));
}

function isSingleCondition(query: KueryQuery): boolean {
  if (query.kind === 'match') return query.values.kind === 'value';
  return query.kind === 'range' || query.kind === 'free-text';
}

function hasNegation(query: KueryQuery): boolean {
  switch (query.kind) {
    case 'or':
    case 'and':
      return query.args.some(hasNegation);
    case 'not':
      return true;
    case 'match':
      return valuesHaveNegation(query.values);
    case 'nested':
      return hasNegation(query.query);
    default:
      return false;
  }
}

function valuesHaveNegation(values: KueryBoolean<KueryValue>): boolean {
  if (values.kind === 'not') return true;
  if (values.kind === 'value') return false;
  return values.args.some(valuesHaveNegation);
}

function literalText(literal: KueryLiteral): string {
  return literal.parts.map((part) => (part.kind === 'text' ? part.text : '*')).join('');
}

function patternParts(literal: KueryLiteral): PatternPart[] {
  if (literal.quoted) return [{ kind: 'text', text: literalText(literal) }];
  return literal.parts.map((part) => (part.kind === 'text' ? part : { kind: 'any' }));
}

function outcomeOf(decision: Decision, text: string): Outcome {
  if (decision === true) return TRUE;
  if (decision === false) return failed(text);
  return unknown(decision.unknown);
}

function anyDecision(parts: (() => Decision)[]): Decision {
  let undecided: Decision = false;
  for (const part of parts) {
    const decision = part();
    if (decision === true) return true;
    if (decision !== false && undecided === false) undecided = decision;
  }
  return undecided;
}

function allDecision(parts: (() => Decision)[]): Decision {
  let undecided: Decision = true;
  for (const part of parts) {
    const decision = part();
    if (decision === false) return false;
    if (decision !== true && undecided === true) undecided = decision;
  }
  return undecided;
}

function notDecision(decision: Decision): Decision {
  return typeof decision === 'boolean' ? !decision : decision;
}
