// Compiles one value of a detection item into tests on the event's field, following the
// comparison its modifiers chose: patterns, numbers, true/false, null (absent), regular
// expressions (RE2), networks, orderings, existence, references to other fields, date parts.

import { BlockList, isIP } from 'node:net';
import { parseStringValue, type PatternPart } from '../../languages/sigma/string-value.js';
import { compileLinearRegex, isLinearRegex } from '../linear-regex.js';
import type { EventView, FieldValues } from './event-view.js';
import type { LogicScalarValue } from './logic-block.js';
import type { ModifierPlan, TimePart } from './modifier-plan.js';
import { textPattern, type PlainPart } from './text-pattern.js';
import { valueForms, type ValueForm } from './value-forms.js';

/** Whether the field's values (null: the event has no such field) satisfy one form of a value. */
export type ValueTest = (values: FieldValues | null, event: EventView) => boolean;

/** The tests of one value (any of them may hold), and why the value cannot be decided if so. */
export interface ValueCheck {
  tests: ValueTest[];
  /** Set when some form of the value cannot be evaluated: the value is then never false. */
  open: string | null;
}

/** Values for placeholders (`%Servers%` under `expand`), by name without the percent signs. */
export type PlaceholderValues = ReadonlyMap<string, string[]>;

// LIMITATION: a value whose placeholders expand to more combinations than this is undecided.
const MAXIMUM_EXPANSIONS = 1000;

const ORDERINGS = {
  lt: (a: number, b: number) => a < b,
  lte: (a: number, b: number) => a <= b,
  gt: (a: number, b: number) => a > b,
  gte: (a: number, b: number) => a >= b,
};

export function valueCheck(
  value: LogicScalarValue,
  plan: ModifierPlan,
  keyword: boolean,
  placeholders: PlaceholderValues,
): ValueCheck {
  const comparison = plan.comparison;
  if (keyword && comparison !== 'match' && comparison !== 're') {
    return opened(`'${comparison}' needs a field`);
  }

  switch (comparison) {
    case 'match':
      return matchCheck(value, plan, keyword, placeholders);
    case 're':
      return regexCheck(value, plan);
    case 'cidr':
      return cidrCheck(value);
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return orderingCheck(value, ORDERINGS[comparison], comparison);
    case 'exists':
      return existsCheck(value);
    case 'fieldref':
      return fieldrefCheck(value, plan.cased);
    default:
      return timePartCheck(value, comparison);
  }
}

function opened(reason: string): ValueCheck {
  return { tests: [], open: reason };
}

function decided(test: ValueTest): ValueCheck {
  return { tests: [test], open: null };
}

function matchCheck(
  value: LogicScalarValue,
  plan: ModifierPlan,
  keyword: boolean,
  placeholders: PlaceholderValues,
): ValueCheck {
  const forms = valueForms(value, plan, keyword);
  if ('problem' in forms) return opened(forms.problem);

  const check: ValueCheck = { tests: [], open: null };
  for (const form of forms) {
    if (form.kind !== 'pattern') {
      check.tests.push(scalarTest(form));
      continue;
    }
    const expanded = expandPlaceholders(form.parts, placeholders);
    if ('problem' in expanded) {
      check.open ??= expanded.problem;
      continue;
    }
    for (const parts of expanded) {
      check.tests.push(textPattern(parts, { cased: plan.cased, windash: form.windash }));
    }
  }
  return check;
}

/** Numbers equal as numbers (`0x10` is 16) or as text; null holds for an absent field. */
function scalarTest(form: Exclude<ValueForm, { kind: 'pattern' }>): ValueTest {
  switch (form.kind) {
    case 'null':
      return (values) => values === null || values.scalars.every((scalar) => scalar === null);
    case 'boolean': {
      const text = String(form.value);
      return (values) => values !== null && values.scalars.some((scalar) => {
        return scalar === form.value || String(scalar).toLowerCase() === text;
      });
    }
    case 'number': {
      const text = String(form.value);
      return (values) => values !== null && values.scalars.some((scalar) => {
        if (typeof scalar === 'number') return scalar === form.value;
        return typeof scalar === 'string' && (scalar === text || numberIn(scalar) === form.value);
      });
    }
  }
}

const NUMBER_TEXT = /^\s*(?:[+-]?\d+(?:\.\d+)?|0x[0-9a-f]+)\s*$/i;

/** The number a text spells in decimal or hexadecimal, else null. */
function numberIn(text: string): number | null {
  return NUMBER_TEXT.test(text) ? Number(text) : null;
}

function numberOf(scalar: unknown): number | null {
  if (typeof scalar === 'number') return scalar;
  return typeof scalar === 'string' ? numberIn(scalar) : null;
}

/** Placeholder parts replaced by each of their values (patterns too), in every combination. */
function expandPlaceholders(
  parts: PatternPart[],
  placeholders: PlaceholderValues,
): PlainPart[][] | { problem: string } {
  let expansions: PlainPart[][] = [[]];
  for (const part of parts) {
    if (part.kind !== 'placeholder') {
      expansions = expansions.map((done) => [...done, part]);
      continue;
    }
    const values = placeholders.get(part.name);
    if (!values || values.length === 0) {
      return { problem: `the placeholder %${part.name}% has no value` };
    }
    const choices = values.map((text) => parseStringValue(text, { placeholders: false }));
    expansions = expansions.flatMap((done) => {
      return choices.map((choice) => [...done, ...(choice as PlainPart[])]);
    });
    if (expansions.length > MAXIMUM_EXPANSIONS) {
      return { problem: `the placeholders expand to more than ${MAXIMUM_EXPANSIONS} values` };
    }
  }
  return expansions;
}

function regexCheck(value: LogicScalarValue, plan: ModifierPlan): ValueCheck {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return opened(`'re' needs a pattern, not ${String(value)}`);
  }
  const regex = compileLinearRegex(String(value), plan.regexFlags);
  if (isLinearRegex(regex)) {
    return decided((values) => values !== null && values.texts.some((text) => regex.test(text)));
  }
  if (regex.invalid) return opened(`the pattern has a syntax error: ${regex.unsupported}`);
  return opened(`RE2 cannot run the pattern: ${regex.unsupported}`);
}

function cidrCheck(value: LogicScalarValue): ValueCheck {
  const network = typeof value === 'string' ? networkOf(value) : null;
  if (!network) return opened(`'cidr' needs a network such as 10.0.0.0/8, not ${String(value)}`);
  return decided((values) => values !== null && values.texts.some((text) => {
    const family = isIP(text);
    return family !== 0 && network.check(text, family === 4 ? 'ipv4' : 'ipv6');
  }));
}

function networkOf(text: string): BlockList | null {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const family = isIP(address);
  if (family === 0) return null;
  const bits = family === 4 ? 32 : 128;
  const prefixText = slash < 0 ? String(bits) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return null;

  const network = new BlockList();
  network.addSubnet(address, Number(prefixText), family === 4 ? 'ipv4' : 'ipv6');
  return network;
}

function orderingCheck(
  value: LogicScalarValue,
  holds: (field: number, bound: number) => boolean,
  name: string,
): ValueCheck {
  const bound = numberOf(value);
  if (bound === null) return opened(`'${name}' needs a number, not ${String(value)}`);
  return decided((values) => values !== null && values.scalars.some((scalar) => {
    const number = numberOf(scalar);
    return number !== null && holds(number, bound);
  }));
}

/** Presence only: a field holding null or '' exists. */
function existsCheck(value: LogicScalarValue): ValueCheck {
  const wanted = typeof value === 'string' ? value.toLowerCase() : value;
  if (wanted !== true && wanted !== false && wanted !== 'true' && wanted !== 'false') {
    return opened(`'exists' needs true or false, not ${String(value)}`);
  }
  const present = wanted === true || wanted === 'true';
  return decided((values) => (values !== null) === present);
}

function fieldrefCheck(value: LogicScalarValue, cased: boolean): ValueCheck {
  if (typeof value !== 'string' || value === '') {
    return opened(`'fieldref' needs the name of another field, not ${String(value)}`);
  }
  return decided((values, event) => {
    const other = event.field(value);
    if (values === null || other === null) return false;
    const mine = cased ? values.texts : values.folded;
    const theirs = cased ? other.texts : other.folded;
    return mine.some((text) => theirs.includes(text));
  });
}

function timePartCheck(value: LogicScalarValue, part: TimePart): ValueCheck {
  const wanted = numberOf(value);
  if (wanted === null) return opened(`'${part}' needs a number, not ${String(value)}`);
  return decided((values) => values !== null && values.texts.some((text) => {
    return datePart(text, part) === wanted;
  }));
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

// LIMITATION: dates are read as written (`2025-10-25T13:21:33Z`, `2025-10-25 13:21`), with no
// time zone conversion, as the specification says; other date formats never match.
function datePart(text: string, part: TimePart): number | null {
  const found = DATE_TEXT.exec(text);
  if (!found) return null;
  const [year, month, day] = [Number(found[1]), Number(found[2]), Number(found[3])];
  switch (part) {
    case 'year':
      return year;
    case 'month':
      return month;
    case 'day':
      return day;
    case 'week':
      return isoWeek(year, month, day);
    case 'hour':
      return found[4] === undefined ? null : Number(found[4]);
    case 'minute':
      return found[5] === undefined ? null : Number(found[5]);
  }
}

/** The ISO 8601 week number: weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
}
