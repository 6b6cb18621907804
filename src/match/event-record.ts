// One event as the matcher sees it: where it was read from, and its fields under the names
// rules use (Windows events flattened, ECS documents by dotted path).

/** A field's value: scalars, or a list for multi-valued fields. */
export type EventValue = string | number | boolean | null | EventValue[];

export interface EventRecord {
  /** The events file, as the user named it or relative to the folder they named. */
  file: string;
  /** Position in the file from 0, across array elements, lines and concatenated objects. */
  index: number;
  /**
   * Fields by name. Windows events (`Event.System`, `Event.EventData`) are flattened to
   * `EventID`, `Channel`, `Provider_Name`, `Computer` and the EventData names; ECS documents
   * are keyed by dotted path (`process.name`), with nested objects also kept whole.
   */
  fields: ReadonlyMap<string, EventValue>;
  /** The event as one text, for raw-text terms (SPL bare words, Sigma keywords). */
  raw: string;
}
