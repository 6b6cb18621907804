// Readers for commands that add fields computed from others: `iplocation`, `addtotals`,
// `strcat`, `filldown`, `rangemap`, `delta`, `accum`, `addinfo` and `tojson`.

import { itemText } from './argument-parser.js';
import type { ArgumentList } from './argument-list.js';
import type {
  CommandArgs,
  RangemapRange,
  StrcatSource,
  TypedField,
} from './syntax.js';

/** `iplocation [prefix=<text>] [allfields=<bool>] [lang=<code>] <field>` */
export function readIplocation(list: ArgumentList): CommandArgs {
  const prefix = list.text('prefix');
  const allfields = list.boolean('allfields');
  const lang = list.text('lang');
  const field = list.field();
  list.reportUnread();
  return { kind: 'iplocation', field, prefix, allfields, lang };
}

/** `addtotals [row=…] [col=…] [labelfield=…] [label=…] [fieldname=<field>] [<field>…]` */
export function readAddtotals(list: ArgumentList): CommandArgs {
  const fieldname = list.text('fieldname');
  const options = list.otherOptions();
  const fields = list.fieldNames(list.positional());
  list.reportUnread();
  return { kind: 'addtotals', fieldname, options, fields };
}

/** `strcat [allrequired=<bool>] <field or "text">… <target field>` */
export function readStrcat(list: ArgumentList): CommandArgs {
  const allrequired = list.boolean('allrequired');
  const items = list.positional();
  const last = items.at(-1);
  if (items.length < 2 || !last) {
    list.reportMissing('the parts to join and a target field');
    for (const item of items) list.take(item);
    return { kind: 'strcat', sources: [], target: null, allrequired };
  }
  const sources: StrcatSource[] = [];
  for (const item of items.slice(0, -1)) {
    list.take(item);
    if (item.kind === 'word') sources.push({ kind: 'field', value: item.text, span: item.span });
    else if (item.kind === 'string') {
      sources.push({ kind: 'string', value: item.value, span: item.span });
    } else list.report('a field or a quoted text is expected here', item);
  }
  const target = last.kind === 'word' ? list.fieldName(last) : null;
  if (last.kind !== 'word') list.report('the target field is expected last', last);
  list.reportUnread();
  return { kind: 'strcat', sources, target, allrequired };
}

/** `filldown [<field>…]`: without fields it fills every field. */
export function readFilldown(list: ArgumentList): CommandArgs {
  const fields = list.fieldNames(list.positional());
  list.reportUnread();
  return { kind: 'filldown', fields };
}

/** `rangemap field=<field> <name>=<low>-<high>… [default=<name>]` */
export function readRangemap(list: ArgumentList): CommandArgs {
  const field = list.text('field');
  if (field === null) list.reportMissing('`field=<field>`');
  const fallback = list.text('default');
  const ranges: RangemapRange[] = [];
  for (const item of list.items) {
    if (item.kind !== 'option' || ['field', 'default'].includes(item.name.toLowerCase())) continue;
    list.take(item);
    const range = rangeOf(itemText(item.value));
    if (range) ranges.push({ name: item.name, ...range, span: item.span });
    else list.report(`\`${item.name}\` needs a range such as \`1-100\``, item);
  }
  list.reportUnread();
  return { kind: 'rangemap', field, ranges, default: fallback };
}

/** `low-high`, either end possibly negative or decimal. */
function rangeOf(text: string | null): { low: number; high: number } | null {
  if (text === null) return null;
  const dash = text.indexOf('-', 1);
  if (dash < 0) return null;
  const low = decimal(text.slice(0, dash));
  const high = decimal(text.slice(dash + 1));
  return low === null || high === null ? null : { low, high };
}

function decimal(text: string): number | null {
  const digits = text.startsWith('-') ? text.slice(1) : text;
  let dots = 0;
  for (const c of digits) {
    if (c === '.') dots += 1;
    else if (c < '0' || c > '9') return null;
  }
  if (digits === '' || digits === '.' || dots > 1) return null;
  return Number(text);
}

/** `delta <field> [AS <name>] [p=<n>]`: the difference with the value `p` rows back. */
export function readDelta(list: ArgumentList): CommandArgs {
  const p = list.count('p', 1);
  const { field, as } = list.fieldAs();
  list.reportUnread();
  return { kind: 'delta', field, as, p };
}

/** `accum <field> [AS <name>]`: the running total. */
export function readAccum(list: ArgumentList): CommandArgs {
  const { field, as } = list.fieldAs();
  list.reportUnread();
  return { kind: 'accum', field, as };
}

/** `addinfo` takes no arguments. */
export function readAddinfo(list: ArgumentList): CommandArgs {
  list.reportUnread();
  return { kind: 'addinfo' };
}

/**
 * `tojson [<type>(<field>) | <field>]… [default_type=…] [fill_null=…] [include_internal=…]
 * [output_field=…]`
 */
export function readTojson(list: ArgumentList): CommandArgs {
  const options = list.otherOptions();
  const fields: TypedField[] = [];
  for (const item of list.positional()) {
    list.take(item);
    const inner = item.kind === 'call' && item.args.length === 1 ? itemText(item.args[0]) : null;
    if (item.kind === 'call' && inner !== null) {
      fields.push({ field: inner, type: item.name, span: item.span });
      continue;
    }
    const field = itemText(item);
    if (field !== null) fields.push({ field, type: null, span: item.span });
    else list.report('a field or `<type>(<field>)` is expected here', item);
  }
  return { kind: 'tojson', fields, options };
}
