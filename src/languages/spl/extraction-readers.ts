// Readers for the commands that pull fields out of a field's text: `spath` (JSON and XML
// paths), `fromjson`, `xmlkv`, `extract`/`kv` (key-value pairs) and `multikv` (tables).

import { type ArgumentList, isWord } from './argument-list.js';
import type { CommandArgs } from './syntax.js';

/** `spath [input=<field>] [output=<field>] [path=<path> | <path>]` */
export function readSpath(list: ArgumentList): CommandArgs {
  const input = list.text('input');
  const output = list.text('output');
  let path = list.text('path');
  const [written] = list.positional();
  if (written && path === null) path = list.textOf(written, 'a path such as `a.b{}.c`');
  list.reportUnread();
  return { kind: 'spath', input, output, path };
}

/** `fromjson <field> [prefix=<text>]` */
export function readFromjson(list: ArgumentList): CommandArgs {
  const prefix = list.text('prefix');
  const field = list.field();
  list.reportUnread();
  return { kind: 'fromjson', field, prefix };
}

/** `xmlkv [<field>] [maxinputs=<n>]`; without a field it reads `_raw`. */
export function readXmlkv(list: ArgumentList): CommandArgs {
  const maxinputs = list.count('maxinputs');
  const [item] = list.positional();
  const field = item ? list.fieldName(item) : null;
  list.reportUnread();
  return { kind: 'xmlkv', field, maxinputs };
}

/** `extract [<option>=<value>…] [<extraction name>…]` (also spelled `kv`). */
export function readExtract(list: ArgumentList): CommandArgs {
  const options = list.otherOptions();
  const extractors = list.texts(list.positional(), 'an extraction name');
  list.reportUnread();
  return { kind: 'extract', options, extractors };
}

/** `multikv [<option>=<value>…] [fields <field>…] [filter <term>…]` */
export function readMultikv(list: ArgumentList): CommandArgs {
  const options = list.otherOptions();
  const fields: string[] = [];
  const filter: string[] = [];
  let into: string[] | null = null;
  for (const item of list.positional()) {
    if (isWord(item, 'fields') || isWord(item, 'filter')) {
      list.take(item);
      into = isWord(item, 'fields') ? fields : filter;
      continue;
    }
    if (into === null) continue;
    const text = list.textOf(item, into === fields ? 'a field name' : 'a term');
    if (text !== null) into.push(text);
  }
  list.reportUnread();
  return { kind: 'multikv', options, fields, filter };
}
