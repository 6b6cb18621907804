// One event on its way through an SPL pipeline: its fields as the commands so far left them
// (eval assigns, rename moves, table keeps), plus the fields the matcher cannot know —
// whatever a lookup without an output list, `xmlkv` or `spath` may have added.

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

export class SplEvent {
  private constructor(
    /** Known values; null marks a field known to be absent (removed, set to null). */
    private readonly values: Map<string, FieldValue | Unknown | null>,
    private layers: UnknownFields[],
  ) {}

  static of(record: EventRecord): SplEvent {
    const known = new Map<string, FieldValue>();
    for (const [name, value] of record.fields) {
      const field = fieldValueOf(value);
      if (field !== null) known.set(name, field);
    }
    for (const [name, value] of windowsDerivedFields(known)) known.set(name, value);
    if (!known.has(RAW)) known.set(RAW, record.raw);
    return new SplEvent(new Map(known), [...METADATA_FIELDS]);
  }

  get(field: string): FieldReading {
    const value = this.values.get(field);
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
    this.values.set(field, value);
  }

  /** Names of the fields with a value, known or not (not those a layer may add). */
  names(): string[] {
    return [...this.values].filter(([, value]) => value !== null).map(([name]) => name);
  }

  /** Fields the matcher cannot know from now on (those already set keep their values). */
  addUnknown(layer: UnknownFields): void {
    this.layers.push(layer);
  }

  /** Keeps only the fields `keep` accepts: `fields`, `table`. */
  restrict(keep: (field: string) => boolean): void {
    for (const name of [...this.values.keys()]) {
      if (!keep(name)) this.values.delete(name);
    }
    this.layers = this.layers.map((layer) => ({
      ...layer,
      covers: (field) => keep(field) && layer.covers(field),
    }));
  }

  /** Sets every known field `covers` accepts to unknown: commands that rewrite them. */
  forget(covers: (field: string) => boolean, reason: string): void {
    for (const [name, value] of this.values) {
      if (value === null || !covers(name)) continue;
      const present = !isUnknown(value) || value.present === true;
      this.values.set(name, { unknown: `\`${name}\` ${reason}`, present });
    }
    this.addUnknown({ covers, reason });
  }

  copy(): SplEvent {
    return new SplEvent(new Map(this.values), [...this.layers]);
  }
}
