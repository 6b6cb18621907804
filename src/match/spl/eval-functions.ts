// The eval functions the matcher evaluates, by name (case-insensitive), and the conditions
// among them: isnull, if, case, coalesce, like, match, cidrmatch, in, searchmatch. A function
// not listed here makes its condition undecided, naming the function.

import type { EvalNode } from '../../languages/spl/syntax.js';
import { isLinearRegex } from '../linear-regex.js';
import { isUnknown, numberOf } from './field-value.js';
import { arityProblem, eager, type EvalFunction, type FunctionScope } from './function-scope.js';
import { globMatches, likeGlob } from './glob-pattern.js';
import { cidrOf, inRange } from './ip-range.js';
import { MULTIVALUE_FUNCTIONS } from './multivalue-functions.js';
import { compareItems, itemText, itemsOf, textValue, type EvalValue } from './eval-value.js';
import { unsupportedReason } from './rule-regexes.js';
import { TEXT_FUNCTIONS } from './text-functions.js';

/** Whether any text of `value` matches the `like` pattern; false when either is null. */
export function likeHolds(value: EvalValue, pattern: EvalValue): EvalValue {
  const glob = textValue(pattern);
  if (isUnknown(value)) return value;
  if (isUnknown(glob)) return glob;
  if (glob === null || value === null) return false;
  const compiled = likeGlob(glob);
  return itemsOf(value).some((item) => globMatches(compiled, itemText(item)));
}

/** Whether an item of `value` equals one of `candidates` (case-sensitive, numbers as numbers). */
export function inHolds(value: EvalValue, candidates: EvalValue[]): EvalValue {
  if (isUnknown(value)) return value;
  if (value === null) return false;
  let unknown: EvalValue | null = null;
  for (const candidate of candidates) {
    if (isUnknown(candidate)) unknown ??= candidate;
    if (candidate === null || isUnknown(candidate)) continue;
    const equal = itemsOf(value).some((item) => {
      return itemsOf(candidate).some((other) => compareItems(item, other) === 0);
    });
    if (equal) return true;
  }
  return unknown ?? false;
}

const CONDITION_FUNCTIONS: Record<string, EvalFunction> = {
  null: eager(0, 0, () => null),
  true: eager(0, 0, () => true),
  false: eager(0, 0, () => false),
  isnull: presence(false),
  isnotnull: presence(true),
  isnum: eager(1, 1, ([value]) => {
    return typeof value === 'number' || (typeof value === 'string' && numberOf(value) !== null);
  }),
  isstr: eager(1, 1, ([value]) => typeof value === 'string' && numberOf(value) === null),
  isint: eager(1, 1, ([value]) => {
    const number = typeof value === 'number' || typeof value === 'string' ? numberOf(value) : null;
    return number !== null && Number.isInteger(number);
  }),
  like: eager(2, 2, ([value, pattern]) => likeHolds(value, pattern)),
  match: eager(2, 2, ([value, pattern], scope) => {
    const re = textValue(pattern);
    if (isUnknown(re)) return re;
    if (value === null || re === null) return false;
    const regex = scope.regex(re);
    if (!isLinearRegex(regex)) return { unknown: unsupportedReason(re, regex) };
    return itemsOf(value).some((item) => regex.test(itemText(item)));
  }),
  cidrmatch: eager(2, 2, ([cidr, address]) => {
    const range = textValue(cidr);
    if (isUnknown(range)) return range;
    if (range === null || address === null) return false;
    const parsed = cidrOf(range);
    return parsed !== null && itemsOf(address).some((item) => inRange(parsed, itemText(item)));
  }),
  in: (args, scope, name) => {
    const wrong = arityProblem(name, args, 2, Infinity);
    if (wrong) return wrong;
    const [value, ...candidates] = args;
    return inHolds(scope.value(value), candidates.map((candidate) => scope.value(candidate)));
  },
  coalesce: (args, scope) => {
    for (const arg of args) {
      const value = scope.value(arg);
      if (value !== null) return value;
    }
    return null;
  },
  if: (args, scope, name) => {
    const wrong = arityProblem(name, args, 3, 3);
    if (wrong) return wrong;
    const condition = scope.value(args[0]);
    if (isUnknown(condition)) return condition;
    if (condition !== null && typeof condition !== 'boolean') return notCondition(name);
    return scope.value(condition === true ? args[1] : args[2]);
  },
  case: (args, scope, name) => {
    if (args.length % 2 !== 0) return { unknown: `\`${name}()\` needs condition/value pairs` };
    for (let i = 0; i < args.length; i += 2) {
      const condition = scope.value(args[i]);
      if (isUnknown(condition)) return condition;
      if (condition !== null && typeof condition !== 'boolean') return notCondition(name);
      if (condition === true) return scope.value(args[i + 1]);
    }
    return null;
  },
  searchmatch: eager(1, 1, ([search], scope) => {
    const text = textValue(search);
    return text === null || isUnknown(text) ? text : scope.searchMatch(text);
  }),
};

/** isnotnull (or isnull): known even for a value that is unknown but surely present. */
function presence(present: boolean): EvalFunction {
  return (args, scope, name) => {
    const wrong = arityProblem(name, args, 1, 1);
    if (wrong) return wrong;
    const value = scope.value(args[0]);
    if (isUnknown(value) && !value.present) return value;
    return (value !== null) === present;
  };
}

function notCondition(name: string): EvalValue {
  return { unknown: `the condition of \`${name}()\` is not true or false` };
}

/** Functions whose result depends on the clock or the time zone of the search. */
const CLOCK = ['now', 'time', 'relative_time', 'strftime', 'strptime'];

const FUNCTIONS: Record<string, EvalFunction> = {
  ...CONDITION_FUNCTIONS,
  ...TEXT_FUNCTIONS,
  ...MULTIVALUE_FUNCTIONS,
};

export function callFunction(name: string, args: EvalNode[], scope: FunctionScope): EvalValue {
  const key = name.toLowerCase();
  if (CLOCK.includes(key)) {
    return { unknown: `\`${name}()\` depends on the clock or time zone of the search` };
  }
  const run = Object.hasOwn(FUNCTIONS, key) ? FUNCTIONS[key] : undefined;
  if (!run) return { unknown: `the eval function \`${name}()\` is not evaluated by the matcher` };
  return run(args, scope, name);
}

