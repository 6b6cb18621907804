// Which fields a subsearch's rows carry when they come back as conditions: what its last
// `table`, `fields`, `stats`, `rename`, `eval` or `return` leaves, followed command by command.

import type {
  Aggregation,
  ArgumentItem,
  CommandNode,
  Pipeline,
} from '../../languages/spl/syntax.js';

/** The returned fields in order; empty when the search does not say (every field counts). */
export function returnedFields(pipeline: Pipeline): string[] {
  let fields: string[] | null = null;
  for (const command of pipeline.commands) fields = fieldsAfter(command, fields);
  return fields ?? [];
}

/** The fields known after `command`, given those known before it (null: not known). */
function fieldsAfter(command: CommandNode, before: string[] | null): string[] | null {
  const { args } = command;
  switch (args.kind) {
    case 'fields':
      if (args.mode === '+') return [...args.fields];
      return before && before.filter((field) => !args.fields.includes(field));
    case 'stats':
    case 'tstats':
      return [...args.by, ...args.aggregations.map(outputName)];
    case 'rename':
      return before && before.map(
        (field) => args.renames.find((rename) => rename.field === field)?.as ?? field,
      );
    case 'eval':
      return before && [...new Set([...before, ...args.assignments.map((a) => a.field)])];
    case 'arguments':
      if (command.name.toLowerCase() === 'return') return returnArguments(args.items);
      return before;
    default:
      return before;
  }
}

function outputName(aggregation: Aggregation): string {
  if (aggregation.as) return aggregation.as;
  if (aggregation.field === null) return aggregation.function;
  return `${aggregation.function}(${aggregation.field})`;
}

/** `return [count] field alias=field $field`: the names the returned conditions use. */
function returnArguments(items: ArgumentItem[]): string[] {
  const fields: string[] = [];
  for (const item of items) {
    if (item.kind === 'option') fields.push(item.name);
    if (item.kind !== 'word' || /^\d+$/.test(item.text) || item.text.startsWith('$')) continue;
    fields.push(item.text);
  }
  return fields;
}
