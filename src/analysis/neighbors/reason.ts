// The sentence shown with a neighbor: which conditions imply which, and why stages agree.

import type { Rule, Scalar } from '../../ir/index.js';
import type { Formula } from '../implication/formula.js';
import type { ConditionMapping } from '../implication/implies.js';
import {
  LITERAL_COMPARISONS,
  literalImplies,
  type ComparisonBudget,
} from '../implication/literal-implication.js';
import { MODEL_DIALECT } from '../implication/event-identity.js';
import type { Literal } from '../implication/literal.js';
import { isLogSourceConstraint } from '../indicators.js';
import { eventScopeOf } from './event-scope.js';
import type { Containment } from './stage-containment.js';

/** Conditions named in a reason before the rest are only counted. */
const CONDITIONS_SHOWN = 6;
/** Times a condition already named may be named again (in another branch); past it, `…`. */
const REPEATS_SHOWN = 2 * CONDITIONS_SHOWN;
const VALUES_SHOWN = 3;
/** Characters of a field name or value shown; a longer one is cut with `…`. */
const TEXT_SHOWN = 80;

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
  narrower: Rule;
  /**
   * The narrower rule's cases when the caller modelled its scope already (null past the case
   * bound); left out, they are modelled here.
   */
  narrowerCases?: Literal[][] | null;
}

/**
 * Each narrower rule's cases as the texts of their conditions, found once per rule: a claim
 * keeps which literals the narrower rule added, not which of its cases holds each.
 */
/** What the reason says of the model's statements instead of naming each one. */
const MODEL_STATEMENTS = "besides what the event model says of where its events are logged";

const caseTexts = new WeakMap<Rule, string[][] | null>();

function caseTextsOf(rule: Rule, known: Literal[][] | null | undefined): string[][] | null {
  let texts = caseTexts.get(rule);
  if (texts === undefined) {
    const cases = known === undefined ? modelledCases(rule) : known;
    texts = cases?.map((conjunction) => conjunction.map(describe)) ?? null;
    caseTexts.set(rule, texts);
  }
  return texts;
}

function modelledCases(rule: Rule): Literal[][] | null {
  const result = eventScopeOf(rule);
  return 'scope' in result ? result.scope.cases : null;
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
  const extra = addedConditions(parts.added, parts.narrower, parts.narrowerCases);
  const stages = describeContainment(parts.containment, 'broader');
  const reason =
    `every event it matches satisfies this rule's ${conditions}; it ${extra}; ${stages}`;
  return parts.equivalent ? `equivalent — ${reason}` : reason;
}

/** A literal as a detection engineer reads it: `CommandLine contains 'x'`. */
export function describe(literal: Literal): string {
  const field = shortened(literal.predicates[0]?.field ?? literal.field);
  const op = OP_WORDS[literal.op] ?? literal.op;
  const values = literal.op === 'exists' ? '' : ` ${valuesOf(literal)}`;
  const text = `${field} ${op}${values}`;
  return literal.negated ? `NOT (${text})` : text;
}

/**
 * The narrower rule's own conditions, as its cases have them: those of every case joined by
 * AND, then each case's others. A condition of one case alone must not read as required of
 * every event. Conditions written the same way are named once per group.
 */
function addedConditions(
  added: Literal[],
  narrower: Rule,
  narrowerCases: Literal[][] | null | undefined,
): string {
  const written = added.filter((literal) => literal.dialect !== MODEL_DIALECT);
  const modelled = written.length < added.length ? `, ${MODEL_STATEMENTS}` : '';
  // The rule's own conditions first, its log-source constraints after them.
  const ordered = [
    ...written.filter((literal) => !isLogSource(literalFormula(literal), narrower)),
    ...written.filter((literal) => isLogSource(literalFormula(literal), narrower)),
  ];
  const texts = [...new Set(ordered.map(describe))];
  if (texts.length === 0) return `adds no condition of its own${modelled}`;
  return `${ownConditions(texts, caseTextsOf(narrower, narrowerCases))}${modelled}`;
}

/** Conditions of the narrower rule (texts, ordered), grouped as its cases have them. */
function ownConditions(texts: string[], cases: string[][] | null): string {
  // LIMITATION: past the case bound the cases are not known — the reason lists the added
  // conditions apart, without saying which case has which.
  if (!cases) return `adds, in one or more of its cases, ${listedApart(texts, CONDITIONS_SHOWN)}`;
  const byCase = cases.map((conjunction) => {
    const present = new Set(conjunction);
    return texts.filter((text) => present.has(text));
  });
  const common = texts.filter((text) => byCase.every((c) => c.includes(text)));
  const perCase = [
    ...new Set(
      byCase
        .map((c) => c.filter((text) => !common.includes(text)))
        .filter((c) => c.length > 0)
        .map((c) => listed(c, CONDITIONS_SHOWN)),
    ),
  ];
  const groups: string[] = [];
  if (common.length > 0) groups.push(listed(common, CONDITIONS_SHOWN));
  if (perCase.length > 0) groups.push(caseByCase(perCase));
  return `adds ${groups.join(', and ')}`;
}

function literalFormula(literal: Literal): Formula {
  return { kind: 'literal', literal };
}

/** Texts of alternative cases: the first two named, the rest counted. */
function caseByCase(texts: string[]): string {
  if (texts.length === 1) return `${texts[0]} in some of its cases`;
  const [first, second] = texts;
  const more = texts.length - 2;
  const rest = more > 0 ? `, and ${more} more ${more === 1 ? 'case' : 'cases'}` : '';
  return `${first} in one of its cases, ${second} in another${rest}`;
}


/** The first `shown` texts joined by AND, and how many more there are. */
function listed(texts: string[], shown: number): string {
  const named = texts.slice(0, shown).join(' AND ');
  const hidden = texts.length - shown;
  return hidden > 0 ? `${named} and ${hidden} more` : named;
}

/** The first `shown` texts apart (not claimed to hold together), and how many more there are. */
function listedApart(texts: string[], shown: number): string {
  const named = texts.slice(0, shown).join('; ');
  const hidden = texts.length - shown;
  return hidden > 0 ? `${named}; and ${hidden} more` : named;
}

interface Rendering {
  rule: Rule;
  impliers: Map<Literal, Literal[]>;
  narrowerName: string;
  /** Literals still to be named; the rest are counted in `hidden`. */
  budget: number;
  hidden: number;
  /** Each condition's rendering by its description, so that a repeated one is named once. */
  named: Map<string, string | null>;
  /** Repeats of named conditions still to be shown. */
  repeats: number;
  /** Shared by every comparison of the reason. */
  comparisons: ComparisonBudget;
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
    named: new Map(),
    repeats: REPEATS_SHOWN,
    comparisons: { comparisons: LITERAL_COMPARISONS },
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
      const rendered = ordered.map((arg) => render(arg, rendering)).filter((p) => p !== null);
      const parts = [...new Set(rendered)];
      if (parts.length === 0) return null;
      return top || parts.length === 1 ? parts.join(' AND ') : `(${parts.join(' AND ')})`;
    }
    case 'or': {
      const parts = formula.args.map((arg) => render(arg, rendering));
      const shown = [...new Set(parts.filter((p) => p !== null))];
      if (shown.length === 0) return null;
      if (shown.length < parts.length) shown.push('…');
      return shown.length === 1 ? shown[0] : `(${shown.join(' OR ')})`;
    }
  }
}

/** A condition the proof used, named once however often the rule repeats it. */
function renderLiteral(literal: Literal, rendering: Rendering): string | null {
  const impliers = rendering.impliers.get(literal);
  if (!impliers) return null;
  const text = describe(literal);
  const named = rendering.named.get(text);
  if (named === null) return null;
  if (named !== undefined) return rendering.repeats-- > 0 ? named : null;
  if (rendering.budget <= 0) {
    rendering.hidden++;
    rendering.named.set(text, null);
    return null;
  }
  rendering.budget--;

  const different = impliers
    .filter((by) => !isSameCondition(by, literal, rendering.comparisons))
    .map(describe);
  // One case proves a condition with one literal: several impliers come from different cases.
  const unique = [...new Set(different)];
  const shown =
    unique.length === 0
      ? text
      : `${text} (${rendering.narrowerName}: ${alternatives(unique, impliers.length)})`;
  rendering.named.set(text, shown);
  return shown;
}

/**
 * The narrower literals implying one condition. Each comes from another case, so they are
 * alternatives; `proofs` counts those restating the condition too.
 */
function alternatives(texts: string[], proofs: number): string {
  if (proofs === 1) return texts[0];
  return caseByCase(texts);
}

function isSameCondition(a: Literal, b: Literal, budget: ComparisonBudget): boolean {
  return literalImplies(a, b, budget) && literalImplies(b, a, budget);
}

/** Whether every condition of the formula is a log-source constraint (a Sigma taxonomy OR too). */
function isLogSource(formula: Formula, rule: Rule): boolean {
  switch (formula.kind) {
    case 'literal': {
      const [predicate] = formula.literal.predicates;
      return predicate !== undefined && isLogSourceConstraint(predicate, rule);
    }
    case 'and':
    case 'or':
      return formula.args.every((arg) => isLogSource(arg, rule));
    case 'unknown':
      return false;
  }
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
  return typeof value === 'string' ? `'${shortened(value)}'` : shortened(String(value));
}

function shortened(text: string): string {
  return text.length > TEXT_SHOWN ? `${text.slice(0, TEXT_SHOWN)}…` : text;
}
