// Splits a Sigma condition into words, parentheses, pipes and comparison operators, with offsets.

import type { Span } from '../../ir/index.js';

export type ConditionTokenKind = 'word' | 'lparen' | 'rparen' | 'pipe' | 'comparison' | 'end';

export interface ConditionToken {
  kind: ConditionTokenKind;
  text: string;
  span: Span;
}

const SINGLE_CHARACTER_TOKENS = new Map<string, ConditionTokenKind>([
  ['(', 'lparen'],
  [')', 'rparen'],
  ['|', 'pipe'],
]);

const COMPARISON_CHARACTERS = new Set(['<', '>', '=', '!']);

function isWhitespace(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r';
}

function isWordCharacter(character: string): boolean {
  if (isWhitespace(character)) return false;
  if (SINGLE_CHARACTER_TOKENS.has(character)) return false;
  return !COMPARISON_CHARACTERS.has(character);
}

/** Always ends with an `end` token; every character outside whitespace belongs to a token. */
export function tokenizeCondition(text: string): ConditionToken[] {
  const tokens: ConditionToken[] = [];
  let position = 0;

  while (position < text.length) {
    const character = text[position];
    if (isWhitespace(character)) {
      position += 1;
      continue;
    }

    const start = position;
    const single = SINGLE_CHARACTER_TOKENS.get(character);
    if (single) {
      position += 1;
    } else if (COMPARISON_CHARACTERS.has(character)) {
      while (position < text.length && COMPARISON_CHARACTERS.has(text[position])) position += 1;
    } else {
      while (position < text.length && isWordCharacter(text[position])) position += 1;
    }
    const kind = single ?? (COMPARISON_CHARACTERS.has(character) ? 'comparison' : 'word');
    tokens.push({ kind, text: text.slice(start, position), span: { start, end: position } });
  }

  tokens.push({ kind: 'end', text: '', span: { start: text.length, end: text.length } });
  return tokens;
}
