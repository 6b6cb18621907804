// The value one field of a witness event takes: a value meeting every condition the field must
// meet and avoiding every one it must avoid, built from the conditions' own values (an equal
// value, a string around the substrings, a number inside the ranges, an address in the block).

import type { Op, Scalar } from '../ir/index.js';
import { isCaseless } from '../semantics/value-key.js';
import { meets, UNMODELLED_OPS, type FieldCondition } from './field-condition.js';
import { regexInstances } from './regex-instance.js';

/** A field's value, or that it is left out, or why no value could be chosen. */
export type ValueChoice =
  | { kind: 'value'; value: Scalar }
  | { kind: 'absent' }
  /** The conditions contradict each other: no event has such a field, the case keeps none. */
  | { kind: 'empty'; detail: string }
  | { kind: 'unknown'; reason: UnknownReason; detail: string };

/** Why a witness could not be built, as counted in the verify report. */
export type UnknownReason =
  | 'regex-not-simple'
  | 'not-modelled'
  | 'no-single-value';

/** The value a field gets when its conditions ask only for some value. */
// LIMITATION: that value is text whatever the field's type — an Elastic rule asking an address
// field only to exist (`source.ip:*`) rejects it, and the claim is unknown (`own-witness`).
export const ANY_VALUE = 'ruledex-witness';

/** Choices of one value per condition tried before giving up. */
const COMBINATIONS_TRIED = 64;

/** Values tried for a field that must only avoid conditions. */
const AVOIDING = [ANY_VALUE, 'x', '0', '-'];

// LIMITATION: a witness field holds one value — conditions only a multi-valued field meets
// (`f = a AND f = b`) give no witness, and such a claim is counted unknown (`no-single-value`).
/**
 * The field's value. `variant` rotates each condition's list of values, so that successive
 * witnesses of one case try each of its alternatives first (`EventID in [4728, 632]`). A
 * `suggested` value (the common event the overlap finder found) is taken when it meets every
 * condition and avoids every avoided one.
 */
export function chooseValue(
  conditions: FieldCondition[],
  variant = 0,
  suggested?: Scalar,
): ValueChoice {
  const unmodelled = conditions.find((condition) => UNMODELLED_OPS.has(condition.op));
  if (unmodelled) {
    return unknown('not-modelled', `${unmodelled.op} ${String(unmodelled.values[0])}`);
  }
  if (suggested !== undefined && suggested !== null && fits(conditions, suggested)) {
    return { kind: 'value', value: suggested };
  }

  // `NOT f = null` asks for a value: read as `f exists`.
  const avoided = conditions.filter((c) => c.negated && !isNullEquality(c));
  const met = conditions
    .filter((c) => !c.negated || isNullEquality(c))
    .map((condition) => rotated(withoutContradicted(asMet(condition), avoided), variant));
  const emptied = met.find((c) => c.values.length === 0 && c.op !== 'exists');
  if (emptied) return { kind: 'empty', detail: describe(conditions) };
  if (met.length === 0) {
    if (avoided.every((condition) => !condition.missingIsUnknown)) return { kind: 'absent' };
    return firstFitting(AVOIDING, met, avoided) ?? noValue(conditions);
  }

  const nullOnly = met.filter((c) => c.op === 'eq' && c.values.every((v) => v === null));
  if (nullOnly.length > 0) {
    return nullOnly.length === met.length ? { kind: 'absent' } : noValue(conditions);
  }
  // Every condition left to meet needs a value, which `not f exists` forbids.
  if (avoided.some((c) => c.op === 'exists')) {
    return { kind: 'empty', detail: describe(conditions) };
  }

  for (const singles of combinations(met)) {
    const found = firstFitting(candidatesFor(singles), met, avoided);
    if (found) return found;
    if (singles.some((s) => s.op === 'regex') && regexCandidates(singles) === null) {
      return unknown('regex-not-simple', String(singles.find((s) => s.op === 'regex')?.values[0]));
    }
  }
  return noValue(conditions);
}

/** Whether the value meets every met condition and avoids every avoided one, surely. */
function fits(conditions: FieldCondition[], value: Scalar): boolean {
  return conditions.every((condition) => {
    const met = meets({ ...condition, negated: false }, value);
    return condition.negated ? met === false : met === true;
  });
}

function rotated(condition: FieldCondition, variant: number): FieldCondition {
  const { values } = condition;
  const start = values.length > 1 ? variant % values.length : 0;
  if (start === 0) return condition;
  return { ...condition, values: [...values.slice(start), ...values.slice(0, start)] };
}

function isNullEquality(condition: FieldCondition): boolean {
  return condition.op === 'eq' && condition.values.length === 1 && condition.values[0] === null;
}

function asMet(condition: FieldCondition): FieldCondition {
  if (!condition.negated) return condition;
  return { ...condition, op: 'exists', values: [], negated: false };
}

/**
 * Which met operators make a value hold every avoided condition of an operator when their own
 * value holds it: a value equal to, containing, starting or ending with `s` contains what `s`
 * contains; one starting with `s` starts with what `s` starts with, and so on.
 */
const CONTRADICTED_BY: Readonly<Record<string, ReadonlySet<Op>>> = {
  eq: new Set(['eq', 'contains', 'startswith', 'endswith', 'wildcard', 'regex', 'cidr', 'ne']),
  contains: new Set(['contains']),
  startswith: new Set(['contains', 'startswith']),
  endswith: new Set(['contains', 'endswith']),
};

/**
 * The met condition without the values no field value can take: those whose every extension
 * meets an avoided condition (`contains '%AppData%'` under `not contains 'AppData'`).
 */
function withoutContradicted(met: FieldCondition, avoided: FieldCondition[]): FieldCondition {
  const blocked = CONTRADICTED_BY[met.op];
  if (!blocked) return met;
  const values = met.values.filter((value) => {
    if (value === null) return true;
    return !avoided.some((condition) => {
      if (!blocked.has(condition.op)) return false;
      // A case-insensitive value may be spelled so that a case-sensitive condition misses it.
      if (condition.caseSensitive && !met.caseSensitive && !isCaseless(String(value))) return false;
      return meets({ ...condition, negated: false }, value) === true;
    });
  });
  return values.length === met.values.length ? met : { ...met, values };
}

function firstFitting(
  candidates: Scalar[],
  met: FieldCondition[],
  avoided: FieldCondition[],
): ValueChoice | null {
  for (const value of candidates) {
    if (!met.every((condition) => meets(condition, value) === true)) continue;
    if (!avoided.every((condition) => meets(condition, value) === false)) continue;
    return { kind: 'value', value };
  }
  return null;
}

/** Each met condition with one of its values, the first values first. */
function* combinations(met: FieldCondition[]): Generator<FieldCondition[]> {
  const choice = met.map(() => 0);
  for (let tried = 0; tried < COMBINATIONS_TRIED; tried++) {
    yield met.map((condition, i) => {
      if (condition.values.length <= 1) return condition;
      return { ...condition, values: [condition.values[choice[i]]] };
    });
    let position = met.length - 1;
    while (position >= 0 && choice[position] + 1 >= Math.max(1, met[position].values.length)) {
      choice[position] = 0;
      position--;
    }
    if (position < 0) return;
    choice[position]++;
  }
}

/** Values to try, from conditions holding one value each. */
function candidatesFor(singles: FieldCondition[]): Scalar[] {
  const equal = singles.find((condition) => condition.op === 'eq');
  if (equal) return [equal.values[0]];

  const candidates: Scalar[] = [];
  const number = numberInRanges(singles);
  if (number !== null) candidates.push(number);
  const address = addressInBlocks(singles);
  if (address !== null) candidates.push(address);
  const texts = textCandidates(singles);
  for (const text of texts) candidates.push(text);
  // A case-insensitive value that a case-sensitive avoided one spells the same way.
  for (const text of texts) candidates.push(text.toUpperCase(), text.toLowerCase());
  candidates.push(ANY_VALUE);
  return candidates;
}

function textCandidates(singles: FieldCondition[]): string[] {
  const texts = (op: string) =>
    singles.filter((c) => c.op === op).map((c) => String(c.values[0] ?? ''));
  const longest = (values: string[]) =>
    values.reduce((best, value) => (value.length > best.length ? value : best), '');

  const prefix = longest(texts('startswith'));
  const suffix = longest(texts('endswith'));
  const middle = [...texts('contains'), ...texts('wildcard').map(globInstance)];
  const regexes = regexCandidates(singles) ?? [];

  const built: string[] = [];
  for (const separator of ['', ' ']) {
    const body = [...middle];
    for (const instance of regexes.length > 0 ? regexes : ['']) {
      const inner = [...body, instance].filter((part) => part !== '').join(separator);
      built.push(overlapJoin(overlapJoin(prefix, inner), suffix));
      built.push([prefix, inner, suffix].filter((part) => part !== '').join(separator || 'x'));
    }
  }
  for (const instance of regexes) built.push(instance);
  // Fillers at either end, for avoided conditions on how the value starts or ends.
  for (const text of built.filter((part) => part !== '')) {
    built.push(`${text}x`, `x${text}`, `x${text}x`);
  }
  return [...new Set(built)].filter((text) => text !== '');
}

/** Instances of the regexes among the conditions, or null when one is not simple. */
function regexCandidates(singles: FieldCondition[]): string[] | null {
  const instances: string[] = [];
  for (const condition of singles.filter((c) => c.op === 'regex')) {
    const found = regexInstances(String(condition.values[0] ?? ''));
    if (found === null) return null;
    for (const instance of found) instances.push(instance);
  }
  return instances;
}

/** `a` then `b`, sharing the longest end of `a` that starts `b` (`C:\x\` + `\y` is `C:\x\y`). */
function overlapJoin(a: string, b: string): string {
  for (let shared = Math.min(a.length, b.length); shared > 0; shared--) {
    if (a.endsWith(b.slice(0, shared))) return a + b.slice(shared);
  }
  return a + b;
}

/** A string a glob matches: `*` as nothing, `?` as one letter, escapes resolved. */
function globInstance(pattern: string): string {
  let instance = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\' && i + 1 < pattern.length) instance += pattern[++i];
    else if (char === '?') instance += 'x';
    else if (char !== '*') instance += char;
  }
  return instance;
}

/** A number every range condition allows, or null when there are none or none fits. */
function numberInRanges(singles: FieldCondition[]): number | null {
  let low = -Infinity;
  let high = Infinity;
  let ranged = false;
  for (const condition of singles) {
    const bound = Number(condition.values[0]);
    if (!['lt', 'le', 'gt', 'ge'].includes(condition.op) || !Number.isFinite(bound)) continue;
    ranged = true;
    if (condition.op === 'gt') low = Math.max(low, Math.floor(bound) + 1);
    if (condition.op === 'ge') low = Math.max(low, Math.ceil(bound));
    if (condition.op === 'lt') high = Math.min(high, Math.ceil(bound) - 1);
    if (condition.op === 'le') high = Math.min(high, Math.floor(bound));
  }
  if (!ranged || low > high) return null;
  return Number.isFinite(low) ? low : Number.isFinite(high) ? high : 0;
}

/** An address inside the first CIDR block (its network address plus one). */
function addressInBlocks(singles: FieldCondition[]): string | null {
  const block = singles.find((condition) => condition.op === 'cidr');
  if (!block) return null;
  const [network, bits] = String(block.values[0]).split('/');
  const octets = network.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) {
    return ipv6Instance(network, Number(bits));
  }
  const value = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const host = Number(bits) < 32 ? value + 1 : value;
  return [24, 16, 8, 0].map((shift) => Math.floor(host / 2 ** shift) % 256).join('.');
}

/** An IPv6 block's network address with a last group of 1, when the block leaves it free. */
function ipv6Instance(network: string, bits: number): string | null {
  if (!network.includes(':') || !(bits <= 112)) return null;
  return network.endsWith('::') ? `${network}1` : null;
}

function noValue(conditions: FieldCondition[]): ValueChoice {
  return unknown('no-single-value', describe(conditions));
}

function describe(conditions: FieldCondition[]): string {
  const shown = conditions
    .map((c) => `${c.negated ? 'not ' : ''}${c.op} ${c.values.map(String).join('|')}`)
    .join(', ');
  return shown.slice(0, 200);
}

function unknown(reason: UnknownReason, detail: string): ValueChoice {
  return { kind: 'unknown', reason, detail };
}
