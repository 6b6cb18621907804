// Reads `map search="<search>" | [<subsearch>] | <saved search> [maxsearches=<n>]`: a search
// run once per row, with `$field$` replaced by the row's values. A quoted search is parsed as
// a pipeline of its own, its spans offsets into the string's value. It is a template Splunk
// completes when it runs (macros expanded, `$field$` filled), so what its parse finds stays
// with its commands instead of counting against the search that holds it.

import type { ArgumentList } from './argument-list.js';
import { parsePipeline } from './pipeline-parser.js';
import type { CommandArgs, NestedSearch } from './syntax.js';

export function readMap(list: ArgumentList): CommandArgs {
  let search: NestedSearch | null = null;
  const option = list.option('search');
  if (option?.value.kind === 'string') {
    const { value, span } = option.value;
    // LIMITATION: macros inside a quoted search are not expanded (Splunk expands them when the
    // search runs) — its commands show the calls as written, read as the syntax allows.
    search = { kind: 'quoted', text: value, pipeline: parsePipeline(value), span };
  } else if (option) list.report('`search=` needs the search in quotes', option);

  const options = list.otherOptions();
  let savedSearch: string | null = null;
  for (const item of list.positional()) {
    if (search || savedSearch !== null) break;
    if (item.kind === 'subsearch') {
      list.take(item);
      search = { kind: 'subsearch', pipeline: item.pipeline, span: item.span };
    } else savedSearch = list.textOf(item, 'a search, a subsearch or a saved search name');
  }
  if (!search && savedSearch === null && !option) {
    list.reportMissing('`search="…"`, a subsearch or a saved search');
  }
  list.reportUnread();
  return { kind: 'map', search, savedSearch, options };
}
