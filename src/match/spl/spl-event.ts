// One event on its way through an SPL pipeline: its fields as the commands so far left them
// (eval assigns, rename moves, table keeps), plus the fields the matcher cannot know —
// whatever a lookup without an output list, `xmlkv` or `spath` may have added. The event's
// own fields are read once per event and shared by every rule; each rule's changes are kept
// apart from them.

import type { EventRecord } from '../event-record.js';
import {
  fieldValueOf,
  isUnknown,
  type FieldReading,
  type FieldValue,
  type Unknown,
} from './field-value.js';
import { METADATA_FIELDS, windowsDerivedFields } from './splunk-metadata.js';

/** Fields a command may have set to values the matcher does not know. */
export interface UnknownFields {
  covers(field: string): boolean;
  /** Why, completing `<field> …`: `may come from lookup table x`. */
  reason: string;
  /** True when the fields surely have a value, only which one is unknown. */
  present?: boolean;
}

export const RAW = '_raw';

/** The fields of each event as SPL reads them, computed once however many rules read it. */
const recordFields = new WeakMap<EventRecord, ReadonlyMap<string, FieldValue>>();

function fieldsOf(record: EventRecord): ReadonlyMap<string, FieldValue> {
  let fields = recordFields.get(record);
  if (!fields) {
    const known = new Map<string, FieldValue>();
    for (const [name, value] of record.fields) {
      const field = fieldValueOf(value);
      if (field !== null) known.set(name, field);
    }
    for (const [name, value] of windowsDerivedFields(known)) known.set(name, value);
    if (!known.has(RAW)) known.set(RAW, record.raw);
    fields = known;
    recordFields.set(record, fields);
  }
  return fields;
}

export class SplEvent {
  private constructor(
    /** The event's own fields, shared and never changed. */
    private readonly own: ReadonlyMap<string, FieldValue>,
    /** Changes made by commands; null marks a field known to be absent. */
    private readonly changed: Map<string, FieldValue | Unknown | null>,
    private layers: UnknownFields[],
  ) {}

  static of(record: EventRecord): SplEvent {
    return new SplEvent(fieldsOf(record), new Map(), [...METADATA_FIELDS]);
  }

  get(field: string): FieldReading {
    const value = this.changed.has(field) ? this.changed.get(field) : this.own.get(field);
    if (value !== undefined) return value;
    for (const layer of this.layers) {
      if (!layer.covers(field)) continue;
      const unknown = { unknown: `\`${field}\` ${layer.reason}` };
      return layer.present ? { ...unknown, present: true } : unknown;
    }
    return null;
  }

  /** Null removes the field. */
  set(field: string, value: FieldValue | Unknown | null): void {
    this.changed.set(field, value);
  }

  /** Names of the fields with a value, known or not (not those a layer may add). */
  names(): string[] {
    const names: string[] = [];
    for (const name of this.own.keys()) {
      if (!this.changed.has(name)) names.push(name);
    }
    for (const [name, value] of this.changed) {
      if (value !== null) names.push(name);
    }
    return names;
  }

  /** Whether a field with a value has a name `accepts` accepts. */
  hasName(accepts: (name: string) => boolean): boolean {
    for (const name of this.own.keys()) {
      if (!this.changed.has(name) && accepts(name)) return true;
    }
    for (const [name, value] of this.changed) {
      if (value !== null && accepts(name)) return true;
    }
    return false;
  }

  /** Fields the matcher cannot know from now on (those already set keep their values). */
  addUnknown(layer: UnknownFields): void {
    this.layers.push(layer);
  }

  /** Keeps only the fields `keep` accepts: `fields`, `table`. */
  restrict(keep: (field: string) => boolean): void {
    for (const name of this.names()) {
      if (!keep(name)) this.changed.set(name, null);
    }
    this.layers = this.layers.map((layer) => ({
      ...layer,
      covers: (field) => keep(field) && layer.covers(field),
    }));
  }

  /** Sets every field `covers` accepts to unknown: commands that rewrite them. */
  forget(covers: (field: string) => boolean, reason: string): void {
    for (const name of this.names()) {
      if (!covers(name)) continue;
      const value = this.get(name);
      const present = !isUnknown(value) || value.present === true;
      this.changed.set(name, { unknown: `\`${name}\` ${reason}`, present });
    }
    this.addUnknown({ covers, reason });
  }

  copy(): SplEvent {
    return new SplEvent(this.own, new Map(this.changed), [...this.layers]);
  }
}
