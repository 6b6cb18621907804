// Reads `transaction [<field>…] [maxspan=…] [maxpause=…] [maxevents=…] [startswith=…]
// [endswith=…] [<option>=…]`: events sharing the fields become one row; the boundaries are
// searches (`(EventCode=1)`, `"login"`) or eval conditions (`eval(x>1)`), parsed.

import type { Span } from '../../ir/index.js';
import { ArgumentList } from './argument-list.js';
import { parseEval } from './eval-parser.js';
import { parseQuotedSearch } from './quoted-search.js';
import { closingBracket, isSpace, nextOutsideQuotes } from './scanner.js';
import { parseSearch } from './search-parser.js';
import type {
  ArgumentItem,
  CommandArgs,
  ParseIssue,
  TransactionBoundary,
} from './syntax.js';

type BoundaryName = 'startswith' | 'endswith';

export function readTransaction(
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
): CommandArgs {
  const conditions = evalConditions(text, start, end, issues);
  const carved = conditions.map((condition) => condition.span);
  const list = ArgumentList.around('transaction', text, { start, end }, carved, issues);
  const maxspan = list.text('maxspan');
  const maxpause = list.text('maxpause');
  const maxevents = list.count('maxevents', 1);
  const written = (name: BoundaryName) => {
    const condition = conditions.filter((c) => c.name === name).at(-1);
    return condition ? condition.boundary : boundary(list, name);
  };
  const startswith = written('startswith');
  const endswith = written('endswith');
  const options = list.otherOptions();
  const fields = list.fieldNames(list.positional());
  list.reportUnread();
  return {
    kind: 'transaction', fields, maxspan, maxpause, maxevents, startswith, endswith, options,
  };
}

function boundary(list: ArgumentList, name: BoundaryName): TransactionBoundary | null {
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

interface EvalCondition {
  name: BoundaryName;
  /** The whole `startswith=eval(…)` option. */
  span: Span;
  boundary: TransactionBoundary;
}

/**
 * The `startswith=eval(…)` and `endswith=eval(…)` options, found outside strings and brackets
 * and parsed as eval expressions: the shared argument syntax has no eval-valued options.
 */
function evalConditions(
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
): EvalCondition[] {
  const conditions: EvalCondition[] = [];
  let depth = 0;
  let skipTo = start;
  for (
    let i = nextOutsideQuotes(text, start, end);
    i < end;
    i = nextOutsideQuotes(text, i + 1, end)
  ) {
    if (i < skipTo) continue;
    const c = text[i];
    if (c === '(' || c === '[') depth += 1;
    if ((c === ')' || c === ']') && depth > 0) depth -= 1;
    const name = depth === 0 ? evalOptionAt(text, i, start) : null;
    if (!name) continue;
    const open = i + name.length + '=eval'.length;
    const close = closingBracket(text, open);
    const stop = close < 0 || close >= end ? end : close;
    if (stop === end) issues.push({ message: '`eval(` is not closed', span: { start: i, end } });
    const span = { start: i, end: Math.min(stop + 1, end) };
    const expr = parseEval(text, open + 1, stop, issues);
    conditions.push({ name, span, boundary: { kind: 'eval', expr, span } });
    skipTo = span.end;
  }
  return conditions;
}

function evalOptionAt(text: string, at: number, start: number): BoundaryName | null {
  if (at > start && !isSpace(text[at - 1])) return null;
  for (const name of ['startswith', 'endswith'] as const) {
    const written = text.slice(at, at + name.length + '=eval('.length).toLowerCase();
    if (written === `${name}=eval(`) return name;
  }
  return null;
}
