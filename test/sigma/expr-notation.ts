// A compact, exact notation for predicate trees, so tests can state a whole lowering in one line:
// `and(Image endswith "\\x.exe", not(Field exists))`. Case-sensitive predicates are marked `cased`.

import { computationText, type Expr, type Predicate } from '../../src/ir/index.js';

export function notation(expr: Expr): string {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return `${expr.kind}(${expr.args.map(notation).join(', ')})`;
    case 'not':
      return `not(${notation(expr.arg)})`;
    case 'computed':
      return `computed(${computationText(expr.computed.condition)})`;
    case 'subsearch':
      return `subsearch(${expr.subsearch.fields.join(' ')})`;
    case 'opaque':
      return `opaque(${JSON.stringify(expr.text)})`;
    case 'predicate':
      return predicateNotation(expr.predicate);
  }
}

function predicateNotation(predicate: Predicate): string {
  const op = predicate.flags ? `${predicate.op}/${predicate.flags}` : predicate.op;
  const values = predicate.values.map((value) => JSON.stringify(value)).join(' ');
  const cased = predicate.caseSensitive ? ' cased' : '';
  return [predicate.field, op + cased, values].filter((piece) => piece !== '').join(' ');
}
