// One event meeting the conditions of two rules at once: per field, a single value satisfying
// every positive condition and none of the negated ones, or the field left out.
//
// Decided on the predicates as the rules write them when both write the same field names, so
// that the event is the one both rules read; across vendors on the canonical comparisons, which
// `verify` renders in each rule's names. Whatever cannot be decided here (patterns, raw text,
// field references) gives no event.

import { RAW_FIELD, type Op, type Predicate, type Scalar } from '../../ir/index.js';
import { foldCase, numericValue } from '../../semantics/value-key.js';
import type { Literal } from '../implication/literal.js';

/** One condition on one written field, from a literal of one of the rules. */
export interface FieldTest {
  field: string;
  op: Op;
  values: Scalar[];
  /** The values with what comparing needs, computed once: a case is tried with many others. */
  compared: ComparedValue[];
  caseSensitive: boolean;
  negated: boolean;
  verbatim: boolean;
  missingIsUnknown: boolean;
  /** The literal the test comes from; null for a field every kept event has (a group-by). */
  literal: Literal | null;
}

/** A value with its text, its text in folded case (null beyond ASCII) and its number. */
interface ComparedValue {
  value: Scalar;
  text: string;
  folded: string | null;
  number: number | null;
}

/** The common event: each field's value, or null for a field it must not have. */
export type CommonEvent = Map<string, Scalar | null>;

/** One case of a rule's condition as tests per written field. */
export interface CaseTests {
  byField: Map<string, FieldTest[]>;
  /**
   * The field values meeting the case's own tests, found when first needed; null when some
   * field has none.
   */
  own?: CommonEvent | null;
}

/** Choices of one value per condition tried for one field before giving up. */
const VALUE_CHOICES = 32;

/** Values of `eq` conditions tried for one field before giving up. */
const EQUAL_VALUES = 128;

/** Values tried for a field that must only have some value or avoid some. */
const ANY_VALUES: readonly Scalar[] = ['ruledex-event', 'x', '0'];

/** Operators whose matching is decided here; any other makes the field undecided. */
// LIMITATION: wildcard, regex, CIDR and raw-text conditions are not decided — a pair of cases
// with one of them is never claimed to share an event.
const DECIDED_OPS: ReadonlySet<Op> = new Set([
  'eq',
  'in',
  'ne',
  'contains',
  'startswith',
  'endswith',
  'lt',
  'le',
  'gt',
  'ge',
  'exists',
]);

const RANGE_OPS: ReadonlySet<Op> = new Set(['lt', 'le', 'gt', 'ge']);

/**
 * The tests a case's literals put on canonical fields, for rules writing different field names:
 * each literal's canonical comparison. Null when one is not decided here, or holds only in its
 * own dialect (SPL `where`, ES|QL, regexes) or on words of text: its canonical form does not say
 * how another vendor's event meets it.
 */
export function canonicalCaseTestsOf(literals: Literal[]): CaseTests | null {
  const byField = new Map<string, FieldTest[]>();
  for (const literal of literals) {
    const test = canonicalTestOf(literal);
    if (!test) return null;
    pushTo(byField, test);
  }
  return { byField };
}

/** The tests a case's literals put on written fields; null when a test cannot be decided. */
export function caseTestsOf(literals: Literal[]): CaseTests | null {
  const byField = new Map<string, FieldTest[]>();
  for (const literal of literals) {
    const tests = writtenTestsOf(literal);
    if (!tests) return null;
    for (const test of tests) pushTo(byField, test);
  }
  return { byField };
}

/**
 * Each literal's tests, made once: a literal sits in many cases, and a test made once is the
 * same object in all of them, so that a pair of fields' tests is decided once (`pairValue`).
 */
const writtenTests = new WeakMap<Literal, FieldTest[] | null>();
const canonicalTests = new WeakMap<Literal, FieldTest | null>();

function writtenTestsOf(literal: Literal): FieldTest[] | null {
  let tests = writtenTests.get(literal);
  if (tests !== undefined) return tests;
  tests = [];
  const predicates = literal.negated ? literal.predicates : [alternatives(literal.predicates)];
  for (const predicate of predicates) {
    if (!predicate || predicate.field === RAW_FIELD || !DECIDED_OPS.has(predicate.op)) {
      tests = null;
      break;
    }
    tests.push(testOf(predicate, literal));
  }
  writtenTests.set(literal, tests);
  return tests;
}

function canonicalTestOf(literal: Literal): FieldTest | null {
  let test = canonicalTests.get(literal);
  if (test !== undefined) return test;
  test = null;
  if (literal.shared && !literal.verbatim && literal.field !== RAW_FIELD) {
    if (DECIDED_OPS.has(literal.op)) test = canonicalTestOn(literal);
  }
  canonicalTests.set(literal, test);
  return test;
}

function canonicalTestOn(literal: Literal): FieldTest {
  const values = literal.op === 'exists' ? [] : literal.values;
  return {
    field: literal.field,
    op: literal.op,
    values,
    compared: values.map(comparedOf),
    caseSensitive: literal.caseSensitive,
    negated: literal.negated,
    verbatim: false,
    missingIsUnknown: literal.missingIsUnknown,
    literal,
  };
}

/**
 * The event meeting both cases' tests and having each required field (the rules' group-by
 * fields), or null when none was found (or none exists). Fields only one case tests keep the
 * value that case gave them.
 */
export function commonEvent(a: CaseTests, b: CaseTests, required: string[]): CommonEvent | null {
  const met = sharedValues(a, b);
  if (!met) return null;
  for (const field of required) {
    const tests = [...(a.byField.get(field) ?? []), ...(b.byField.get(field) ?? [])];
    const value = fieldValue([...tests, presenceTest(field)]);
    if (value === undefined) return null;
    met.set(field, value);
  }

  const aOwn = ownValues(a);
  const bOwn = ownValues(b);
  if (!aOwn || !bOwn) return null;
  const event: CommonEvent = new Map(aOwn);
  for (const [field, value] of bOwn) event.set(field, value);
  for (const [field, value] of met) event.set(field, value);
  return event;
}

/** Whether some value of each field two cases both test meets both cases' tests there. */
export function fieldsMeet(a: CaseTests, b: CaseTests): boolean {
  const [fewer, more] = a.byField.size <= b.byField.size ? [a, b] : [b, a];
  for (const [field, tests] of fewer.byField) {
    const others = more.byField.get(field);
    if (!others || isSameTests(tests, others)) continue;
    if (pairValue(tests, others) === undefined) return false;
  }
  return true;
}

/** The values of the fields both cases test, or null when one has none. */
function sharedValues(a: CaseTests, b: CaseTests): CommonEvent | null {
  const [fewer, more] = a.byField.size <= b.byField.size ? [a, b] : [b, a];
  const met: CommonEvent = new Map();
  for (const [field, tests] of fewer.byField) {
    const others = more.byField.get(field);
    // The same tests on both sides (the event model's statements) keep their own value.
    if (!others || isSameTests(tests, others)) continue;
    const value = pairValue(tests, others);
    if (value === undefined) return null;
    met.set(field, value);
  }
  return met;
}

/**
 * Per first test of one list, the value of that list with each other list, found once: the
 * same literals' tests meet in many pairs of cases (a rule's required literals are in all of
 * its cases). Keyed by the tests' numbers, as the lists are other arrays in each case.
 */
const pairValues = new WeakMap<FieldTest, Map<string, Scalar | null | undefined>>();
const testNumbers = new WeakMap<FieldTest, number>();
let testsNumbered = 0;

function pairValue(tests: FieldTest[], others: FieldTest[]): Scalar | null | undefined {
  let key = '';
  for (const test of tests) key += `${numberOf(test)},`;
  key += '|';
  for (const test of others) key += `${numberOf(test)},`;
  let known = pairValues.get(tests[0]);
  if (!known) pairValues.set(tests[0], (known = new Map()));
  if (known.has(key)) return known.get(key);
  const value = fieldValue([...tests, ...others]);
  known.set(key, value);
  return value;
}

function numberOf(test: FieldTest): number {
  let number = testNumbers.get(test);
  if (number === undefined) testNumbers.set(test, (number = testsNumbered++));
  return number;
}

/**
 * Whether two cases test a field alike: the same literals, or conditions written the same way
 * (two Sigma rules' one log source). Then the value meeting one case's tests meets the other's.
 */
function isSameTests(a: FieldTest[], b: FieldTest[]): boolean {
  if (a.length !== b.length) return false;
  let sameLiterals = true;
  for (let i = 0; i < a.length; i++) if (a[i].literal !== b[i].literal) sameLiterals = false;
  return sameLiterals || signatureOf(a) === signatureOf(b);
}

/** Each field's tests written as text, made once: cases are paired with many others. */
const signatures = new WeakMap<FieldTest[], string>();

function signatureOf(tests: FieldTest[]): string {
  let signature = signatures.get(tests);
  if (signature === undefined) {
    signature = tests
      .map((test) => {
        const values = test.values.map((value) => `${typeof value}:${String(value)}`);
        const { op, caseSensitive, negated, verbatim, missingIsUnknown } = test;
        return [op, caseSensitive, negated, verbatim, missingIsUnknown, ...values].join('\u0000');
      })
      .join('\u0001');
    signatures.set(tests, signature);
  }
  return signature;
}

function ownValues(tests: CaseTests): CommonEvent | null {
  if (tests.own !== undefined) return tests.own;
  const own: CommonEvent = new Map();
  for (const [field, fieldTests] of tests.byField) {
    const value = fieldValue(fieldTests);
    if (value === undefined) return (tests.own = null);
    own.set(field, value);
  }
  return (tests.own = own);
}

function presenceTest(field: string): FieldTest {
  return {
    field,
    op: 'exists',
    values: [],
    compared: [],
    caseSensitive: false,
    negated: false,
    verbatim: false,
    missingIsUnknown: false,
    literal: null,
  };
}

/**
 * A positive literal merged from several predicates holds through any one of them: the first,
 * with the values of the others written the same way (field, operator, case) as alternatives.
 */
// LIMITATION: other alternatives of such a literal (another written field or operator) are not
// tried — a pair meeting only through one of them is not listed as overlapping.
function alternatives(predicates: Predicate[]): Predicate | undefined {
  const [first] = predicates;
  if (!first) return undefined;
  const alike = predicates.filter(
    (p) => p.field === first.field && p.op === first.op && p.caseSensitive === first.caseSensitive,
  );
  if (alike.length === 1) return first;
  return { ...first, values: [...new Set(alike.flatMap((p) => p.values))] };
}

function testOf(predicate: Predicate, literal: Literal): FieldTest {
  const values = predicate.op === 'exists' ? [] : predicate.values;
  return {
    field: predicate.field,
    op: predicate.op === 'in' ? 'eq' : predicate.op,
    values,
    compared: values.map(comparedOf),
    caseSensitive: predicate.caseSensitive,
    negated: literal.negated,
    verbatim: literal.verbatim,
    missingIsUnknown: literal.missingIsUnknown,
    literal,
  };
}

function comparedOf(value: Scalar): ComparedValue {
  const text = String(value);
  return {
    value,
    text,
    folded: isAscii(text) ? foldCase(text) : null,
    number: numericValue(value),
  };
}

/** The field's value; null to leave it out; undefined when no value was found. */
function fieldValue(tests: FieldTest[]): Scalar | null | undefined {
  if (allHold(tests, null)) return null;
  for (const candidate of candidatesFor(tests)) {
    if (allHold(tests, candidate)) return candidate.value;
  }
  return undefined;
}

function allHold(tests: FieldTest[], value: ComparedValue | null): boolean {
  for (const test of tests) if (holds(test, value) !== true) return false;
  return true;
}

/**
 * Values worth trying. A value must equal one of each positive `eq` test's values, so those are
 * the candidates when there is such a test; otherwise values built from one value of each
 * positive test at a time. Then any value, for tests that only avoid values.
 */
function* candidatesFor(tests: FieldTest[]): Generator<ComparedValue> {
  const positive = tests.filter((test) => !test.negated && test.values.length > 0);
  const listed = positive.filter((test) => test.op === 'eq');
  if (listed.length > 0) {
    let tried = 0;
    for (const test of equalSources(listed)) {
      for (const written of test.compared) {
        if (tried++ >= EQUAL_VALUES) return;
        if (written.value !== null && allMayEqual(listed, written)) yield written;
      }
    }
    return;
  }
  const counter = positive.map(() => 0);
  for (let tried = 0; tried < VALUE_CHOICES; tried++) {
    const chosen = positive.map((test, i) => ({ test, value: test.values[counter[i]] }));
    for (const candidate of candidatesOfChoice(chosen)) yield comparedOf(candidate);
    let position = positive.length - 1;
    while (position >= 0 && counter[position] + 1 >= positive[position].values.length) {
      counter[position] = 0;
      position--;
    }
    if (position < 0) break;
    counter[position]++;
  }
  for (const candidate of ANY_VALUES) yield comparedOf(candidate);
}

function allMayEqual(listed: FieldTest[], value: ComparedValue): boolean {
  for (const test of listed) if (!mayEqual(test, value)) return false;
  return true;
}

interface Chosen {
  test: FieldTest;
  value: Scalar;
}

/**
 * Numbers at and next to the range bounds, and a text starting with the longest prefix,
 * holding every part, and ending with the longest suffix.
 */
function* candidatesOfChoice(chosen: Chosen[]): Generator<Scalar> {
  const bounds = chosen
    .filter(({ test }) => RANGE_OPS.has(test.op))
    .map(({ value }) => numericValue(value))
    .filter((number): number is number => number !== null);
  for (const bound of bounds) {
    yield bound;
    yield bound + 1;
    yield bound - 1;
  }

  // A part another part holds is met by it: `-enc` and `-encodedcommand` make one text.
  const written = [...new Set(textsOf(chosen, 'contains'))];
  const parts = written.filter((part) => !isHeldByAnother(part, written));
  const prefix = longest(textsOf(chosen, 'startswith'));
  const suffix = longest(textsOf(chosen, 'endswith'));
  if (parts.length + prefix.length + suffix.length > 0) yield prefix + parts.join('') + suffix;
}

function textsOf(chosen: Chosen[], op: Op): string[] {
  const texts: string[] = [];
  for (const { test, value } of chosen) {
    if (test.op === op && typeof value === 'string') texts.push(value);
  }
  return texts;
}

function longest(texts: string[]): string {
  let found = '';
  for (const text of texts) if (text.length > found.length) found = text;
  return found;
}

function isHeldByAnother(part: string, texts: string[]): boolean {
  for (const other of texts) if (other.length > part.length && other.includes(part)) return true;
  return false;
}

/**
 * Whether the test holds for a field with this single value (null: no such field), or
 * undefined when that cannot be decided here.
 */
function holds(test: FieldTest, value: ComparedValue | null): boolean | undefined {
  let nullValues = 0;
  for (const written of test.values) if (written === null) nullValues++;
  if (nullValues > 0 && (test.op !== 'eq' || nullValues < test.values.length)) return undefined;
  // `f = null` asks for the field to be absent.
  if (nullValues > 0) return (value === null) !== test.negated;

  if (value === null) return test.negated && !test.missingIsUnknown;
  const matched = matches(test, value);
  if (matched === undefined) return undefined;
  return matched !== test.negated;
}

/** Whether the present value matches the test read positively. */
function matches(test: FieldTest, value: ComparedValue): boolean | undefined {
  if (test.op === 'exists') return true;
  if (test.verbatim) return verbatimMatch(test, value);
  if (test.op === 'ne') {
    if (test.negated) return undefined;
    const equal = test.compared.map((written) => compare(test, 'eq', written, value));
    return equal.includes(undefined) ? undefined : equal.every((e) => e === false);
  }
  let undecided = false;
  for (const written of test.compared) {
    const result = compare(test, test.op, written, value);
    if (result === true) return true;
    if (result === undefined) undecided = true;
  }
  return undecided ? undefined : false;
}

/**
 * Words of text (analyzed fields): the value matches when it is the written value itself, and
 * surely does not when the written value is nowhere in it, in any case.
 */
function verbatimMatch(test: FieldTest, value: ComparedValue): boolean | undefined {
  if (value.folded === null) return undefined;
  const equal = test.compared.some((written) => written.text === value.text);
  if (equal && (test.op === 'eq' || test.negated)) return true;
  const absent = test.compared.every(
    (written) => written.folded !== null && !value.folded!.includes(written.folded),
  );
  return absent ? false : undefined;
}

function compare(
  test: FieldTest,
  op: Op,
  written: ComparedValue,
  value: ComparedValue,
): boolean | undefined {
  if (RANGE_OPS.has(op)) return rangeMatch(op, written, value);
  if (op === 'eq' && (typeof written.value === 'number' || typeof value.value === 'number')) {
    if (written.number !== null && value.number !== null) return written.number === value.number;
  }
  let a = value.text;
  let b = written.text;
  if (!test.caseSensitive) {
    // Engines fold letters beyond ASCII differently: such a comparison is not decided.
    if (value.folded === null || written.folded === null) return undefined;
    a = value.folded;
    b = written.folded;
  }
  switch (op) {
    case 'eq':
      return a === b;
    case 'contains':
      return a.includes(b);
    case 'startswith':
      return a.startsWith(b);
    case 'endswith':
      return a.endsWith(b);
    default:
      return undefined;
  }
}

/**
 * A range compares numbers or texts depending on the field's type, which is not known: the
 * value matches when it does both ways, and surely does not when it does neither way.
 */
function rangeMatch(op: Op, written: ComparedValue, value: ComparedValue): boolean | undefined {
  if (written.number === null || value.number === null) return undefined;
  const numeric = ordered(op, value.number - written.number);
  const text = String(value.number);
  const bound = String(written.number);
  const textual = ordered(op, text < bound ? -1 : text > bound ? 1 : 0);
  return numeric === textual ? numeric : undefined;
}

function ordered(op: Op, order: number): boolean {
  switch (op) {
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
    case 'gt':
      return order > 0;
    default:
      return order >= 0;
  }
}

/**
 * The `eq` tests whose values are tried: a value meeting them all equals one of the shortest
 * list's values, in some letter case; the lists compared exactly give the case to use.
 */
function equalSources(listed: FieldTest[]): FieldTest[] {
  let shortest = listed[0];
  for (const test of listed) if (test.values.length < shortest.values.length) shortest = test;
  return [shortest, ...listed.filter((test) => test !== shortest && exactly(test))];
}

/** An `eq` test's values as the keys an equal value has: its text (folded) and its number. */
interface EqualKeys {
  texts: Set<string>;
  numbers: Set<number>;
  /** False when a value has no text key (letters beyond ASCII compared in any case). */
  complete: boolean;
}

const equalKeys = new WeakMap<FieldTest, EqualKeys>();

/**
 * Whether the value may equal one of the test's values: false only when it surely does not,
 * so that long lists of values are intersected by key instead of compared pair by pair.
 */
function mayEqual(test: FieldTest, value: ComparedValue): boolean {
  let keys = equalKeys.get(test);
  if (!keys) {
    keys = { texts: new Set(), numbers: new Set(), complete: true };
    for (const written of test.compared) {
      const text = exactly(test) ? written.text : written.folded;
      if (text === null) keys.complete = false;
      else keys.texts.add(text);
      if (written.number !== null) keys.numbers.add(written.number);
    }
    equalKeys.set(test, keys);
  }
  if (!keys.complete) return true;
  const text = exactly(test) ? value.text : value.folded;
  if (text !== null && keys.texts.has(text)) return true;
  return value.number !== null && keys.numbers.has(value.number);
}

/** Whether the test compares text exactly as written: case-sensitive, or words of text. */
function exactly(test: FieldTest): boolean {
  return test.caseSensitive || test.verbatim;
}

function pushTo(byField: Map<string, FieldTest[]>, test: FieldTest): void {
  const list = byField.get(test.field);
  if (list) list.push(test);
  else byField.set(test.field, [test]);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) return false;
  }
  return true;
}
