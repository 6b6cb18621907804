// Reads `replace <glob> WITH <text> [, <glob> WITH <text>]… [IN <field>…]`: values matching a
// glob are rewritten; without `IN` every field is.

import { itemText } from './argument-parser.js';
import { type ArgumentList, isWord } from './argument-list.js';
import type { CommandArgs, Replacement } from './syntax.js';

export function readReplace(list: ArgumentList): CommandArgs {
  const items = list.positional();
  const replacements: Replacement[] = [];
  let i = 0;
  while (i < items.length && !isWord(items[i], 'in')) {
    const [from, withWord, to] = items.slice(i, i + 3);
    const fromText = itemText(from);
    const toText = to ? itemText(to) : null;
    if (fromText === null || !isWord(withWord, 'with') || toText === null) {
      list.report('`<value> WITH <value>` is expected here', from);
      for (const item of items.slice(i)) list.take(item);
      return { kind: 'replace', replacements, fields: [] };
    }
    for (const item of [from, withWord, to]) list.take(item);
    const span = { start: from.span.start, end: to.span.end };
    replacements.push({ from: fromText, to: toText, span });
    i += 3;
  }
  if (replacements.length === 0) list.reportMissing('`<value> WITH <value>`');

  const inWord = items[i];
  const fields = inWord ? list.fieldNames(items.slice(i + 1)) : [];
  if (inWord) {
    list.take(inWord);
    if (fields.length === 0) list.report('`IN` needs at least one field', inWord);
  }
  list.reportUnread();
  return { kind: 'replace', replacements, fields };
}
