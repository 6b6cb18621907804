// Bounded disjunctive normal form: the cases of a formula, each a conjunction of literals.

import type { Formula } from './formula.js';
import type { Literal } from './literal.js';

/**
 * The cases (disjuncts) of a formula, or null when there would be more than `bound` of them,
 * the formula has an unknown part, or it has no case at all (an empty OR is a lowering slip,
 * not a rule that matches nothing): then nothing is claimed.
 */
export function disjunctsOf(formula: Formula, bound: number): Literal[][] | null {
  const cases = casesOf(formula, bound);
  return cases && cases.length > 0 ? cases : null;
}

function casesOf(formula: Formula, bound: number): Literal[][] | null {
  switch (formula.kind) {
    case 'literal':
      return [[formula.literal]];
    case 'unknown':
      return null;
    case 'or': {
      const cases: Literal[][] = [];
      for (const arg of formula.args) {
        const argCases = casesOf(arg, bound);
        if (!argCases || cases.length + argCases.length > bound) return null;
        for (const argCase of argCases) cases.push(argCase);
      }
      return cases;
    }
    case 'and': {
      // The cases built here are this call's own arrays, so a one-case part is appended in
      // place: a long AND costs its length, not its length squared.
      let cases: Literal[][] = [[]];
      for (const arg of formula.args) {
        const argCases = casesOf(arg, bound);
        if (!argCases || cases.length * argCases.length > bound) return null;
        if (argCases.length === 1) {
          for (const conjunction of cases) appendTo(conjunction, argCases[0]);
          continue;
        }
        cases = cases.flatMap((left) => argCases.map((right) => appendTo([...left], right)));
      }
      return cases;
    }
  }
}

function appendTo(conjunction: Literal[], literals: Literal[]): Literal[] {
  for (const literal of literals) conjunction.push(literal);
  return conjunction;
}
