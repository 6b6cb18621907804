// Reads `transaction [<field>…] [maxspan=…] [maxpause=…] [maxevents=…] [startswith=…]
// [endswith=…] [<option>=…]`: events sharing the fields become one row; the boundaries are
// searches (`(EventCode=1)`, `"login"`) or eval conditions (`eval(x>1)`), parsed.

import type { Span } from '../../ir/index.js';
import type { ArgumentList } from './argument-list.js';
import { parseEval } from './eval-parser.js';
import { parseQuotedSearch } from './quoted-search.js';
import { parseSearch } from './search-parser.js';
import type { ArgumentItem, CommandArgs, ParseIssue, TransactionBoundary } from './syntax.js';

export function readTransaction(list: ArgumentList): CommandArgs {
  const maxspan = list.text('maxspan');
  const maxpause = list.text('maxpause');
  const maxevents = list.count('maxevents', 1);
  const startswith = boundary(list, 'startswith');
  const endswith = boundary(list, 'endswith');
  const options = list.otherOptions();
  const fields = list.fieldNames(list.positional());
  list.reportUnread();
  return {
    kind: 'transaction', fields, maxspan, maxpause, maxevents, startswith, endswith, options,
  };
}

function boundary(list: ArgumentList, name: string): TransactionBoundary | null {
  const option = list.option(name);
  if (!option) return null;
  const boundary = boundaryOf(list.searchText, option.value, list.issues);
  if (!boundary) list.report(`\`${option.name}\` needs a search or \`eval(…)\``, option);
  return boundary;
}

function boundaryOf(
  text: string,
  value: ArgumentItem,
  issues: ParseIssue[],
): TransactionBoundary | null {
  const { span } = value;
  if (value.kind === 'string') {
    const expr = parseQuotedSearch(value.value, span, issues);
    return { kind: 'quoted-search', text: value.value, expr, span };
  }
  if (value.kind === 'call' && value.name.toLowerCase() === 'eval') {
    const { start, end } = value.innerSpan;
    return { kind: 'eval', expr: parseEval(text, start, end, issues), span };
  }
  if (value.kind !== 'word') return null;
  const inner = parenthesised(text, span);
  return { kind: 'search', expr: parseSearch(text, inner.start, inner.end, issues), span };
}

/** The text inside `( … )` (the argument reader keeps a parenthesised value whole). */
function parenthesised(text: string, span: Span): Span {
  if (text[span.start] !== '(') return span;
  const end = text[span.end - 1] === ')' ? span.end - 1 : span.end;
  return { start: span.start + 1, end };
}
