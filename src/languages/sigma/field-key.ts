// Parses a detection key such as `CommandLine|contains|all` into its field and modifier chain.

import type { Span } from '../../ir/index.js';

export interface ModifierUse {
  /** As written; may be a name the specification does not define. */
  name: string;
  /** Offsets into the key text. */
  span: Span;
}

export interface FieldKey {
  /** Empty for keyword searches such as `'|all':`. */
  field: string;
  modifiers: ModifierUse[];
  /** Offsets into the key text of empty modifier names (`Field||contains`). */
  emptyModifiers: Span[];
}

export function parseFieldKey(key: string): FieldKey {
  const pieces: { text: string; start: number }[] = [];
  let start = 0;
  for (let position = 0; position <= key.length; position += 1) {
    if (position < key.length && key[position] !== '|') continue;
    pieces.push({ text: key.slice(start, position), start });
    start = position + 1;
  }

  const [field, ...modifierPieces] = pieces;
  const modifiers: ModifierUse[] = [];
  const emptyModifiers: Span[] = [];
  for (const piece of modifierPieces) {
    const span = { start: piece.start, end: piece.start + piece.text.length };
    if (piece.text === '') emptyModifiers.push(span);
    else modifiers.push({ name: piece.text, span });
  }
  return { field: field.text, modifiers, emptyModifiers };
}
