// A stage's parsed arguments as plain data for pages and JSON: names, options, functions and
// fields; expressions and subsearches as their text.

import type { ArgumentItem, CommandArgs } from '../../languages/spl/syntax.js';

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
