// The `[ … ]` subsearches a command's arguments hold, whatever their reader: what a lowering
// turns into nested stages. Quoted searches (`map search="…"`) are not among them: their spans
// point into the string's value, not into the command's text.

import type { Span } from '../../ir/index.js';
import type { CommandArgs, Pipeline } from './syntax.js';

export interface Subsearch {
  pipeline: Pipeline;
  span: Span;
}

export function nestedSubsearches(args: CommandArgs): Subsearch[] {
  switch (args.kind) {
    case 'arguments':
      return args.items.flatMap((item) => (item.kind === 'subsearch' ? [item] : []));
    case 'union':
      return args.datasets.flatMap((dataset) => (dataset.kind === 'subsearch' ? [dataset] : []));
    case 'multisearch':
      return args.searches.flatMap((search) => (search.kind === 'subsearch' ? [search] : []));
    case 'map':
      return args.search?.kind === 'subsearch' ? [args.search] : [];
    default:
      return [];
  }
}
