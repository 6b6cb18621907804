// What an eval function sees when called: its arguments as nodes, evaluated on demand on the
// current event, and the rule's compiled regexes. Most functions take their arguments
// evaluated, and give an unknown result when any argument is unknown.

import type { EvalNode } from '../../languages/spl/syntax.js';
import { isUnknown, type FieldScalar, type Unknown } from './field-value.js';
import type { EvalValue, KnownValue } from './eval-value.js';
import type { CompiledRegex } from './rule-regexes.js';

export interface FunctionScope {
  value(node: EvalNode): EvalValue;
  /** The node's value with `field` holding `item`, on a copy of the event (mvfilter). */
  valueWith(node: EvalNode, field: string, item: FieldScalar): EvalValue;
  regex(pattern: string): CompiledRegex;
  /** `searchmatch("…")`: whether the event matches a search written as text. */
  searchMatch(search: string): EvalValue;
}

export type EvalFunction = (args: EvalNode[], scope: FunctionScope, name: string) => EvalValue;

/** A function of its evaluated arguments, taking between `least` and `most` of them. */
export function eager(
  least: number,
  most: number,
  body: (values: KnownValue[], scope: FunctionScope) => EvalValue,
): EvalFunction {
  return (args, scope, name) => {
    const wrong = arityProblem(name, args, least, most);
    if (wrong) return wrong;
    const values = args.map((arg) => scope.value(arg));
    const unknown = values.find(isUnknown);
    return unknown ?? body(values as KnownValue[], scope);
  };
}

export function arityProblem(
  name: string,
  args: EvalNode[],
  least: number,
  most: number,
): Unknown | null {
  if (args.length >= least && args.length <= most) return null;
  const count = least === most ? `${least}` : `${least} to ${most}`;
  return { unknown: `\`${name}()\` takes ${count} arguments, not ${args.length}` };
}

/** A multivalue result as SPL keeps it: none is null, one value is a plain value. */
export function multivalue(items: FieldScalar[]): EvalValue {
  if (items.length === 0) return null;
  return items.length === 1 ? items[0] : items;
}
