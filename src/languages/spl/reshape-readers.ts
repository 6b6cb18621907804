// Readers for the commands that pivot rows into a table and back:
// `xyseries [grouped=…] <x> <y-name> <y-data>… [sep=…] [format=…]` and
// `untable <x> <y-name> <y-data>`.

import type { ArgumentList } from './argument-list.js';
import type { CommandArgs } from './syntax.js';

export function readXyseries(list: ArgumentList): CommandArgs {
  const options = list.otherOptions();
  const [x = null, yName = null, ...yData] = list.fieldNames(list.positional());
  if (yData.length === 0) list.reportMissing('an x field, a y-name field and y-data fields');
  return { kind: 'xyseries', x, yName, yData, options };
}

export function readUntable(list: ArgumentList): CommandArgs {
  const fields = list.fieldNames(list.positional());
  if (fields.length !== 3) list.reportMissing('an x field, a y-name field and a y-data field');
  const [x = null, yName = null, yData = null] = fields;
  list.reportUnread();
  return { kind: 'untable', x, yName, yData };
}
