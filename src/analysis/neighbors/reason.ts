// The sentence shown with a neighbor: which conditions imply which, and why stages agree.

import type { Scalar } from '../../ir/index.js';
import type { ConditionMapping } from '../implication/implies.js';
import type { Literal } from '../implication/literal.js';
import type { Containment } from './stage-containment.js';

/** Conditions named in a reason before the rest are only counted. */
const CONDITIONS_SHOWN = 4;
const VALUES_SHOWN = 3;

const OP_WORDS: Record<string, string> = {
  eq: '=',
  ne: '!=',
  contains: 'contains',
  startswith: 'starts with',
  endswith: 'ends with',
  wildcard: 'matches',
  regex: 'matches regex',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
  cidr: 'in CIDR',
  exists: 'exists',
  fieldref: '= field',
  placeholder: '= placeholder',
};

export interface ReasonParts {
  mapping: ConditionMapping[];
  /** The narrower rule's literals no condition of the broader rule needed. */
  added: Literal[];
  containment: Containment;
  equivalent: boolean;
}

/** Shown on the narrower rule's page, about the broader rule. */
export function broaderReason({ mapping, containment, equivalent }: ReasonParts): string {
  const conditions = conditionsOf(mapping, 'this rule');
  const stages = describeContainment(containment, 'narrower');
  const reason = `requires only ${conditions}, which every event of this rule satisfies; ${stages}`;
  return equivalent ? `equivalent — ${reason}` : reason;
}

/** Shown on the broader rule's page, about the narrower rule. */
export function narrowerReason({ mapping, added, containment, equivalent }: ReasonParts): string {
  const conditions = conditionsOf(mapping, 'it');
  const extra =
    added.length === 0 ? 'adds no condition of its own' : `adds ${listOf(added.map(describe))}`;
  const stages = describeContainment(containment, 'broader');
  const reason =
    `every event it matches satisfies this rule's ${conditions}; it ${extra}; ${stages}`;
  return equivalent ? `equivalent — ${reason}` : reason;
}

/** A literal as a detection engineer reads it: `CommandLine contains 'x'`. */
export function describe(literal: Literal): string {
  const field = literal.predicates[0]?.field ?? literal.field;
  const op = OP_WORDS[literal.op] ?? literal.op;
  const values = literal.op === 'exists' ? '' : ` ${valuesOf(literal)}`;
  const text = `${field} ${op}${values}`;
  return literal.negated ? `NOT (${text})` : text;
}

/** The broader rule's conditions, each with the narrower literal implying it when different. */
function conditionsOf(mapping: ConditionMapping[], narrowerName: string): string {
  const impliers = new Map<Literal, Set<string>>();
  for (const { condition, impliedBy } of mapping) {
    const set = impliers.get(condition) ?? new Set<string>();
    set.add(describe(impliedBy));
    impliers.set(condition, set);
  }
  const parts = [...impliers].map(([condition, by]) => {
    const text = describe(condition);
    const other = [...by].filter((b) => b !== text);
    return other.length === 0 ? text : `${text} (${narrowerName}: ${listOf(other)})`;
  });
  return listOf(parts);
}

/** The broader rule's later stages, named from the page the reason is shown on. */
function describeContainment(containment: Containment, page: 'narrower' | 'broader'): string {
  const broader = page === 'narrower' ? 'it' : 'this rule';
  if (containment.kind === 'no-aggregation') return `${broader} adds no aggregation or threshold`;

  const command = `${page === 'narrower' ? 'its' : "this rule's"} ${containment.command}`;
  if (containment.groupBy.length === 0) return `${command} keeps every event`;
  const events = page === 'narrower' ? 'every event of this rule' : 'every event it keeps';
  return `${command} groups by ${containment.groupBy.join(', ')}, present in ${events}`;
}

function valuesOf(literal: Literal): string {
  const shown = literal.values.slice(0, VALUES_SHOWN).map(quote).join(', ');
  const more = literal.values.length - VALUES_SHOWN;
  if (literal.values.length === 1) return shown;
  return more > 0 ? `one of ${shown} (+${more} more)` : `one of ${shown}`;
}

function quote(value: Scalar): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

function listOf(parts: string[]): string {
  const more = parts.length - CONDITIONS_SHOWN;
  const shown = parts.slice(0, CONDITIONS_SHOWN).join('; ');
  return more > 0 ? `${shown}; and ${more} more` : shown;
}
