// Reads `top`/`rare [<n>] [<option>=…] <field>… [by <field>…]`: the most or least common
// value combinations of the fields, counted per by-group. Rows group by the fields and the
// by-fields together, as `stats count by` would group them.

import { ArgumentList, isWord, wholeNumber } from './argument-list.js';
import type { CommandArgs, ParseIssue } from './syntax.js';

export function readTop(
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
  command: string,
): CommandArgs {
  const list = ArgumentList.of(command, text, start, end, issues);
  const options = list.otherOptions();
  const items = list.positional();
  const [first] = items;
  const limit = first?.kind === 'word' ? wholeNumber(first.text) : null;
  if (limit !== null) {
    list.take(first);
    options.limit = String(limit);
  }
  const byAt = items.findIndex((item) => isWord(item, 'by'));
  const counted = items.slice(limit === null ? 0 : 1, byAt < 0 ? items.length : byAt);
  const fields = list.fieldNames(counted);
  if (counted.length === 0) list.reportMissing('fields to count');
  const by = byAt < 0 ? [] : list.fieldNames(items.slice(byAt + 1));
  if (byAt >= 0) list.take(items[byAt]);
  // LIMITATION: the `count` and `percent` fields top adds are not listed as aggregations — a
  // subsearch ending in `top` is taken to return only the counted and by-fields.
  return { kind: 'stats', options, aggregations: [], by: [...fields, ...by] };
}
