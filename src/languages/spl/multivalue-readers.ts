// Readers for the multivalue commands: `mvexpand` (one row per value), `makemv` (text split
// into values), `mvcombine` (rows merged into one multivalue field) and `nomv` (values joined).

import type { ArgumentList } from './argument-list.js';
import type { CommandArgs } from './syntax.js';

/** `mvexpand <field> [limit=<n>]` */
export function readMvexpand(list: ArgumentList): CommandArgs {
  const limit = list.count('limit', 1);
  const field = list.field();
  list.reportUnread();
  return { kind: 'mvexpand', field, limit };
}

/** `makemv [delim=<text> | tokenizer=<regex>] [allowempty=<bool>] [setsv=<bool>] <field>` */
export function readMakemv(list: ArgumentList): CommandArgs {
  const delim = list.text('delim');
  const tokenizer = list.text('tokenizer');
  if (delim !== null && tokenizer !== null) {
    list.report('`makemv` takes `delim` or `tokenizer`, not both', list);
  }
  const allowempty = list.boolean('allowempty');
  const setsv = list.boolean('setsv');
  const field = list.field();
  list.reportUnread();
  return { kind: 'makemv', field, delim, tokenizer, allowempty, setsv };
}

/** `mvcombine [delim=<text>] <field>` */
export function readMvcombine(list: ArgumentList): CommandArgs {
  const delim = list.text('delim');
  const field = list.field();
  list.reportUnread();
  return { kind: 'mvcombine', field, delim };
}

/** `nomv <field>` */
export function readNomv(list: ArgumentList): CommandArgs {
  const field = list.field();
  list.reportUnread();
  return { kind: 'nomv', field };
}
