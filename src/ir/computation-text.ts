// A computed value written back as one line of infix text, fully parenthesized so that its
// reading does not depend on any language's operator precedence.

import type { Computation } from './predicate.js';

export function computationText(computation: Computation): string {
  switch (computation.kind) {
    case 'field':
      return computation.name;
    case 'literal':
      return typeof computation.value === 'string'
        ? JSON.stringify(computation.value)
        : String(computation.value);
    case 'call':
      return `${computation.name}(${computation.args.map(computationText).join(', ')})`;
    case 'operator':
      return operatorText(computation.operator, computation.args);
  }
}

function operatorText(operator: string, args: Computation[]): string {
  if (args.length === 1) return `${operator} ${operandText(args[0])}`;
  if (operator.toUpperCase() === 'IN') {
    const [tested, ...list] = args;
    return `${operandText(tested)} IN (${list.map(computationText).join(', ')})`;
  }
  return args.map(operandText).join(` ${operator} `);
}

function operandText(computation: Computation): string {
  const text = computationText(computation);
  return computation.kind === 'operator' ? `(${text})` : text;
}
