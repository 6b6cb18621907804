// Readers for commands that name fields: rename, fields/table, fillnull, convert, dedup.

import { itemText } from './argument-parser.js';
import type { ArgumentItem, CommandArgs, FieldAlias, ParseIssue } from './syntax.js';

/** Options (`name=value`) among the items, as text. */
export function optionsOf(items: ArgumentItem[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (const item of items) {
    if (item.kind !== 'option') continue;
    options[item.name] = itemText(item.value) ?? '';
  }
  return options;
}

function isWord(item: ArgumentItem | undefined, word: string): boolean {
  return item?.kind === 'word' && item.text.toLowerCase() === word;
}

/** `a AS b, c AS d` — also used by lookup's input and output lists. */
export function readAliases(items: ArgumentItem[], issues: ParseIssue[]): FieldAlias[] {
  const aliases: FieldAlias[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    if (item.kind === 'comma') continue;
    const field = itemText(item);
    if (field === null) {
      issues.push({ message: 'a field name is expected here', span: item.span });
      continue;
    }
    const target = items[i + 2];
    if (isWord(items[i + 1], 'as') && target && itemText(target) !== null) {
      aliases.push(
        { field, as: itemText(target), span: { start: item.span.start, end: target.span.end } },
      );
      i += 2;
    } else aliases.push({ field, as: null, span: item.span });
  }
  return aliases;
}

export function readRename(items: ArgumentItem[], issues: ParseIssue[]): CommandArgs {
  const renames = readAliases(items, issues);
  for (const rename of renames) {
    if (rename.as === null) issues.push(
      { message: `\`${rename.field}\` is renamed to nothing`, span: rename.span },
    );
  }
  return { kind: 'rename', renames: renames.filter((rename) => rename.as !== null) };
}

export function readFields(items: ArgumentItem[], issues: ParseIssue[]): CommandArgs {
  let mode: '+' | '-' = '+';
  const fields: string[] = [];
  items.forEach((item, index) => {
    if (index === 0 && item.kind === 'word' && (item.text === '-' || item.text === '+')) {
      mode = item.text;
      return;
    }
    if (item.kind === 'comma') return;
    const name = itemText(item) ?? calledFieldName(item);
    if (name === null) issues.push({ message: 'a field name is expected here', span: item.span });
    else fields.push(name);
  });
  return { kind: 'fields', mode, fields };
}

/** Fields named like a call, as model output fields are: `predicted(score)`. */
function calledFieldName(item: ArgumentItem): string | null {
  if (item.kind !== 'call') return null;
  const args = item.args.map(itemText);
  if (args.some((arg) => arg === null)) return null;
  return `${item.name}(${args.join(', ')})`;
}

export function readFillnull(items: ArgumentItem[], issues: ParseIssue[]): CommandArgs {
  const options = optionsOf(items);
  const fields: string[] = [];
  for (const item of items) {
    if (item.kind === 'option' || item.kind === 'comma') continue;
    const name = itemText(item);
    if (name === null) issues.push({ message: 'a field name is expected here', span: item.span });
    else fields.push(name);
  }
  return { kind: 'fillnull', value: options.value ?? null, fields };
}

export function readConvert(items: ArgumentItem[], issues: ParseIssue[]): CommandArgs {
  const conversions = [];
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    if (item.kind === 'option' || item.kind === 'comma') continue;
    const field = item.kind === 'call' && item.args.length === 1 ? itemText(item.args[0]) : null;
    if (item.kind !== 'call' || field === null) {
      issues.push(
        { message: 'a conversion such as `ctime(field)` is expected here', span: item.span },
      );
      continue;
    }
    const target = items[i + 2];
    const renamed = isWord(items[i + 1], 'as') && target ? itemText(target) : null;
    if (renamed !== null) i += 2;
    const end = renamed !== null ? target.span.end : item.span.end;
    conversions.push(
      { function: item.name, field, as: renamed, span: { start: item.span.start, end } },
    );
  }
  return { kind: 'convert', options: optionsOf(items), conversions };
}

export function readDedup(items: ArgumentItem[], issues: ParseIssue[]): CommandArgs {
  let count: number | null = null;
  const fields: string[] = [];
  let sorting = false;
  const sortFields: string[] = [];
  items.forEach((item, index) => {
    if (item.kind === 'option' || item.kind === 'comma') return;
    if (index === 0 && item.kind === 'word' && /^\d+$/.test(item.text)) {
      count = Number(item.text);
      return;
    }
    if (isWord(item, 'sortby')) {
      sorting = true;
      return;
    }
    const name = itemText(item);
    if (name === null) issues.push({ message: 'a field name is expected here', span: item.span });
    else (sorting ? sortFields : fields).push(name);
  });
  const options = optionsOf(items);
  if (sortFields.length > 0) options.sortby = sortFields.join(' ');
  return { kind: 'dedup', count, options, fields };
}
