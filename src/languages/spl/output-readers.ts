// Readers for commands that write results elsewhere and pass them on unchanged:
// `outputlookup [<option>=…] <table>` and `collect [index=<index>] [<option>=…]`.

import type { ArgumentList } from './argument-list.js';
import { tableOf } from './dataset-readers.js';
import type { CommandArgs } from './syntax.js';

export function readOutputlookup(list: ArgumentList): CommandArgs {
  const options = list.otherOptions();
  const table = tableOf(list);
  list.reportUnread();
  return { kind: 'outputlookup', table, options };
}

export function readCollect(list: ArgumentList): CommandArgs {
  const index = list.text('index');
  const options = list.otherOptions();
  list.reportUnread();
  return { kind: 'collect', index, options };
}
