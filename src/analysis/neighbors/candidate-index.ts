// Finds the rules that may be broader than a given one without comparing all pairs.
//
// Each broader-eligible rule is filed under its *anchors*: a set of its literals such that
// every case of its condition contains one (the rarest literal of an AND, all branches of an
// OR). A narrower rule can only imply a broader one if one of its literals implies an anchor,
// so a narrower rule looks up the keys of everything its literals imply — its values, their
// prefixes, suffixes and substrings of the lengths anchors use, field presence — and gets the
// few rules filed under them. The implication check then decides.

import { foldCase, isCaseless, numericValue, valueKey } from '../../semantics/value-key.js';
import type { Formula } from '../implication/formula.js';
import { requiresPresence } from '../implication/literal-implication.js';
import type { Literal } from '../implication/literal.js';
import type { EventScope } from './event-scope.js';

const TEXT_OPS = new Set(['eq', 'contains', 'startswith', 'endswith']);

/** Which anchor operators a text literal of each operator can imply. */
const IMPLIED_TEXT_OPS: Readonly<Record<string, readonly string[]>> = {
  eq: ['eq', 'contains', 'startswith', 'endswith'],
  contains: ['contains'],
  startswith: ['startswith', 'contains'],
  endswith: ['endswith', 'contains'],
};

type Case = 's' | 'i';

interface Anchors {
  literals: Literal[];
  cost: number;
}

export class CandidateIndex {
  private readonly byKey = new Map<string, EventScope[]>();
  /** Lengths of anchor texts per (field prefix, operator, case): the substrings worth trying. */
  private readonly lengths = new Map<string, number[]>();

  /** Files every scope that may be broader under its anchors; `scopes` also set key costs. */
  constructor(scopes: EventScope[]) {
    const frequency = keyFrequency(scopes);
    for (const scope of scopes) {
      if (scope.broaderBlock) continue;
      const anchors = anchorsOf(scope, scope.condition, frequency);
      if (!anchors) continue;
      const keys = new Map<string, AnchorKey>();
      for (const literal of anchors.literals) {
        for (const anchorKey of anchorKeys(scope, literal)) keys.set(anchorKey.key, anchorKey);
      }
      for (const anchorKey of keys.values()) this.file(anchorKey, scope);
    }
  }

  /** Scopes that may be broader than `narrower`: those one of its cases reaches an anchor of. */
  candidatesFor(narrower: EventScope): EventScope[] {
    if (!narrower.cases) return [];
    const smallest = narrower.cases.reduce((a, b) => (b.length < a.length ? b : a));
    const found = new Set<EventScope>();
    for (const literal of smallest) {
      for (const key of this.reachedKeys(narrower, literal)) {
        for (const scope of this.byKey.get(key) ?? []) found.add(scope);
      }
    }
    found.delete(narrower);
    return [...found];
  }

  private file({ key, textGroup, textLength }: AnchorKey, scope: EventScope): void {
    const list = this.byKey.get(key);
    if (list) list.push(scope);
    else this.byKey.set(key, [scope]);

    if (textGroup === undefined || textLength === undefined) return;
    const lengths = this.lengths.get(textGroup) ?? [];
    if (!lengths.includes(textLength)) lengths.push(textLength);
    this.lengths.set(textGroup, lengths);
  }

  /** Keys of every anchor this literal could imply; a multi-valued literal by its first value. */
  private reachedKeys(scope: EventScope, literal: Literal): string[] {
    const prefix = prefixOf(scope, literal);
    if (literal.negated) return [`${prefix}!`];

    const keys: string[] = [];
    if (requiresPresence(literal)) keys.push(`${prefix}present`);
    if (literal.op === 'exists') return keys;
    const [value] = literal.values;
    keys.push(sameKey(prefix, literal, value));

    const number = numericValue(value);
    if (literal.op === 'eq' && number !== null) keys.push(`${prefix}eq\u0000n\u0000${number}`);
    if (!TEXT_OPS.has(literal.op) || typeof value !== 'string') return keys;

    const cases: [Case, string][] = [['i', foldCase(value)]];
    if (literal.caseSensitive || isCaseless(value)) cases.push(['s', value]);
    for (const op of IMPLIED_TEXT_OPS[literal.op]) {
      for (const [letterCase, text] of cases) {
        const group = `${prefix}${op}\u0000${letterCase}\u0000`;
        for (const part of this.partsOf(text, op, group)) keys.push(group + part);
      }
    }
    return keys;
  }

  /** The parts of `text` an anchor of `op` could be: itself, prefixes, suffixes, substrings. */
  private partsOf(text: string, op: string, group: string): string[] {
    if (op === 'eq') return [text];
    const parts: string[] = [];
    for (const length of this.lengths.get(group) ?? []) {
      if (length > text.length) continue;
      if (op === 'startswith') parts.push(text.slice(0, length));
      else if (op === 'endswith') parts.push(text.slice(text.length - length));
      else for (let i = 0; i + length <= text.length; i++) parts.push(text.slice(i, i + length));
    }
    return parts;
  }
}

/** A key a broader rule is filed under; substring-family keys also say their text's length. */
interface AnchorKey {
  key: string;
  textGroup?: string;
  textLength?: number;
}

/** Keys a broader rule is filed under for one anchor literal: one per value. */
function anchorKeys(scope: EventScope, literal: Literal): AnchorKey[] {
  const prefix = prefixOf(scope, literal);
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
    const textGroup = `${prefix}${literal.op}\u0000${letterCase}\u0000`;
    return { key: textGroup + text, textGroup, textLength: text.length };
  });
}

function prefixOf(scope: EventScope, literal: Literal): string {
  return `${scope.vocabulary}\u0000${literal.dialect}\u0000${literal.field}\u0000`;
}

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
  scope: EventScope,
  formula: Formula,
  frequency: Map<string, number>,
): Anchors | null {
  switch (formula.kind) {
    case 'unknown':
      return null;
    case 'literal': {
      const keys = anchorKeys(scope, formula.literal);
      const cost = keys.reduce((sum, { key }) => sum + (frequency.get(key) ?? 0) + 1, 0);
      return { literals: [formula.literal], cost };
    }
    case 'and': {
      let best: Anchors | null = null;
      for (const arg of formula.args) {
        const anchors = anchorsOf(scope, arg, frequency);
        if (anchors && (!best || anchors.cost < best.cost)) best = anchors;
      }
      return best;
    }
    case 'or': {
      const union: Anchors = { literals: [], cost: 0 };
      for (const arg of formula.args) {
        const anchors = anchorsOf(scope, arg, frequency);
        if (!anchors) return null;
        union.literals.push(...anchors.literals);
        union.cost += anchors.cost;
      }
      return union;
    }
  }
}

/** How many scopes use each anchor key: rare keys make selective anchors. */
function keyFrequency(scopes: EventScope[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const scope of scopes) {
    const keys = new Set<string>();
    for (const literal of literalsOf(scope.condition)) {
      for (const { key } of anchorKeys(scope, literal)) keys.add(key);
      const prefix = prefixOf(scope, literal);
      if (literal.negated) keys.add(`${prefix}!`);
      else if (requiresPresence(literal)) keys.add(`${prefix}present`);
    }
    for (const key of keys) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  }
  return frequency;
}

function literalsOf(formula: Formula): Literal[] {
  if (formula.kind === 'literal') return [formula.literal];
  if (formula.kind === 'unknown') return [];
  return formula.args.flatMap(literalsOf);
}
