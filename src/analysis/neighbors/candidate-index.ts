// Finds the rules that may be broader than a given one without comparing all pairs.
//
// Each broader-eligible rule is filed under its *anchors*: a set of its literals such that
// every case of its condition contains one (the rarest literal of an AND, all branches of an
// OR). A narrower rule can only imply a broader one if one of its literals implies an anchor,
// so a narrower rule looks up everything its literals imply — its values, field presence, and
// the anchor texts its values contain, start or end with (text-anchors) — and gets the few
// rules filed under them. The implication check then decides.

import { foldCase, isCaseless, numericValue, valueKey } from '../../semantics/value-key.js';
import type { Formula } from '../implication/formula.js';
import { requiresPresence } from '../implication/literal-implication.js';
import type { Literal } from '../implication/literal.js';
import type { EventScope } from './event-scope.js';
import { TextAnchors, type TextOp } from './text-anchors.js';

const TEXT_OPS = new Set(['eq', 'contains', 'startswith', 'endswith']);

/** Which anchor operators a text literal of each operator can imply. */
const IMPLIED_TEXT_OPS: Readonly<Record<string, readonly string[]>> = {
  eq: ['eq', 'contains', 'startswith', 'endswith'],
  contains: ['contains'],
  startswith: ['startswith', 'contains'],
  endswith: ['endswith', 'contains'],
};

type Case = 's' | 'i';

/**
 * A key a broader rule is filed under. Anchors of `contains`, `startswith` and `endswith` also
 * name their group (field, operator, case) and text, to be found inside narrower values.
 */
interface AnchorKey {
  key: string;
  text?: { group: string; op: TextOp; value: string };
}

interface Anchors {
  literals: Literal[];
  cost: number;
}

export class CandidateIndex {
  private readonly byKey = new Map<string, EventScope[]>();
  private readonly texts = new Map<string, TextAnchors<EventScope>>();
  /** Per broader scope, the literal kinds every case of its condition has. */
  private readonly required = new Map<EventScope, string[]>();
  /**
   * What each literal reaches, found once: the event model's statements are the same literals
   * in every case naming the same events, and are looked up for each of those cases.
   */
  private readonly reached = new WeakMap<Literal, EventScope[]>();

  /** Files every scope that may be broader under its anchors; `scopes` also set key costs. */
  constructor(scopes: EventScope[]) {
    const keysOf = new AnchorKeys();
    const frequency = keyFrequency(scopes, keysOf);
    for (const scope of scopes) {
      if (scope.broaderBlock) continue;
      const anchors = anchorsOf(scope.condition, frequency, keysOf);
      if (!anchors) continue;
      const keys = new Map<string, AnchorKey>();
      for (const literal of anchors.literals) {
        for (const anchorKey of keysOf.of(literal)) keys.set(anchorKey.key, anchorKey);
      }
      for (const anchorKey of keys.values()) this.file(anchorKey, scope);
      this.required.set(scope, [...requiredKinds(scope.condition)]);
    }
  }

  /**
   * Scopes that may be broader than `narrower`: one of its cases reaches an anchor of theirs,
   * and every case of it has a literal of each kind their condition always requires.
   */
  candidatesFor(narrower: EventScope): EventScope[] {
    if (!narrower.cases) return [];
    const smallest = narrower.cases.reduce((a, b) => (b.length < a.length ? b : a));
    const found = new Set<EventScope>();
    for (const literal of smallest) {
      let reached = this.reached.get(literal);
      if (!reached) this.reached.set(literal, (reached = this.reachedBy(literal)));
      for (const scope of reached) found.add(scope);
    }
    found.delete(narrower);
    if (found.size === 0) return [];

    const kinds = commonKinds(narrower.cases);
    const candidates: EventScope[] = [];
    for (const scope of found) {
      if (this.required.get(scope)!.every((kind) => kinds.has(kind))) candidates.push(scope);
    }
    return candidates;
  }

  private file({ key, text }: AnchorKey, scope: EventScope): void {
    if (text) {
      let anchors = this.texts.get(text.group);
      if (!anchors) this.texts.set(text.group, (anchors = new TextAnchors(text.op)));
      anchors.add(text.value, scope);
      return;
    }
    const list = this.byKey.get(key);
    if (list) list.push(scope);
    else this.byKey.set(key, [scope]);
  }

  /** Scopes with an anchor this literal could imply; a multi-valued literal by its first value. */
  private reachedBy(literal: Literal): EventScope[] {
    const prefix = prefixOf(literal);
    if (literal.negated) return this.byKey.get(`${prefix}!`) ?? [];

    const keys: string[] = [];
    if (requiresPresence(literal)) keys.push(`${prefix}present`);
    const [value] = literal.values;
    if (literal.op !== 'exists') keys.push(sameKey(prefix, literal, value));
    const number = numericValue(value);
    if (literal.op === 'eq' && number !== null) keys.push(`${prefix}eq\u0000n\u0000${number}`);
    const found = keys.flatMap((key) => this.byKey.get(key) ?? []);
    if (!TEXT_OPS.has(literal.op) || typeof value !== 'string') return found;

    const cases: [Case, string][] = [['i', foldCase(value)]];
    if (literal.caseSensitive || isCaseless(value)) cases.push(['s', value]);
    for (const op of IMPLIED_TEXT_OPS[literal.op]) {
      for (const [letterCase, text] of cases) {
        const group = `${prefix}${op}\u0000${letterCase}\u0000`;
        const reached =
          op === 'eq' ? this.byKey.get(group + text) : this.texts.get(group)?.reachedBy(text);
        for (const scope of reached ?? []) found.push(scope);
      }
    }
    return found;
  }
}

/**
 * The anchor keys of each literal, built once: the index weighs every literal, then files the
 * chosen ones, and building the keys (strings over every value) was most of that work.
 */
class AnchorKeys {
  /** By literal alone: a literal's keys do not depend on the rule it is in. */
  private readonly byLiteral = new Map<Literal, AnchorKey[]>();

  of(literal: Literal): AnchorKey[] {
    let keys = this.byLiteral.get(literal);
    if (!keys) this.byLiteral.set(literal, (keys = anchorKeys(literal)));
    return keys;
  }
}

/** Keys a broader rule is filed under for one anchor literal: one per value. */
function anchorKeys(literal: Literal): AnchorKey[] {
  const prefix = prefixOf(literal);
  if (literal.negated) return [{ key: `${prefix}!` }];
  if (literal.op === 'exists' || ['lt', 'le', 'gt', 'ge'].includes(literal.op)) {
    return [{ key: `${prefix}present` }];
  }
  return literal.values.map((value) => {
    const number = numericValue(value);
    if (literal.op === 'eq' && number !== null) return { key: `${prefix}eq\u0000n\u0000${number}` };
    if (literal.verbatim || !TEXT_OPS.has(literal.op) || typeof value !== 'string') {
      return { key: sameKey(prefix, literal, value) };
    }
    const letterCase: Case = literal.caseSensitive ? 's' : 'i';
    const text = literal.caseSensitive ? value : foldCase(value);
    const group = `${prefix}${literal.op}\u0000${letterCase}\u0000`;
    if (literal.op === 'eq') return { key: group + text };
    return { key: group + text, text: { group, op: literal.op as TextOp, value: text } };
  });
}

/**
 * The kind of a literal: only a literal of the same kind (dialect group, field, negation) can
 * imply it, so a narrower case lacking a kind the broader condition always requires cannot.
 */
function kindOf(literal: Literal): string {
  let kind = kinds.get(literal);
  if (kind === undefined) {
    kind = `${dialectGroupOf(literal)}\u0000${literal.field}\u0000${literal.negated}`;
    kinds.set(literal, kind);
  }
  return kind;
}

/** Each literal's kind, made once: a literal sits in many cases and is asked for each. */
const kinds = new WeakMap<Literal, string>();

/** The kinds every case has. */
function commonKinds(cases: Literal[][]): Set<string> {
  const [first, ...rest] = cases;
  const common = new Set(first.map(kindOf));
  for (const conjunction of rest) {
    const present = new Set(conjunction.map(kindOf));
    for (const kind of common) if (!present.has(kind)) common.delete(kind);
  }
  return common;
}

/**
 * Literals that may imply each other share a group: shared literals of every dialect and source
 * one, the others their dialect's (see `dialectsCompare`). Within one dialect a shared and an
 * unshared literal never imply each other: their operators or field types differ.
 */
function dialectGroupOf(literal: Literal): string {
  return literal.shared ? 'shared' : literal.dialect;
}

/** Kinds of literal every case of the formula has: all of an AND's parts, common to an OR's. */
function requiredKinds(formula: Formula): Set<string> {
  switch (formula.kind) {
    case 'literal':
      return new Set([kindOf(formula.literal)]);
    case 'unknown':
      return new Set();
    case 'and':
      return new Set(formula.args.flatMap((arg) => [...requiredKinds(arg)]));
    case 'or': {
      const [first, ...rest] = formula.args.map(requiredKinds);
      if (!first) return new Set();
      const common = (a: Set<string>, b: Set<string>) => new Set([...a].filter((k) => b.has(k)));
      return rest.reduce(common, first);
    }
  }
}

function prefixOf(literal: Literal): string {
  let prefix = prefixes.get(literal);
  if (prefix === undefined) {
    prefix = `${dialectGroupOf(literal)}\u0000${literal.field}\u0000`;
    prefixes.set(literal, prefix);
  }
  return prefix;
}

/** Each literal's prefix, made once: it is asked for when weighing, filing and looking up. */
const prefixes = new WeakMap<Literal, string>();

/** Key of a literal that only implies itself (wildcards, regexes, `ne`…). */
function sameKey(prefix: string, literal: Literal, value: Literal['values'][number]): string {
  const { op, caseSensitive, flags } = literal;
  const normalized = valueKey(value, op, caseSensitive);
  return `${prefix}same\u0000${op}\u0000${caseSensitive}\u0000${flags}\u0000${normalized}`;
}

/**
 * The anchors of a condition: a literal's own; for AND the cheapest part's; for OR every
 * branch's. Null when some case has no literal (the condition is always true there).
 */
function anchorsOf(
  formula: Formula,
  frequency: Map<string, number>,
  keysOf: AnchorKeys,
): Anchors | null {
  switch (formula.kind) {
    case 'unknown':
      return null;
    case 'literal': {
      const keys = keysOf.of(formula.literal);
      const cost = keys.reduce((sum, { key }) => sum + (frequency.get(key) ?? 0) + 1, 0);
      return { literals: [formula.literal], cost };
    }
    case 'and': {
      let best: Anchors | null = null;
      for (const arg of formula.args) {
        const anchors = anchorsOf(arg, frequency, keysOf);
        if (anchors && (!best || anchors.cost < best.cost)) best = anchors;
      }
      return best;
    }
    case 'or': {
      const union: Anchors = { literals: [], cost: 0 };
      for (const arg of formula.args) {
        const anchors = anchorsOf(arg, frequency, keysOf);
        if (!anchors) return null;
        for (const literal of anchors.literals) union.literals.push(literal);
        union.cost += anchors.cost;
      }
      return union;
    }
  }
}

/** How many scopes use each anchor key: rare keys make selective anchors. */
function keyFrequency(scopes: EventScope[], keysOf: AnchorKeys): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const scope of scopes) {
    const keys = new Set<string>();
    for (const literal of literalsOf(scope.condition)) {
      for (const { key } of keysOf.of(literal)) keys.add(key);
      const presence = presenceKeyOf(literal);
      if (presence !== null) keys.add(presence);
    }
    for (const key of keys) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  }
  return frequency;
}

/** The key of the field's presence (or of its negation) a literal also counts under, if any. */
function presenceKeyOf(literal: Literal): string | null {
  let key = presenceKeys.get(literal);
  if (key === undefined) {
    const prefix = prefixOf(literal);
    if (literal.negated) key = `${prefix}!`;
    else key = requiresPresence(literal) ? `${prefix}present` : null;
    presenceKeys.set(literal, key);
  }
  return key;
}

const presenceKeys = new WeakMap<Literal, string | null>();

function literalsOf(formula: Formula): Literal[] {
  if (formula.kind === 'literal') return [formula.literal];
  if (formula.kind === 'unknown') return [];
  return formula.args.flatMap(literalsOf);
}
