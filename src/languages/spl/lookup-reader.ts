// Reads `lookup [options] <table> <field> [AS <field>]…
// [OUTPUT|OUTPUTNEW <field> [AS <field>]…]`.

import { itemText } from './argument-parser.js';
import { optionsOf, readAliases } from './field-command-readers.js';
import type { ArgumentItem, CommandArgs, ParseIssue } from './syntax.js';

export function readLookup(items: ArgumentItem[], issues: ParseIssue[]): CommandArgs {
  const rest = items.filter((item) => item.kind !== 'option');
  const [tableItem, ...fieldItems] = rest;
  const table = tableItem ? itemText(tableItem) : null;
  if (table === null) {
    const span = tableItem?.span ?? { start: 0, end: 0 };
    issues.push({ message: 'lookup needs a table name', span });
  }
  const outputAt = fieldItems.findIndex(
    (item) => item.kind === 'word' && ['output', 'outputnew'].includes(item.text.toLowerCase()),
  );
  const inputItems = outputAt < 0 ? fieldItems : fieldItems.slice(0, outputAt);
  const outputItems = outputAt < 0 ? [] : fieldItems.slice(outputAt + 1);
  const marker = outputAt < 0 ? null : itemText(fieldItems[outputAt])?.toUpperCase();
  return {
    kind: 'lookup',
    table,
    options: optionsOf(items),
    inputs: readAliases(inputItems, issues),
    outputMode: marker === 'OUTPUTNEW' ? 'OUTPUTNEW' : marker === 'OUTPUT' ? 'OUTPUT' : null,
    outputs: readAliases(outputItems, issues),
  };
}
