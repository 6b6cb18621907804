// The sentence shown with a neighbor: which conditions imply which, and why stages agree.

import type { Rule, Scalar } from '../../ir/index.js';
import type { Formula } from '../implication/formula.js';
import type { ConditionMapping } from '../implication/implies.js';
import { literalImplies } from '../implication/literal-implication.js';
import type { Literal } from '../implication/literal.js';
import { isLogSourceConstraint } from '../indicators.js';
import type { Containment } from './stage-containment.js';

/** Conditions named in a reason before the rest are only counted. */
const CONDITIONS_SHOWN = 6;
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
  /** The broader rule and its condition, which the mapping proves from the narrower rule's. */
  broader: Rule;
  condition: Formula;
  mapping: ConditionMapping[];
  /** The narrower rule's literals no condition of the broader rule needed. */
  added: Literal[];
  containment: Containment;
  equivalent: boolean;
}

/** Shown on the narrower rule's page, about the broader rule. */
export function broaderReason(parts: ReasonParts): string {
  const conditions = conditionsOf(parts, 'this rule');
  const stages = describeContainment(parts.containment, 'narrower');
  const reason = `requires only ${conditions}, which every event of this rule satisfies; ${stages}`;
  return parts.equivalent ? `equivalent — ${reason}` : reason;
}

/** Shown on the broader rule's page, about the narrower rule. */
export function narrowerReason(parts: ReasonParts): string {
  const conditions = conditionsOf(parts, 'it');
  const extra = addedConditions(parts.added);
  const stages = describeContainment(parts.containment, 'broader');
  const reason =
    `every event it matches satisfies this rule's ${conditions}; it ${extra}; ${stages}`;
  return parts.equivalent ? `equivalent — ${reason}` : reason;
}

/** A literal as a detection engineer reads it: `CommandLine contains 'x'`. */
export function describe(literal: Literal): string {
  const field = literal.predicates[0]?.field ?? literal.field;
  const op = OP_WORDS[literal.op] ?? literal.op;
  const values = literal.op === 'exists' ? '' : ` ${valuesOf(literal)}`;
  const text = `${field} ${op}${values}`;
  return literal.negated ? `NOT (${text})` : text;
}

function addedConditions(added: Literal[]): string {
  if (added.length === 0) return 'adds no condition of its own';
  const shown = added.slice(0, CONDITIONS_SHOWN).map(describe).join(' AND ');
  const hidden = added.length - CONDITIONS_SHOWN;
  return hidden > 0 ? `adds ${shown} and ${hidden} more` : `adds ${shown}`;
}

interface Rendering {
  rule: Rule;
  impliers: Map<Literal, Literal[]>;
  narrowerName: string;
  /** Literals still to be named; the rest are counted in `hidden`. */
  budget: number;
  hidden: number;
}

/**
 * The broader rule's condition as far as the proof used it: AND and OR as written, OR branches
 * the narrower rule never reaches shown as `…`, log-source constraints after the others, and
 * each literal followed by the narrower literal implying it when that one says something else.
 */
function conditionsOf(parts: ReasonParts, narrowerName: string): string {
  const impliers = new Map<Literal, Literal[]>();
  for (const { condition, impliedBy } of parts.mapping) {
    const list = impliers.get(condition) ?? [];
    if (!list.includes(impliedBy)) list.push(impliedBy);
    impliers.set(condition, list);
  }
  const rendering: Rendering = {
    rule: parts.broader,
    impliers,
    narrowerName,
    budget: CONDITIONS_SHOWN,
    hidden: 0,
  };
  const text = render(parts.condition, rendering, true) ?? '';
  return rendering.hidden > 0 ? `${text} and ${rendering.hidden} more` : text;
}

function render(formula: Formula, rendering: Rendering, top = false): string | null {
  switch (formula.kind) {
    case 'unknown':
      return null;
    case 'literal':
      return renderLiteral(formula.literal, rendering);
    case 'and': {
      const ordered = [
        ...formula.args.filter((arg) => !isLogSource(arg, rendering.rule)),
        ...formula.args.filter((arg) => isLogSource(arg, rendering.rule)),
      ];
      const parts = ordered.map((arg) => render(arg, rendering)).filter((p) => p !== null);
      if (parts.length === 0) return null;
      return top || parts.length === 1 ? parts.join(' AND ') : `(${parts.join(' AND ')})`;
    }
    case 'or': {
      const parts = formula.args.map((arg) => render(arg, rendering));
      const shown = parts.filter((p) => p !== null);
      if (shown.length === 0) return null;
      if (shown.length < parts.length) shown.push('…');
      return shown.length === 1 ? shown[0] : `(${shown.join(' OR ')})`;
    }
  }
}

function renderLiteral(literal: Literal, rendering: Rendering): string | null {
  const impliers = rendering.impliers.get(literal);
  if (!impliers) return null;
  if (rendering.budget <= 0) {
    rendering.hidden++;
    return null;
  }
  rendering.budget--;

  const text = describe(literal);
  const different = impliers.filter((by) => !isSameCondition(by, literal)).map(describe);
  return different.length === 0
    ? text
    : `${text} (${rendering.narrowerName}: ${different.join(' AND ')})`;
}

function isSameCondition(a: Literal, b: Literal): boolean {
  return literalImplies(a, b) && literalImplies(b, a);
}

function isLogSource(formula: Formula, rule: Rule): boolean {
  if (formula.kind !== 'literal') return false;
  const [predicate] = formula.literal.predicates;
  return predicate !== undefined && isLogSourceConstraint(predicate, rule);
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
