// Which fields a subsearch's rows carry when they come back as conditions: what its last
// `table`, `fields`, `stats`, `rename`, `eval` or `return` leaves, followed command by command.

import type { Aggregation, CommandNode, Pipeline } from '../../languages/spl/syntax.js';

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
    case 'rex':
      if (args.options.mode?.toLowerCase() === 'sed' || args.pattern === null) return before;
      return before && [...new Set([...before, ...namedGroups(args.pattern)])];
    case 'return':
      return args.returns.flatMap((r) => (r.as === null ? [] : [r.as]));
    default:
      return before;
  }
}

function outputName(aggregation: Aggregation): string {
  if (aggregation.as) return aggregation.as;
  if (aggregation.field === null) return aggregation.function;
  return `${aggregation.function}(${aggregation.field})`;
}

/** The names of a pattern's named groups, `(?<name>…)` or `(?P<name>…)`, read left to right. */
function namedGroups(pattern: string): string[] {
  const names: string[] = [];
  for (let i = 0; i < pattern.length; i += 1) {
    if (pattern[i] === '\\') {
      i += 1;
      continue;
    }
    if (!pattern.startsWith('(?', i)) continue;
    const open = pattern.startsWith('(?P<', i) ? i + 4 : pattern.startsWith('(?<', i) ? i + 3 : -1;
    const close = open < 0 ? -1 : pattern.indexOf('>', open);
    const name = close < 0 ? '' : pattern.slice(open, close);
    if (name !== '' && name[0] !== '=' && name[0] !== '!') names.push(name);
  }
  return names;
}
