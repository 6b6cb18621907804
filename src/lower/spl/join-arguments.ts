// The arguments of `join`: the fields it joins on and whether it is an inner join.

import type { ArgumentItem } from '../../languages/spl/syntax.js';

export interface JoinArguments {
  /** Fields both sides must share; empty means every field the two sides have in common. */
  fields: string[];
  /** True for `type=inner` (the default): rows without a match are dropped. */
  inner: boolean;
}

export function joinOf(items: ArgumentItem[]): JoinArguments {
  const fields: string[] = [];
  let inner = true;
  for (const item of items) {
    if (item.kind === 'word') fields.push(item.text);
    if (item.kind === 'option' && item.name.toLowerCase() === 'type') {
      inner = optionText(item.value).toLowerCase() === 'inner';
    }
  }
  return { fields, inner };
}

function optionText(value: ArgumentItem): string {
  if (value.kind === 'word') return value.text;
  if (value.kind === 'string') return value.value;
  return '';
}
