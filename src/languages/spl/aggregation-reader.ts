// Reads aggregations (`count`, `dc(user) AS users`, `count(eval(x="a"))`) and `by` lists, as
// stats, eventstats, streamstats, chart, timechart, top, rare and tstats write them.

import { itemText } from './argument-parser.js';
import { parseEval } from './eval-parser.js';
import type { Span } from '../../ir/index.js';
import type { Aggregation, ArgumentItem, ParseIssue } from './syntax.js';

export interface AggregationList {
  options: Record<string, string>;
  /** Where each option is written, by name. */
  optionSpans: Record<string, Span>;
  aggregations: Aggregation[];
  /** Fields named without a function (the field list of `top` and `rare`). */
  fields: string[];
  by: string[];
}

/** Words that start the grouping part of an aggregating command. */
const BY_WORDS = new Set(['by', 'over']);
/** Functions written without parentheses. */
const BARE_FUNCTIONS = new Set(['count', 'c', 'sparkline']);

export function readAggregations(
  text: string,
  items: ArgumentItem[],
  issues: ParseIssue[],
): AggregationList {
  const list: AggregationList = {
    options: {},
    optionSpans: {},
    aggregations: [],
    fields: [],
    by: [],
  };
  let grouping: ArgumentItem | null = null;
  let grouped = 0;
  const endGrouping = () => {
    if (grouping?.kind !== 'word' || grouped > 0) return;
    issues.push({ message: `\`${grouping.text}\` without fields after it`, span: grouping.span });
  };
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    if (item.kind === 'comma') continue;
    if (item.kind === 'option') {
      list.options[item.name] = itemText(item.value) ?? text.slice(
        item.value.span.start,
        item.value.span.end,
      );
      list.optionSpans[item.name] = item.span;
      continue;
    }
    if (item.kind === 'word' && BY_WORDS.has(item.text.toLowerCase())) {
      endGrouping();
      grouping = item;
      grouped = 0;
      continue;
    }
    const name = itemText(item);
    if (grouping) {
      grouped += 1;
      if (name !== null) list.by.push(name);
      else issues.push({ message: 'a field name is expected in the `by` list', span: item.span });
      continue;
    }

    const aggregation = aggregationOf(text, item, issues);
    if (!aggregation) {
      if (name !== null) list.fields.push(name);
      else issues.push({ message: 'an aggregation is expected here', span: item.span });
      continue;
    }
    const as = items[i + 1];
    const target = items[i + 2];
    if (as?.kind === 'word' && as.text.toLowerCase() === 'as' && target) {
      aggregation.as = itemText(target);
      aggregation.span = { start: aggregation.span.start, end: target.span.end };
      i += 2;
    }
    list.aggregations.push(aggregation);
  }
  endGrouping();
  return list;
}

function aggregationOf(text: string, item: ArgumentItem, issues: ParseIssue[]): Aggregation | null {
  if (item.kind === 'word' && BARE_FUNCTIONS.has(item.text.toLowerCase())) {
    return { function: item.text, field: null, evalArg: null, as: null, span: item.span };
  }
  if (item.kind !== 'call') return null;
  const aggregation: Aggregation = {
    function: item.name,
    field: null,
    evalArg: null,
    as: null,
    span: item.span,
  };
  const [arg] = item.args;
  if (!arg) return aggregation;
  if (arg.kind === 'call' && arg.name.toLowerCase() === 'eval') {
    aggregation.evalArg = parseEval(text, arg.innerSpan.start, arg.innerSpan.end, issues);
    return aggregation;
  }
  aggregation.field = itemText(arg) ?? text.slice(item.innerSpan.start, item.innerSpan.end).trim();
  return aggregation;
}
