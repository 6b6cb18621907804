// Reads `sort [<count>] [limit=<n>] [-|+]<field>… [desc]`: fields compare in order, each
// ascending unless `-` precedes it, as `auto`, `str`, `ip` or `num` when written so.

import { itemText } from './argument-parser.js';
import { type ArgumentList, isWord, wholeNumber } from './argument-list.js';
import type { ArgumentItem, CommandArgs, SortKey } from './syntax.js';

const COMPARISONS = new Set(['auto', 'str', 'ip', 'num']);

export function readSort(list: ArgumentList): CommandArgs {
  let limit = list.count('limit');
  const items = list.positional();
  const first = items[0];
  const count = first?.kind === 'word' ? wholeNumber(first.text) : null;
  if (count !== null) {
    list.take(first);
    limit = count;
  }
  const last = items.at(-1);
  const descending = items.length > 1 && (isWord(last, 'd') || isWord(last, 'desc'));
  if (descending && last) list.take(last);

  const keys: SortKey[] = [];
  let sign: ArgumentItem | null = null;
  let written = 0;
  for (const item of items) {
    if (isSign(item)) {
      list.take(item);
      if (sign) list.report('a field is expected after `-` or `+`', sign);
      sign = item;
      continue;
    }
    if (item === first && count !== null) continue;
    if (item === last && descending) continue;
    list.take(item);
    written += 1;
    const key = sortKeyOf(item);
    if (!key) {
      list.report('a field to sort on is expected here', item);
      continue;
    }
    if (sign?.kind === 'word') {
      key.descending = sign.text === '-';
      key.span = { start: sign.span.start, end: key.span.end };
    }
    keys.push(key);
    sign = null;
  }
  if (sign) list.report('a field is expected after `-` or `+`', sign);
  if (written === 0) list.reportMissing('a field to sort on');
  list.reportUnread();
  return { kind: 'sort', limit, keys, descending };
}

function isSign(item: ArgumentItem): boolean {
  return item.kind === 'word' && (item.text === '-' || item.text === '+');
}

/** `field`, `-field`, `+field`, `str(field)`, `-num(field)`. */
function sortKeyOf(item: ArgumentItem): SortKey | null {
  if (item.kind === 'string') {
    return { field: item.value, descending: false, as: null, span: item.span };
  }
  if (item.kind === 'word') {
    const { name, descending } = signed(item.text);
    return name === '' ? null : { field: name, descending, as: null, span: item.span };
  }
  if (item.kind !== 'call' || item.args.length !== 1) return null;
  const { name, descending } = signed(item.name);
  const field = itemText(item.args[0]);
  if (!COMPARISONS.has(name.toLowerCase()) || field === null) return null;
  return { field, descending, as: name.toLowerCase(), span: item.span };
}

function signed(text: string): { name: string; descending: boolean } {
  if (text.startsWith('-')) return { name: text.slice(1), descending: true };
  if (text.startsWith('+')) return { name: text.slice(1), descending: false };
  return { name: text, descending: false };
}
