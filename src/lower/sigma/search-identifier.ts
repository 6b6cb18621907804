// Lowers a search identifier (a named selection under `detection:`): a map is the AND of its
// items, a list is the OR of its elements (maps or keywords), a bare string is a keyword.

import { and, or, type Expr } from '../../ir/index.js';
import { lowerDetectionItem, lowerKeyword } from './detection-item.js';
import type { DetectionNode } from './detection-tree.js';
import type { ReportProblem } from './sigma-diagnostics.js';

export function lowerSearchIdentifier(
  name: string,
  node: DetectionNode,
  report: ReportProblem,
): Expr {
  const opaque = (message: string): Expr => {
    report('error', 'sigma.invalid-search-identifier', message, node.span?.start);
    const expr: Expr = { kind: 'opaque', text: `${name}: ${node.text}`, reason: message };
    return node.span ? { ...expr, span: node.span } : expr;
  };

  switch (node.kind) {
    case 'map':
      if (node.entries.length === 0) return opaque(`'${name}' is an empty map`);
      return and(node.entries.map((entry) => lowerDetectionItem(entry, report)));
    case 'list':
      if (node.items.length === 0) return opaque(`'${name}' is an empty list`);
      return or(node.items.map((item) => lowerListElement(name, item, report)));
    case 'scalar':
      if (node.value === null) return opaque(`'${name}' has no value`);
      return lowerKeyword(node, report);
  }
}

function lowerListElement(name: string, item: DetectionNode, report: ReportProblem): Expr {
  if (item.kind === 'map') return lowerSearchIdentifier(name, item, report);
  if (item.kind === 'scalar' && item.value !== null) return lowerKeyword(item, report);

  const message = `an element of '${name}' is a ${item.kind === 'list' ? 'nested list' : 'null'}`;
  report('error', 'sigma.invalid-search-identifier', message, item.span?.start);
  const expr: Expr = { kind: 'opaque', text: item.text, reason: message };
  return item.span ? { ...expr, span: item.span } : expr;
}
