// Reads `bin`/`bucket [span=…] [bins=…] [minspan=…] [start=…] [end=…] [aligntime=…]
// <field> [AS <name>]`: which field is put into ranges, how wide they are, where it goes.

import type { ArgumentList } from './argument-list.js';
import type { CommandArgs } from './syntax.js';

export function readBin(list: ArgumentList): CommandArgs {
  const span = list.text('span');
  const bins = list.count('bins', 1);
  const options = list.otherOptions();
  const { field, as } = list.fieldAs();
  list.reportUnread();
  return { kind: 'bin', field, as, span, bins, options };
}
