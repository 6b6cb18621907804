// An event as Sigma reads it: fields found by exact name first, then in any letter case; values
// of multi-valued fields one by one; each value also as text and as lower-case text. Shared by
// every Sigma rule evaluated on the same event, so this work is done once per event.

import type { EventRecord, EventValue } from '../event-record.js';

export type EventScalar = string | number | boolean | null;

export interface FieldValues {
  /** Every value, lists flattened; a null value stays null. */
  scalars: EventScalar[];
  /** The non-null values as text (numbers in decimal, booleans as `true`/`false`). */
  texts: string[];
  /** `texts` in lower case, for case-insensitive comparison. */
  folded: string[];
}

const views = new WeakMap<EventRecord, EventView>();

export function viewOf(record: EventRecord): EventView {
  let view = views.get(record);
  if (!view) views.set(record, (view = new EventView(record)));
  return view;
}

export class EventView {
  private readonly byName = new Map<string, FieldValues | null>();
  private lowerCaseNames: Map<string, string> | null = null;
  private everyValue: FieldValues | null = null;

  constructor(readonly record: EventRecord) {}

  /** The field's values, or null when the event has no such field. */
  field(name: string): FieldValues | null {
    let values = this.byName.get(name);
    if (values === undefined) {
      const value = this.lookup(name);
      values = value === undefined ? null : fieldValues([value]);
      this.byName.set(name, values);
    }
    return values;
  }

  /** Every value of every field, for keywords (searches not bound to a field). */
  allValues(): FieldValues {
    this.everyValue ??= fieldValues([...this.record.fields.values()]);
    return this.everyValue;
  }

  private lookup(name: string): EventValue | undefined {
    const fields = this.record.fields;
    const exact = fields.get(name);
    if (exact !== undefined) return exact;
    if (!this.lowerCaseNames) {
      this.lowerCaseNames = new Map();
      for (const key of fields.keys()) {
        const lower = key.toLowerCase();
        if (!this.lowerCaseNames.has(lower)) this.lowerCaseNames.set(lower, key);
      }
    }
    const key = this.lowerCaseNames.get(name.toLowerCase());
    return key === undefined ? undefined : fields.get(key);
  }
}

function fieldValues(values: EventValue[]): FieldValues {
  const scalars: EventScalar[] = [];
  const flatten = (value: EventValue): void => {
    if (Array.isArray(value)) value.forEach(flatten);
    else scalars.push(value);
  };
  values.forEach(flatten);

  const texts: string[] = [];
  for (const scalar of scalars) if (scalar !== null) texts.push(String(scalar));
  return { scalars, texts, folded: texts.map((text) => text.toLowerCase()) };
}
