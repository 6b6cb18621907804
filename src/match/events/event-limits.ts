// How much event input the matcher accepts, so a huge or hostile file fails with a message
// instead of exhausting memory or the stack.

export interface EventLimits {
  /** Bytes of one events file; a file is read whole. */
  fileBytes: number;
  /** Characters of one event's JSON text. */
  eventCharacters: number;
  /** Nesting of objects and arrays inside one event. */
  depth: number;
}

export const EVENT_LIMITS: EventLimits = {
  fileBytes: 256 * 2 ** 20,
  eventCharacters: 8 * 2 ** 20,
  depth: 64,
};
