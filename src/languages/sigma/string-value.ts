// The syntax of a Sigma string value: `*` and `?` wildcards, `\` escapes, and `%name%`
// placeholders (only under the `expand` modifier, where `\%` is a plain percent sign).

export type PatternPart =
  | { kind: 'text'; text: string }
  /** `*`: any number of characters. */
  | { kind: 'any' }
  /** `?`: exactly one character. */
  | { kind: 'one' }
  | { kind: 'placeholder'; name: string };

export interface StringValueOptions {
  placeholders: boolean;
}

export function parseStringValue(value: string, options: StringValueOptions): PatternPart[] {
  const parts: PatternPart[] = [];
  let text = '';

  for (let position = 0; position < value.length; position += 1) {
    const character = value[position];
    const next = value[position + 1];

    if (character === '\\') {
      const escapes = next === '*' || next === '?' || next === '\\';
      if (escapes || (options.placeholders && next === '%')) {
        text += next;
        position += 1;
      } else {
        text += character;
      }
      continue;
    }
    if (character === '*' || character === '?') {
      pushText(parts, text);
      text = '';
      parts.push({ kind: character === '*' ? 'any' : 'one' });
      continue;
    }
    if (character === '%' && options.placeholders) {
      const close = value.indexOf('%', position + 1);
      if (close > position + 1) {
        pushText(parts, text);
        text = '';
        parts.push({ kind: 'placeholder', name: value.slice(position + 1, close) });
        position = close;
        continue;
      }
    }
    text += character;
  }

  pushText(parts, text);
  return mergeAdjacent(parts);
}

function pushText(parts: PatternPart[], text: string): void {
  if (text !== '') parts.push({ kind: 'text', text });
}

/** Joins neighbouring text parts and collapses `**` into `*`, which matches the same strings. */
export function mergeAdjacent(parts: PatternPart[]): PatternPart[] {
  const merged: PatternPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (part.kind === 'text' && part.text === '') continue;
    if (last?.kind === 'text' && part.kind === 'text') {
      merged[merged.length - 1] = { kind: 'text', text: last.text + part.text };
    } else if (!(last?.kind === 'any' && part.kind === 'any')) {
      merged.push(part);
    }
  }
  return merged;
}

/**
 * Writes parts back as a pattern in which every literal `*`, `?` and `\` is escaped (and `%`
 * when the pattern holds placeholders), so the result reads back unambiguously. This is the
 * form the IR's `wildcard` and `placeholder` ops use.
 */
export function formatPattern(parts: PatternPart[]): string {
  const escapePercent = parts.some((part) => part.kind === 'placeholder');
  return parts.map((part) => formatPart(part, escapePercent)).join('');
}

function formatPart(part: PatternPart, escapePercent: boolean): string {
  switch (part.kind) {
    case 'any':
      return '*';
    case 'one':
      return '?';
    case 'placeholder':
      return `%${part.name}%`;
    case 'text':
      return escapeText(part.text, escapePercent);
  }
}

function escapeText(text: string, escapePercent: boolean): string {
  let escaped = '';
  for (const character of text) {
    const special = character === '*' || character === '?' || character === '\\';
    escaped += special || (escapePercent && character === '%') ? `\\${character}` : character;
  }
  return escaped;
}
