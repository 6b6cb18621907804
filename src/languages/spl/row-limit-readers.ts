// Readers for `head [<n> | (<eval condition>)] [limit=<n>] [null=…] [keeplast=…]` and
// `tail [<n>]`: the first rows (by count, or while a condition holds) or the last ones.

import { ArgumentList, wholeNumber } from './argument-list.js';
import { parseEval } from './eval-parser.js';
import { closingBracket, skipBlank } from './scanner.js';
import type { CommandArgs, EvalNode, ParseIssue } from './syntax.js';

export function readHead(
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
): CommandArgs {
  const open = skipBlank(text, start, end);
  let condition: EvalNode | null = null;
  let rest = start;
  if (text[open] === '(') {
    const close = closingBracket(text, open);
    const stop = close < 0 || close >= end ? end : close;
    if (stop === end) issues.push({ message: '`(` is not closed', span: { start: open, end } });
    condition = parseEval(text, open + 1, stop, issues);
    rest = Math.min(stop + 1, end);
  }
  const list = ArgumentList.of('head', text, rest, end, issues);
  const limit = list.count('limit');
  const count = condition ? null : countOf(list);
  const options = list.otherOptions();
  list.reportUnread();
  return { kind: 'head', count: count ?? limit, condition, options };
}

export function readTail(list: ArgumentList): CommandArgs {
  const count = countOf(list);
  list.reportUnread();
  return { kind: 'tail', count, condition: null, options: {} };
}

/** The row count written first, marked as read; null when absent (the default is 10). */
function countOf(list: ArgumentList): number | null {
  const [item] = list.positional();
  const count = item?.kind === 'word' ? wholeNumber(item.text) : null;
  if (item && count !== null) list.take(item);
  return count;
}
