// Reads `tstats [options] <aggregations> [from datamodel=<Model>[.<Dataset>]] [where <search>]
// [by <fields>]`: the where clause follows search syntax and keeps data-model field names.

import { readAggregations } from './aggregation-reader.js';
import { itemText, parseArguments } from './argument-parser.js';
import { findKeyword } from './keyword-scan.js';
import { parseSearch } from './search-parser.js';
import type { ArgumentItem, CommandArgs, ParseIssue } from './syntax.js';

export function readTstats(
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
): CommandArgs {
  const whereAt = findKeyword(text, start, end, 'where');
  const byAt = findKeyword(text, whereAt < 0 ? start : whereAt, end, 'by');
  const headEnd = whereAt >= 0 ? whereAt : byAt >= 0 ? byAt : end;

  const head = parseArguments(text, start, headEnd, issues);
  const { items, datamodel } = takeDatamodel(head, issues);
  const where =
    whereAt < 0 ? null : parseSearch(
      text,
      whereAt + 'where'.length,
      byAt >= 0 ? byAt : end,
      issues,
    );
  const byItems = byAt < 0 ? [] : parseArguments(text, byAt, end, issues);

  const list = readAggregations(text, [...items, ...byItems], issues);
  for (const field of list.fields) {
    issues.push({ message: `\`${field}\` is not an aggregation`, span: { start, end: headEnd } });
  }
  return {
    kind: 'tstats',
    options: list.options,
    optionSpans: list.optionSpans,
    aggregations: list.aggregations,
    datamodel,
    where,
    by: list.by,
  };
}

/** Removes `from datamodel=X.Y` (or `from datamodel X.Y`, `from datamodel:X`) from the items. */
function takeDatamodel(
  items: ArgumentItem[],
  issues: ParseIssue[],
): { items: ArgumentItem[]; datamodel: string | null } {
  const fromAt = items.findIndex(
    (item) => item.kind === 'word' && item.text.toLowerCase() === 'from',
  );
  if (fromAt < 0) return { items, datamodel: null };
  const source = items[fromAt + 1];
  let datamodel: string | null = null;
  let used = 2;
  if (source?.kind === 'option' && source.name.toLowerCase() === 'datamodel') {
    datamodel = itemText(source.value);
  } else if (source?.kind === 'word' && source.text.toLowerCase().startsWith('datamodel:')) {
    datamodel = source.text.slice('datamodel:'.length);
  } else if (source?.kind === 'word' && source.text.toLowerCase() === 'datamodel') {
    datamodel = items[fromAt + 2] ? itemText(items[fromAt + 2]) : null;
    used = 3;
  }
  if (datamodel === null) {
    issues.push({ message: '`from` needs `datamodel=<name>`', span: items[fromAt].span });
    used = 1;
  }
  return { items: [...items.slice(0, fromAt), ...items.slice(fromAt + used)], datamodel };
}
