// Readers for generating commands that read one dataset: `inputlookup` (a lookup table, with
// an optional `where` search), `from` (a typed dataset), `datamodel`, `makeresults`, `rest`.

import { ArgumentList } from './argument-list.js';
import { findKeyword } from './keyword-scan.js';
import { parseSearch } from './search-parser.js';
import type { ArgumentItem, CommandArgs, ParseIssue } from './syntax.js';

/** `inputlookup [append=…] [strict=…] [start=…] [max=…] <table> [where <search>]` */
export function readInputlookup(
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
): CommandArgs {
  const whereAt = findKeyword(text, start, end, 'where');
  const list = ArgumentList.of('inputlookup', text, start, whereAt < 0 ? end : whereAt, issues);
  const options = list.otherOptions();
  const table = tableOf(list);
  list.reportUnread();
  const where = whereAt < 0 ? null : parseSearch(text, whereAt + 'where'.length, end, issues);
  if (whereAt >= 0 && where === null) {
    issues.push({ message: '`where` needs a search', span: { start: whereAt, end } });
  }
  return { kind: 'inputlookup', table, options, where };
}

/** The one lookup table (file or definition) a command names. */
export function tableOf(list: ArgumentList): string | null {
  const [item] = list.positional();
  if (!item) {
    list.reportMissing('a lookup table');
    return null;
  }
  return list.textOf(item, 'a lookup table name');
}

/** Dataset types `from` reads, written `<type>:<name>` (or `<type> <name>`). */
const DATASET_TYPES = new Set(['datamodel', 'lookup', 'savedsearch', 'inputlookup']);

const DATASET = 'a dataset such as `datamodel:Web`';

/** `from <type>:<name>`, `from <type>:"<name>"` or `from <type> <name>` */
export function readFrom(list: ArgumentList): CommandArgs {
  const [first, second] = list.positional();
  const written = first ? list.textOf(first, DATASET) : null;
  if (!first) list.reportMissing(DATASET);
  const args = first && written !== null
    ? datasetOf(list, written, first, second)
    : { kind: 'from' as const, datasetType: null, dataset: null };
  list.reportUnread();
  return args;
}

/** The dataset of `type:name`, `type:` and a quoted name, `type name`, or a name alone. */
function datasetOf(
  list: ArgumentList,
  written: string,
  first: ArgumentItem,
  second: ArgumentItem | undefined,
): CommandArgs {
  const colon = written.indexOf(':');
  const named = DATASET_TYPES.has(written.toLowerCase()) ? written : null;
  const datasetType = colon > 0 ? written.slice(0, colon) : named;
  const rest = colon > 0 ? written.slice(colon + 1) : named === null ? written : '';
  if (rest !== '' || datasetType === null) return { kind: 'from', datasetType, dataset: rest };
  if (!second) {
    list.report(`\`${written}\` needs a dataset name after it`, first);
    return { kind: 'from', datasetType, dataset: null };
  }
  return { kind: 'from', datasetType, dataset: list.textOf(second, 'a dataset name') };
}

const SEARCH_MODES = new Set(['search', 'flat', 'acceleration_search']);

/** `datamodel [<model> [<dataset>]] [search | flat | acceleration_search] [<option>=…]` */
export function readDatamodel(list: ArgumentList): CommandArgs {
  const options = list.otherOptions();
  const words = list.texts(list.positional(), 'a data model, dataset or search mode');
  const last = words.at(-1);
  const mode = last !== undefined && SEARCH_MODES.has(last.toLowerCase()) ? last : null;
  const names = mode === null ? words : words.slice(0, -1);
  if (names.length > 2) list.report('`datamodel` takes a data model and a dataset', list);
  return { kind: 'datamodel', model: names[0] ?? null, dataset: names[1] ?? null, mode, options };
}

/** `makeresults [count=<n>] [annotate=<bool>] [<option>=…]` */
export function readMakeresults(list: ArgumentList): CommandArgs {
  const count = list.count('count', 1);
  const annotate = list.boolean('annotate');
  const options = list.otherOptions();
  list.reportUnread();
  return { kind: 'makeresults', count, annotate, options };
}

/** `rest <endpoint> [count=…] [splunk_server=…] [<argument>=…]` */
export function readRest(list: ArgumentList): CommandArgs {
  const options = list.otherOptions();
  const [item] = list.positional();
  const endpoint = item ? list.textOf(item, 'an endpoint such as `/services/server/info`') : null;
  if (!item) list.reportMissing('an endpoint such as `/services/server/info`');
  list.reportUnread();
  return { kind: 'rest', endpoint, options };
}
