// Applies a detection item's modifiers, in the order written, to its values. A chain the
// specification does not define yields a problem naming the modifier, never a guess.

import type { Span } from '../../ir/index.js';
import type { ModifierUse } from '../../languages/sigma/field-key.js';
import { isModifierName, MODIFIER_KINDS } from '../../languages/sigma/modifiers.js';
import { mergeAdjacent, type PatternPart } from '../../languages/sigma/string-value.js';
import type { Comparison, ModifiedValue, ModifiedValues } from './modified-value.js';
import {
  base64Of,
  base64OffsetsOf,
  bytesOfText,
  UTF16_BYTE_ORDER_MARK,
  utf16Of,
  WINDASH_CHARACTERS,
  WINDASH_MAXIMUM_DASHES,
} from './value-encodings.js';

export interface ChainProblem {
  code: string;
  message: string;
  /** Offsets into the detection key. */
  span?: Span;
}

export type ChainResult =
  | { ok: true; modified: ModifiedValues }
  | { ok: false; problem: ChainProblem };

const COMPARISONS: Partial<Record<string, Comparison>> = {
  re: 'regex',
  cidr: 'cidr',
  lt: 'lt',
  lte: 'le',
  gt: 'gt',
  gte: 'ge',
  exists: 'exists',
  fieldref: 'fieldref',
};

const ANCHORS = ['contains', 'startswith', 'endswith'];

/** Raised by a modifier step and caught in `applyModifiers`; it never leaves this module. */
class ChainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type StringValue = Extract<ModifiedValue, { kind: 'string' }>;

interface ChainState {
  modified: ModifiedValues;
  /** The first transformation applied; type modifiers cannot follow one. */
  transformedBy: string | null;
  /** The type modifier that set the comparison; transformations cannot follow one. */
  typedBy: string | null;
}

export function applyModifiers(modifiers: ModifierUse[], values: ModifiedValue[]): ChainResult {
  const state: ChainState = {
    modified: {
      comparison: 'match',
      values: values.map((value) => [value]),
      linkAll: false,
      cased: false,
      negated: false,
      regexFlags: '',
      anchored: false,
      timePart: null,
    },
    transformedBy: null,
    typedBy: null,
  };

  for (const [position, modifier] of modifiers.entries()) {
    try {
      checkCombination(modifier.name, modifiers, position);
      applyModifier(modifier.name, state);
    } catch (error) {
      if (!(error instanceof ChainError)) throw error;
      const problem = { code: error.code, message: error.message, span: modifier.span };
      return { ok: false, problem };
    }
  }
  return { ok: true, modified: state.modified };
}

/**
 * Combinations the specification rules out wherever they stand in the chain: `base64offset`
 * yields fragments of a longer text, which only a later `contains` can look for; placeholders
 * are filled into matched values, not into patterns, networks, numbers or field names.
 */
function checkCombination(name: string, chain: ModifierUse[], position: number): void {
  const later = chain.slice(position + 1);
  if (name === 'base64offset' && !later.some((modifier) => modifier.name === 'contains')) {
    invalidChain(`'base64offset' needs 'contains' after it`);
  }
  if (name !== 'expand') return;
  const typed = chain.find((modifier) => Object.hasOwn(COMPARISONS, modifier.name));
  if (typed) invalidChain(`'expand' cannot be combined with '${typed.name}'`);
}

function applyModifier(name: string, state: ChainState): void {
  if (!isModifierName(name)) {
    throw new ChainError('sigma.unknown-modifier', `'${name}' is not a Sigma modifier`);
  }
  const modified = state.modified;

  switch (MODIFIER_KINDS[name]) {
    case 'transformation':
      if (name === 'expand') return; // it changes how values are parsed, before the chain runs
      const typed = state.typedBy ?? modified.timePart;
      if (typed) invalidChain(`'${name}' cannot follow '${typed}'`);
      modified.values = modified.values.map((alternatives) =>
        alternatives.flatMap((value) => transform(name, value)),
      );
      modified.anchored ||= ANCHORS.includes(name);
      state.transformedBy ??= name;
      return;
    case 'type': {
      const earlier = state.typedBy ?? state.transformedBy;
      if (earlier) invalidChain(`'${name}' cannot follow '${earlier}'`);
      modified.comparison = COMPARISONS[name] ?? modified.comparison;
      state.typedBy = name;
      return;
    }
    case 'regex-flag':
      if (modified.comparison !== 'regex') {
        invalidChain(`the regex flag '${name}' needs 're' before it`);
      }
      // Kept in one order (`ims`), so equal flag sets read the same whatever order was written.
      modified.regexFlags = [...new Set([...modified.regexFlags, name])].sort().join('');
      return;
    case 'time': {
      const earlier = state.typedBy ?? state.transformedBy ?? modified.timePart;
      if (earlier) invalidChain(`'${name}' cannot follow '${earlier}'`);
      modified.timePart = name;
      return;
    }
    case 'linking':
      modified.linkAll = true;
      return;
    case 'case':
      modified.cased = true;
      return;
    case 'negation':
      modified.negated = true;
      return;
  }
}

function invalidChain(message: string): never {
  throw new ChainError('sigma.invalid-modifier-chain', message);
}

function invalidValue(message: string): never {
  throw new ChainError('sigma.invalid-value', message);
}

function transform(name: string, value: ModifiedValue): ModifiedValue[] {
  const text = asString(value, name);
  switch (name) {
    case 'contains':
      return [withParts(text, [{ kind: 'any' }, ...text.parts, { kind: 'any' }])];
    case 'startswith':
      return [withParts(text, [...text.parts, { kind: 'any' }])];
    case 'endswith':
      return [withParts(text, [{ kind: 'any' }, ...text.parts])];
    case 'windash':
      return windashForms(text.parts).map((parts) => withParts(text, parts));
    case 'base64':
      return [encodedText(base64Of(plainBytes(text, name)))];
    case 'base64offset':
      return [...new Set(base64OffsetsOf(plainBytes(text, name)))].map(encodedText);
    case 'wide':
    case 'utf16le':
      return [utf16Value(text, 'little-endian', false)];
    case 'utf16be':
      return [utf16Value(text, 'big-endian', false)];
    case 'utf16':
      return [utf16Value(text, 'little-endian', true)];
  }
  return [value];
}

/** Numbers become their decimal text; booleans and null cannot be transformed. */
function asString(value: ModifiedValue, name: string): StringValue {
  if (value.kind === 'string') return value;
  if (value.kind === 'number') return encodedText(String(value.value));
  const shown = value.kind === 'null' ? 'null' : String(value.value);
  return invalidValue(`'${name}' applies to strings, not to ${shown}`);
}

function withParts(value: StringValue, parts: PatternPart[]): StringValue {
  return { ...value, parts: mergeAdjacent(parts) };
}

function encodedText(text: string): StringValue {
  return { kind: 'string', parts: [{ kind: 'text', text }], written: text, bytes: false };
}

/** The bytes of a value without wildcards or placeholders, which no encoding can carry. */
function plainBytes(value: StringValue, name: string): string {
  let text = '';
  for (const part of value.parts) {
    if (part.kind !== 'text') {
      invalidValue(`'${name}' cannot encode a value with wildcards or placeholders`);
    }
    text += part.text;
  }
  return value.bytes ? text : bytesOfText(text);
}

/** Wildcards stay wildcards; the text between them is encoded. */
function utf16Value(
  value: StringValue,
  byteOrder: 'little-endian' | 'big-endian',
  byteOrderMark: boolean,
): StringValue {
  if (value.bytes) invalidChain('a UTF-16 modifier cannot encode a value twice');
  const parts = value.parts.map((part): PatternPart => {
    return part.kind === 'text' ? { kind: 'text', text: utf16Of(part.text, byteOrder) } : part;
  });
  const mark: PatternPart[] = byteOrderMark ? [{ kind: 'text', text: UTF16_BYTE_ORDER_MARK }] : [];
  return { ...value, parts: mergeAdjacent([...mark, ...parts]), bytes: true };
}

/** Every way of writing the value's dashes with any of the windash characters. */
function windashForms(parts: PatternPart[]): PatternPart[][] {
  const dashes = parts.reduce((count, part) => count + dashCount(part), 0);
  if (dashes > WINDASH_MAXIMUM_DASHES) {
    throw new ChainError(
      'sigma.windash-too-many',
      `'windash' over ${dashes} dashes would make ${5 ** dashes} values; up to ` +
        `${WINDASH_MAXIMUM_DASHES} dashes are spelled out`,
    );
  }

  let forms: PatternPart[][] = [[]];
  for (const part of parts) {
    const spellings = part.kind === 'text' ? dashSpellings(part.text) : [part];
    forms = forms.flatMap((form) => spellings.map((spelling) => [...form, spelling]));
  }
  return forms;
}

/** The text as written first, then with each dash replaced by each other dash. */
function dashSpellings(text: string): PatternPart[] {
  let texts = [''];
  for (const character of text) {
    const choices = WINDASH_CHARACTERS.includes(character)
      ? [character, ...WINDASH_CHARACTERS.filter((dash) => dash !== character)]
      : [character];
    texts = texts.flatMap((prefix) => choices.map((choice) => prefix + choice));
  }
  return texts.map((spelling) => ({ kind: 'text', text: spelling }));
}

function dashCount(part: PatternPart): number {
  if (part.kind !== 'text') return 0;
  return [...part.text].filter((character) => WINDASH_CHARACTERS.includes(character)).length;
}
