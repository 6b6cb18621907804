// Readers for the commands that end a subsearch by turning its rows into search text:
// `return [<n>] [<alias>=<field>…] [<field>…] [$<field>…]` and `format [<option>=…]
// ["<row prefix>" "<column prefix>" "<column separator>" "<column end>" "<row separator>"
// "<row end>"]`.

import { itemText } from './argument-parser.js';
import { type ArgumentList, wholeNumber } from './argument-list.js';
import type { CommandArgs, ReturnedValue } from './syntax.js';

export function readReturn(list: ArgumentList): CommandArgs {
  const returns: ReturnedValue[] = [];
  for (const item of list.items) {
    if (item.kind !== 'option') continue;
    list.take(item);
    const field = itemText(item.value);
    if (field === null) list.report(`\`${item.name}=\` needs a field name`, item);
    else returns.push({ field, as: item.name, span: item.span });
  }
  const positional = list.positional();
  const first = positional[0];
  const count = first?.kind === 'word' ? wholeNumber(first.text) : null;
  if (count !== null) list.take(first);
  for (const item of list.positional()) {
    const name = list.fieldName(item);
    if (name === null) continue;
    if (name.startsWith('$')) returns.push({ field: name.slice(1), as: null, span: item.span });
    else returns.push({ field: name, as: name, span: item.span });
  }
  returns.sort((a, b) => a.span.start - b.span.start);
  if (returns.length === 0) list.reportMissing('fields to return');
  return { kind: 'return', count, returns };
}

/** How many separators `format` takes when it takes any. */
const SEPARATOR_COUNT = 6;

export function readFormat(list: ArgumentList): CommandArgs {
  const options = list.otherOptions();
  const separators = list.texts(list.positional(), 'a quoted separator');
  if (separators.length !== 0 && separators.length !== SEPARATOR_COUNT) {
    list.report(`\`format\` takes all ${SEPARATOR_COUNT} separators or none`, list);
  }
  return { kind: 'format', separators, options };
}
