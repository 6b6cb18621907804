// Which fields a stage that computes, renames or formats may write or remove.
//
// After such a stage a condition or a group-by on a field it writes is no longer about the raw
// event; on any other field it still is. Only stages whose arguments say exactly what they
// write are trusted; for any other the answer is every field.

import type { Stage } from '../../ir/index.js';

export type WrittenFields = Set<string> | 'all';

/** Fields the stage may write or remove: named by its arguments, or 'all' when not known. */
export function fieldsWrittenBy(stage: Stage): WrittenFields {
  const { args } = stage;
  switch (stage.command.toLowerCase()) {
    case 'eval':
      return namesOf(listOf(args.assignments).map((assignment) => fieldOf(assignment, 'field')));
    case 'rename':
      return namesOf(
        listOf(args.renames).flatMap((rename) => [fieldOf(rename, 'from'), fieldOf(rename, 'to')]),
      );
    case 'fillnull':
      return namesOf(listOf(args.fields));
    case 'bin':
    case 'bucket':
      return namesOf(listOf(args.items).flatMap(binTargets));
    default:
      return 'all';
  }
}

/** The fields written so far and by one more stage. */
export function withWritten(written: WrittenFields, stage: Stage): WrittenFields {
  const more = fieldsWrittenBy(stage);
  if (written === 'all' || more === 'all') return 'all';
  return new Set([...written, ...more]);
}

/** Whether a field may have been written; computed names such as `len(f)` always may. */
export function mayBeWritten(written: WrittenFields, field: string): boolean {
  return written === 'all' || written.has(field) || field.includes('(');
}

/**
 * The field names, or 'all' when there are none (nothing was read from the arguments, or a
 * `fillnull` without fields fills every field), when one is not a name, or is a pattern
 * (`Processes.*` renames fields this analysis cannot list).
 */
function namesOf(fields: unknown[]): WrittenFields {
  if (fields.length === 0) return 'all';
  const names = new Set<string>();
  for (const field of fields) {
    if (typeof field !== 'string' || field === '' || field.includes('*')) return 'all';
    names.add(field);
  }
  return names;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function fieldOf(item: unknown, key: string): unknown {
  return item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[key] : null;
}

/** What a `bin` item writes: its field word, or the `as` name; other options write nothing. */
function binTargets(item: unknown): unknown[] {
  if (typeof item === 'string') return [item];
  const option = fieldOf(item, 'option');
  if (typeof option !== 'string') return [null];
  return option.toLowerCase() === 'as' ? [fieldOf(item, 'value')] : [];
}
