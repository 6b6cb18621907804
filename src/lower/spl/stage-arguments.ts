// A stage's parsed arguments as plain data for pages and JSON: names, options, functions and
// fields; expressions as their text; nested searches as their text and described commands.

import type {
  ArgumentItem,
  CommandArgs,
  NestedSearch,
  TransactionBoundary,
} from '../../languages/spl/syntax.js';

export function describeArguments(args: CommandArgs, text: string): Record<string, unknown> {
  const slice = (span: { start: number; end: number }) => text.slice(span.start, span.end);
  switch (args.kind) {
    case 'search':
    case 'where':
      return {};
    case 'eval':
      return {
        assignments: args.assignments.map(
          (a) => ({ field: a.field, expression: slice(a.expr.span) }),
        ),
      };
    case 'stats':
    case 'tstats': {
      const aggregations = args.aggregations.map((aggregation) => ({
        function: aggregation.function,
        field: aggregation.evalArg ? `eval(${slice(aggregation.evalArg.span)})` : aggregation.field,
        as: aggregation.as,
      }));
      const described: Record<string, unknown> = {
        options: args.options,
        aggregations,
        by: args.by,
      };
      if (args.kind === 'tstats') described.datamodel = args.datamodel;
      return described;
    }
    case 'rename':
      return { renames: args.renames.map((rename) => ({ from: rename.field, to: rename.as })) };
    case 'lookup':
      return {
        table: args.table,
        options: args.options,
        inputs: args.inputs.map(({ field, as }) => ({ field, as })),
        outputMode: args.outputMode,
        outputs: args.outputs.map(({ field, as }) => ({ field, as })),
      };
    case 'convert':
      return {
        options: args.options,
        conversions: args.conversions.map(
          ({ function: f, field, as }) => ({ function: f, field, as }),
        ),
      };
    case 'sort':
      return {
        limit: args.limit,
        keys: args.keys.map(({ field, descending, as }) => ({ field, descending, as })),
        descending: args.descending,
      };
    case 'replace':
      return {
        replacements: args.replacements.map(({ from, to }) => ({ from, to })),
        fields: args.fields,
      };
    case 'transaction': {
      const { kind: _kind, startswith, endswith, ...rest } = args;
      return {
        ...rest,
        startswith: startswith && describeBoundary(startswith, slice),
        endswith: endswith && describeBoundary(endswith, slice),
      };
    }
    case 'inputlookup':
      return {
        table: args.table,
        options: args.options,
        where: args.where && slice(args.where.span),
      };
    case 'union':
      return {
        datasets: args.datasets.map((dataset) => dataset.kind === 'named'
          ? { dataset: dataset.name }
          : describeSearch(dataset, text)),
        options: args.options,
      };
    case 'multisearch':
      return { searches: args.searches.map((search) => describeSearch(search, text)) };
    case 'map':
      return {
        search: args.search && describeSearch(args.search, text),
        savedSearch: args.savedSearch,
        options: args.options,
      };
    case 'head':
    case 'tail':
      return {
        count: args.count,
        condition: args.condition && slice(args.condition.span),
        options: args.options,
      };
    case 'strcat':
      return {
        sources: args.sources.map(({ kind, value }) => ({ [kind]: value })),
        target: args.target,
        allrequired: args.allrequired,
      };
    case 'rangemap':
      return {
        field: args.field,
        ranges: args.ranges.map(({ name, low, high }) => ({ name, low, high })),
        default: args.default,
      };
    case 'tojson':
      return {
        fields: args.fields.map(({ field, type }) => ({ field, type })),
        options: args.options,
      };
    case 'return':
      return { count: args.count, returns: args.returns.map(({ field, as }) => ({ field, as })) };
    case 'arguments':
      return { items: args.items.map((item) => describeItem(item, slice)) };
    case 'macro-stage':
      return { macro: args.call.name, args: args.call.args };
    default: {
      const { kind: _kind, ...rest } = args;
      return rest;
    }
  }
}

/**
 * A nested search: its text and its commands, each with its arguments described. A quoted
 * search's problems are listed with its commands (spans into its text): it is a template
 * completed when it runs, and a subsearch's are reported when it is lowered.
 */
function describeSearch(search: NestedSearch, text: string): Record<string, unknown> {
  const inner = search.kind === 'quoted' ? search.text : text;
  const commands = search.pipeline.commands.map((command) => {
    const described: Record<string, unknown> = {
      command: command.name,
      text: inner.slice(command.span.start, command.span.end),
      args: describeArguments(command.args, inner),
    };
    if (search.kind === 'quoted' && command.issues.length > 0) {
      described.issues = command.issues.map(({ message, span }) => ({ message, span }));
    }
    return described;
  });
  const searchText = search.kind === 'quoted'
    ? search.text
    : text.slice(search.pipeline.span.start, search.pipeline.span.end).trim();
  return { search: searchText, commands };
}

function describeBoundary(
  boundary: TransactionBoundary,
  slice: (span: { start: number; end: number }) => string,
): Record<string, unknown> {
  if (boundary.kind === 'quoted-search') return { search: boundary.text };
  if (!boundary.expr) return { [boundary.kind]: null };
  return { [boundary.kind]: slice(boundary.expr.span) };
}

function describeItem(
  item: ArgumentItem,
  slice: (span: { start: number; end: number }) => string,
): unknown {
  switch (item.kind) {
    case 'word':
      return item.text;
    case 'string':
      return { string: item.value };
    case 'option':
      return {
        option: item.name,
        comparator: item.comparator,
        value: describeItem(item.value, slice),
      };
    case 'call':
      return { call: item.name, args: item.args.map((arg) => describeItem(arg, slice)) };
    case 'comma':
      return ',';
    case 'macro':
      return { macro: item.call.name, args: item.call.args };
    case 'subsearch':
      return { subsearch: slice(item.span) };
  }
}
