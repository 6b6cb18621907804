// Implication between conditions: each case of the narrower one must imply the broader one.

import type { Formula } from './formula.js';
import { literalImplies, type ComparisonBudget } from './literal-implication.js';
import type { Literal } from './literal.js';

/** One of the broader condition's literals and the narrower literal that implies it. */
export interface ConditionMapping {
  condition: Literal;
  impliedBy: Literal;
}

/**
 * How many implication steps one comparison may take; past it the answer is unknown, so
 * a pathological pair costs a bounded time and is never claimed.
 */
export const IMPLICATION_STEPS = 20_000;

/**
 * How many literal, value and anchor comparisons one comparison may make, likewise: two lists
 * of 100,000 values would otherwise be compared pair by pair.
 */
// LIMITATION: pairs needing more comparisons (huge value lists with little in common) are not
// listed as neighbors.
export const IMPLICATION_COMPARISONS = 2_000_000;

/**
 * Whether every event satisfying one of `cases` (a condition in disjunctive normal form)
 * satisfies `formula`. Returns how each literal of `formula` used in the proof is implied, or
 * null when implication is not shown — false or unknown; nothing is claimed either way.
 */
export function casesImply(cases: Literal[][], formula: Formula): ConditionMapping[] | null {
  const budget = { steps: IMPLICATION_STEPS, comparisons: IMPLICATION_COMPARISONS };
  const mapping: ConditionMapping[] = [];
  for (const conjunction of cases) {
    const shown = conjunctionImplies(conjunction, formula, budget);
    if (!shown) return null;
    for (const step of shown) mapping.push(step);
  }
  return mapping;
}

interface Budget extends ComparisonBudget {
  steps: number;
}

/**
 * Whether a conjunction of literals implies a formula. AND needs every part, a literal needs
 * one literal implying it, an unknown part is never implied. For OR one branch must be implied
 * as a whole; failing that, a literal with several values is split into one case per value
 * (`f in [a, b]` implies `f=a OR f=b` case by case).
 */
function conjunctionImplies(
  conjunction: Literal[],
  formula: Formula,
  budget: Budget,
): ConditionMapping[] | null {
  if (--budget.steps < 0) return null;
  switch (formula.kind) {
    case 'unknown':
      return null;
    case 'literal': {
      for (const impliedBy of conjunction) {
        if (budget.comparisons < 0) return null;
        if (literalImplies(impliedBy, formula.literal, budget)) {
          return [{ condition: formula.literal, impliedBy }];
        }
      }
      return null;
    }
    case 'and': {
      const mapping: ConditionMapping[] = [];
      for (const arg of formula.args) {
        const shown = conjunctionImplies(conjunction, arg, budget);
        if (!shown) return null;
        for (const step of shown) mapping.push(step);
      }
      return mapping;
    }
    case 'or':
      for (const arg of formula.args) {
        const shown = conjunctionImplies(conjunction, arg, budget);
        if (shown) return shown;
      }
      return casesBySplitValue(conjunction, formula, budget);
  }
}

/**
 * Splits the first positive literal with several values on a field the formula speaks of,
 * and proves each value's case.
 */
function casesBySplitValue(
  conjunction: Literal[],
  formula: Formula,
  budget: Budget,
): ConditionMapping[] | null {
  const fields = fieldsOf(formula);
  const index = conjunction.findIndex(
    (literal) => !literal.negated && literal.values.length > 1 && fields.has(literal.field),
  );
  if (index < 0) return null;

  const split = conjunction[index];
  const mapping: ConditionMapping[] = [];
  for (const value of split.values) {
    const single = { ...split, values: [value] };
    const narrowed = conjunction.map((literal, i) => (i === index ? single : literal));
    const shown = conjunctionImplies(narrowed, formula, budget);
    if (!shown) return null;
    // The proof speaks of the literal as the rule wrote it, not of the one-value case.
    for (const step of shown) {
      mapping.push(step.impliedBy === single ? { ...step, impliedBy: split } : step);
    }
  }
  return mapping;
}

/** Each formula's fields, found once: a proof may split values against one OR many times. */
const formulaFields = new WeakMap<Formula, Set<string>>();

function fieldsOf(formula: Formula): Set<string> {
  let fields = formulaFields.get(formula);
  if (!fields) {
    fields = new Set();
    collectFields(formula, fields);
    formulaFields.set(formula, fields);
  }
  return fields;
}

function collectFields(formula: Formula, fields: Set<string>): void {
  if (formula.kind === 'literal') fields.add(formula.literal.field);
  if (formula.kind === 'and' || formula.kind === 'or') {
    for (const arg of formula.args) collectFields(arg, fields);
  }
}
