// Eval functions on multivalue fields: mvcount, mvindex, mvjoin, mvappend, mvfind, mvdedup,
// mvzip, mvfilter and mvmap.

import type { EvalNode } from '../../languages/spl/syntax.js';
import { isLinearRegex } from '../linear-regex.js';
import { isUnknown, textOf, type FieldScalar } from './field-value.js';
import {
  arityProblem,
  eager,
  multivalue,
  type EvalFunction,
  type FunctionScope,
} from './function-scope.js';
import { numberValue, textValue, type EvalValue } from './eval-value.js';
import { unsupportedReason } from './rule-regexes.js';

/** The values of a field value; null when it has none or holds a boolean. */
function valuesIn(value: EvalValue): FieldScalar[] | null {
  if (value === null || isUnknown(value) || typeof value === 'boolean') return null;
  return Array.isArray(value) ? value : [value];
}

/** An index that counts from the end when negative; null outside the list. */
function position(index: number, length: number): number | null {
  const at = index < 0 ? length + index : index;
  return Number.isInteger(at) && at >= 0 && at < length ? at : null;
}

export const MULTIVALUE_FUNCTIONS: Record<string, EvalFunction> = {
  mvcount: eager(1, 1, ([value]) => valuesIn(value)?.length ?? null),
  mvindex: eager(2, 3, ([value, start, end]) => {
    const items = valuesIn(value);
    const from = numberValue(start);
    const to = end === undefined ? from : numberValue(end);
    if (!items || from === null || isUnknown(from) || to === null || isUnknown(to)) return null;
    const first = position(from, items.length);
    const last = Math.min(to < 0 ? items.length + to : to, items.length - 1);
    if (first === null || last < first) return null;
    return multivalue(items.slice(first, last + 1));
  }),
  mvjoin: eager(2, 2, ([value, delimiter]) => {
    const items = valuesIn(value);
    const by = textValue(delimiter);
    if (!items || by === null || isUnknown(by)) return null;
    return items.map(textOf).join(by);
  }),
  mvappend: eager(1, Infinity, (values) => {
    return multivalue(values.flatMap((value) => valuesIn(value) ?? []));
  }),
  mvdedup: eager(1, 1, ([value]) => {
    const items = valuesIn(value);
    return items ? multivalue([...new Set(items)]) : null;
  }),
  mvfind: eager(2, 2, ([value, pattern], scope) => {
    const items = valuesIn(value);
    const re = textValue(pattern);
    if (!items || re === null || isUnknown(re)) return null;
    const regex = scope.regex(re);
    if (!isLinearRegex(regex)) return { unknown: unsupportedReason(re, regex) };
    const at = items.findIndex((item) => regex.test(textOf(item)));
    return at < 0 ? null : at;
  }),
  mvzip: eager(2, 3, ([left, right, delimiter]) => {
    const a = valuesIn(left);
    const b = valuesIn(right);
    const by = delimiter === undefined ? ',' : textValue(delimiter);
    if (!a || !b || by === null || isUnknown(by)) return null;
    const length = Math.min(a.length, b.length);
    return multivalue(a.slice(0, length).map((item, i) => `${textOf(item)}${by}${textOf(b[i])}`));
  }),
  mvfilter: (args, scope, name) => {
    const wrong = arityProblem(name, args, 1, 1);
    if (wrong) return wrong;
    const fields = fieldsIn(args[0]);
    if (fields.size !== 1) return { unknown: 'mvfilter() reading other than one field' };
    const [field] = fields;
    return eachValue(field, args[0], scope, (item, kept) => (kept === true ? [item] : []));
  },
  mvmap: (args, scope, name) => {
    const wrong = arityProblem(name, args, 2, 2);
    if (wrong) return wrong;
    const [target, expression] = args;
    if (target.kind !== 'field') return { unknown: 'mvmap() over a computed value' };
    return eachValue(target.name, expression, scope, (_item, mapped) => {
      return valuesIn(mapped) ?? [];
    });
  },
};

/** Evaluates `node` once per value of `field`, collecting what `keep` makes of each. */
function eachValue(
  field: string,
  node: EvalNode,
  scope: FunctionScope,
  keep: (item: FieldScalar, result: EvalValue) => FieldScalar[],
): EvalValue {
  const value = scope.value({ kind: 'field', name: field, span: node.span });
  const items = valuesIn(value);
  if (!items) return value;
  const kept: FieldScalar[] = [];
  for (const item of items) {
    const result = scope.valueWith(node, field, item);
    if (isUnknown(result)) return result;
    kept.push(...keep(item, result));
  }
  return multivalue(kept);
}

function fieldsIn(node: EvalNode, found = new Set<string>()): Set<string> {
  switch (node.kind) {
    case 'field':
      found.add(node.name);
      break;
    case 'binary':
      fieldsIn(node.left, found);
      fieldsIn(node.right, found);
      break;
    case 'not':
    case 'negate':
      fieldsIn(node.arg, found);
      break;
    case 'in':
      fieldsIn(node.arg, found);
      for (const value of node.values) fieldsIn(value, found);
      break;
    case 'call':
      for (const arg of node.args) fieldsIn(arg, found);
      break;
    default:
      break;
  }
  return found;
}
