// Flattens a JSON document such as an ECS event to dotted paths: `{"process": {"name": "x"}}`
// and `{"process.name": "x"}` both give the field `process.name`.

import type { EventValue } from '../event-record.js';
import { isJsonObject, valueOf } from './windows-event.js';

/**
 * Every leaf by its dotted path. Arrays of scalars are multi-valued fields; the objects inside
 * an array add their leaves to the same paths (`threat.technique.id` of each technique), so a
 * path reached several times holds all its values as one list.
 */
export function documentFields(document: Record<string, unknown>): Map<string, EventValue> {
  const fields = new Map<string, EventValue>();
  const add = (path: string, value: EventValue): void => {
    const known = fields.get(path);
    if (known === undefined) fields.set(path, value);
    else fields.set(path, [...asList(known), ...asList(value)]);
  };
  addObject(document, '', add);
  return fields;
}

type AddField = (path: string, value: EventValue) => void;

function addObject(object: Record<string, unknown>, prefix: string, add: AddField): void {
  for (const [key, value] of Object.entries(object)) {
    addValue(value, prefix === '' ? key : `${prefix}.${key}`, add);
  }
}

function addValue(value: unknown, path: string, add: AddField): void {
  if (isJsonObject(value)) {
    addObject(value, path, add);
    return;
  }
  if (!Array.isArray(value)) {
    add(path, valueOf(value));
    return;
  }
  const scalars: EventValue[] = [];
  for (const element of value) {
    if (isJsonObject(element) || Array.isArray(element)) addValue(element, path, add);
    else scalars.push(valueOf(element));
  }
  if (scalars.length > 0 || value.length === 0) add(path, scalars);
}

function asList(value: EventValue): EventValue[] {
  return Array.isArray(value) ? value : [value];
}
