// Compiles a search identifier (a named selection under `detection:`): a map is the AND of its
// items, a list the OR of its elements (maps or keywords), a bare value a keyword.

import { detectionItem, itemText, keywordItem } from './detection-item.js';
import { allOf, anyOf, failing, undecided, type Check } from './judgement.js';
import type { LogicNode, LogicScalar } from './logic-block.js';
import type { PlaceholderValues } from './value-tests.js';

export function searchIdentifier(
  name: string,
  node: LogicNode,
  placeholders: PlaceholderValues,
): Check {
  const broken = (problem: string): Check => {
    const judgement = undecided(`${name} — ${problem}`);
    return () => judgement;
  };

  if (node.kind === 'map') {
    if (node.entries.length === 0) return broken('an empty map');
    return mapCheck(name, node, placeholders);
  }
  if (node.kind === 'scalar') {
    if (node.value === null) return broken('it has no value');
    return keywordItem(name, [node], placeholders);
  }

  if (node.items.length === 0) return broken('an empty list');
  if (node.items.every((item) => item.kind === 'scalar')) {
    const keywords = node.items as LogicScalar[];
    if (keywords.some((keyword) => keyword.value === null)) return broken('a keyword is null');
    return keywordItem(name, keywords, placeholders);
  }
  const elements = node.items.map((item): Check => {
    if (item.kind === 'map' && item.entries.length === 0) return broken('an element is empty');
    if (item.kind === 'map') return mapCheck(name, item, placeholders);
    if (item.kind === 'scalar' && item.value !== null) {
      return keywordItem(name, [item], placeholders);
    }
    return broken(`an element is ${item.kind === 'list' ? 'a nested list' : 'null'}`);
  });
  return anyOf(elements, failing(`${name}: ${itemText('', node.items)}`));
}

function mapCheck(
  name: string,
  node: Extract<LogicNode, { kind: 'map' }>,
  placeholders: PlaceholderValues,
): Check {
  return allOf(node.entries.map((entry) => {
    return detectionItem(name, entry.keyText, entry.key, entry.value, placeholders);
  }));
}
