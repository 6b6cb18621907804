// Readers for the regular-expression commands: `rex [field=f] [mode=sed] "<re>"` extracts
// fields; `regex [field=|!=]"<re>"` keeps (or drops) events whose field matches.

import { RAW_FIELD } from '../../ir/index.js';
import { itemText } from './argument-parser.js';
import { optionsOf } from './field-command-readers.js';
import type { Span } from '../../ir/index.js';
import type { ArgumentItem, CommandArgs, ParseIssue } from './syntax.js';

export function readRex(items: ArgumentItem[], issues: ParseIssue[], span: Span): CommandArgs {
  const options = optionsOf(items);
  const patterns = items.filter((item) => item.kind === 'string');
  if (patterns.length !== 1) issues.push(
    { message: 'rex needs one quoted regular expression', span },
  );
  for (const item of items) {
    if (item.kind !== 'option' && item.kind !== 'string') {
      issues.push({ message: 'unexpected rex argument', span: item.span });
    }
  }
  const field = options.field ?? RAW_FIELD;
  delete options.field;
  const pattern = patterns[0] && patterns[0].kind === 'string' ? patterns[0].value : null;
  return { kind: 'rex', field, options, pattern };
}

export function readRegex(items: ArgumentItem[], issues: ParseIssue[], span: Span): CommandArgs {
  const [item] = items;
  if (items.length === 1 && item.kind === 'string') {
    return { kind: 'regex', field: RAW_FIELD, negated: false, pattern: item.value };
  }
  if (items.length === 1 && item.kind === 'option') {
    return {
      kind: 'regex',
      field: item.name,
      negated: item.comparator === '!=',
      pattern: itemText(item.value),
    };
  }
  issues.push({ message: 'regex needs `[field=]"<regular expression>"`', span });
  return { kind: 'regex', field: RAW_FIELD, negated: false, pattern: null };
}
