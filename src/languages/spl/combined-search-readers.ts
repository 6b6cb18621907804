// Readers for commands that combine searches: `union [<option>=…] <dataset>…` (subsearches
// or named datasets) and `multisearch <subsearch> <subsearch>…`.

import type { ArgumentList } from './argument-list.js';
import type { CommandArgs, NestedSearch, UnionDataset } from './syntax.js';

export function readUnion(list: ArgumentList): CommandArgs {
  const options = list.otherOptions();
  const datasets: UnionDataset[] = [];
  for (const item of list.positional()) {
    if (item.kind === 'subsearch') {
      list.take(item);
      datasets.push({ kind: 'subsearch', pipeline: item.pipeline, span: item.span });
      continue;
    }
    const name = list.textOf(item, 'a subsearch or a dataset name');
    if (name !== null) datasets.push({ kind: 'named', name, span: item.span });
  }
  if (datasets.length === 0) list.reportMissing('datasets or subsearches to combine');
  list.reportUnread();
  return { kind: 'union', datasets, options };
}

export function readMultisearch(list: ArgumentList): CommandArgs {
  const searches: NestedSearch[] = [];
  for (const item of list.positional()) {
    if (item.kind !== 'subsearch') continue;
    list.take(item);
    searches.push({ kind: 'subsearch', pipeline: item.pipeline, span: item.span });
  }
  if (searches.length < 2) list.reportMissing('at least two subsearches');
  list.reportUnread();
  return { kind: 'multisearch', searches };
}
