// Reads a detection item's modifier chain (`CommandLine|contains|all`) into what the matcher
// does: the transformations to apply to each value in order, how values are compared, and the
// flags (`all`, `cased`, `neq`, `expand`, regex flags). A chain Sigma does not define is a
// problem, which makes the item undecided rather than guessed.

import { isModifierName, MODIFIER_KINDS } from '../../languages/sigma/modifiers.js';

export type Transformation =
  | 'contains'
  | 'startswith'
  | 'endswith'
  | 'windash'
  | 'base64'
  | 'base64offset'
  | 'utf16le'
  | 'utf16be'
  | 'utf16'
  | 'wide';

export type TimePart = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

export type Comparison =
  | 'match'
  | 're'
  | 'cidr'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'exists'
  | 'fieldref'
  | TimePart;

export interface ModifierPlan {
  transformations: Transformation[];
  comparison: Comparison;
  /** `all`: every value must match, not one of them. */
  all: boolean;
  cased: boolean;
  /** `neq`: the item holds when the values do not match. */
  neq: boolean;
  /** `expand`: `%name%` in values are placeholders. */
  expand: boolean;
  regexFlags: { caseInsensitive: boolean; multiline: boolean; dotAll: boolean };
}

export function modifierPlan(modifiers: string[]): ModifierPlan | { problem: string } {
  const plan: ModifierPlan = {
    transformations: [],
    comparison: 'match',
    all: false,
    cased: false,
    neq: false,
    expand: false,
    regexFlags: { caseInsensitive: false, multiline: false, dotAll: false },
  };
  let typedBy: string | null = null;

  for (const name of modifiers) {
    if (!isModifierName(name)) return { problem: `'${name}' is not a Sigma modifier` };
    switch (MODIFIER_KINDS[name]) {
      case 'transformation':
        if (name === 'expand') {
          plan.expand = true;
          break;
        }
        if (typedBy) return { problem: `'${name}' cannot follow '${typedBy}'` };
        plan.transformations.push(name as Transformation);
        break;
      case 'type':
      case 'time': {
        const earlier = typedBy ?? plan.transformations[0];
        if (earlier) return { problem: `'${name}' cannot follow '${earlier}'` };
        plan.comparison = name as Comparison;
        typedBy = name;
        break;
      }
      case 'regex-flag':
        if (plan.comparison !== 're') return { problem: `the regex flag '${name}' needs 're'` };
        if (name === 'i') plan.regexFlags.caseInsensitive = true;
        if (name === 'm') plan.regexFlags.multiline = true;
        if (name === 's') plan.regexFlags.dotAll = true;
        break;
      case 'linking':
        plan.all = true;
        break;
      case 'case':
        plan.cased = true;
        break;
      case 'negation':
        plan.neq = true;
        break;
    }
  }
  return plan;
}
