// Applies a detection item's transformations (`contains`, `windash`, `base64offset`, `wide`, …)
// in the order written to one value, giving the forms the event is compared with (one of them
// must match).

import { parseStringValue, type PatternPart } from '../../languages/sigma/string-value.js';
import type { LogicScalarValue } from './logic-block.js';
import type { ModifierPlan, Transformation } from './modifier-plan.js';
import { WINDASH_CHARACTERS } from './text-pattern.js';
import {
  base64OffsetTexts,
  base64Text,
  LITTLE_ENDIAN_MARK,
  utf16Bytes,
  utf8Bytes,
} from './value-encodings.js';

export type ValueForm =
  | {
      kind: 'pattern';
      parts: PatternPart[];
      /** Dashes in the text stand for any windash character. */
      windash: boolean;
      /** The text holds encoded bytes (after a UTF-16 modifier). */
      bytes: boolean;
    }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' };

type PatternForm = Extract<ValueForm, { kind: 'pattern' }>;

// LIMITATION: a windash value with more dashes than this is not encoded (5^n spellings) — the
// item is undecided. Windash without an encoding has no limit: dashes then match as a class.
const ENCODED_WINDASH_DASHES = 4;

class FormProblem extends Error {}

const ANCHORS: Transformation[] = ['contains', 'startswith', 'endswith'];

/**
 * The forms of one value. A keyword (no field) is searched anywhere in the event, so it is
 * wrapped in `*` unless `contains`, `startswith` or `endswith` placed its wildcards.
 */
export function valueForms(
  value: LogicScalarValue,
  plan: ModifierPlan,
  keyword: boolean,
): ValueForm[] | { problem: string } {
  let forms: ValueForm[] = [initialForm(value, plan.expand)];
  try {
    for (const transformation of plan.transformations) {
      forms = forms.flatMap((form) => transform(transformation, form));
    }
    const anchored = plan.transformations.some((name) => ANCHORS.includes(name));
    if (keyword && !anchored) forms = forms.map((form) => wrapped(asPattern(form, 'a keyword')));
  } catch (error) {
    if (error instanceof FormProblem) return { problem: error.message };
    throw error;
  }
  return forms;
}

function initialForm(value: LogicScalarValue, placeholders: boolean): ValueForm {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  return { kind: 'pattern', parts: parseStringValue(value, { placeholders }), windash: false,
    bytes: false };
}

function transform(name: Transformation, form: ValueForm): ValueForm[] {
  const pattern = asPattern(form, `'${name}'`);
  switch (name) {
    case 'contains':
      return [wrapped(pattern)];
    case 'startswith':
      return [{ ...pattern, parts: [...pattern.parts, { kind: 'any' }] }];
    case 'endswith':
      return [{ ...pattern, parts: [{ kind: 'any' }, ...pattern.parts] }];
    case 'windash':
      if (pattern.bytes) throw new FormProblem(`'windash' cannot follow a UTF-16 modifier`);
      return [{ ...pattern, windash: true }];
    case 'base64':
      return plainSpellings(pattern, name).map((bytes) => plainForm(base64Text(bytes)));
    case 'base64offset':
      return plainSpellings(pattern, name).flatMap((bytes) => {
        return base64OffsetTexts(bytes).map(plainForm);
      });
    case 'utf16le':
    case 'wide':
      return utf16Forms(pattern, 'little-endian', '');
    case 'utf16be':
      return utf16Forms(pattern, 'big-endian', '');
    case 'utf16':
      return utf16Forms(pattern, 'little-endian', LITTLE_ENDIAN_MARK);
  }
}

/** Numbers become their decimal text; true, false and null have no text to transform. */
function asPattern(form: ValueForm, user: string): PatternForm {
  if (form.kind === 'pattern') return form;
  if (form.kind === 'number') return plainForm(String(form.value));
  const shown = form.kind === 'null' ? 'null' : String(form.value);
  throw new FormProblem(`${user} needs a string, not ${shown}`);
}

function wrapped(pattern: PatternForm): PatternForm {
  return { ...pattern, parts: [{ kind: 'any' }, ...pattern.parts, { kind: 'any' }] };
}

function plainForm(text: string): PatternForm {
  return { kind: 'pattern', parts: [{ kind: 'text', text }], windash: false, bytes: false };
}

/** The value's bytes, once per windash spelling; wildcards and placeholders cannot be encoded. */
function plainSpellings(pattern: PatternForm, name: string): string[] {
  let text = '';
  for (const part of pattern.parts) {
    if (part.kind !== 'text') {
      throw new FormProblem(`'${name}' cannot encode a value with wildcards or placeholders`);
    }
    text += part.text;
  }
  const spellings = pattern.windash ? dashSpellings(text) : [text];
  return pattern.bytes ? spellings : spellings.map(utf8Bytes);
}

/** UTF-16 keeps wildcards as wildcards and encodes the text between them. */
function utf16Forms(pattern: PatternForm, order: 'little-endian' | 'big-endian', mark: string) {
  if (pattern.bytes) throw new FormProblem('a UTF-16 modifier cannot encode bytes again');
  const spellings = pattern.windash ? spelledParts(pattern.parts) : [pattern.parts];
  return spellings.map((parts): ValueForm => {
    const encoded = parts.map((part): PatternPart => {
      return part.kind === 'text' ? { kind: 'text', text: utf16Bytes(part.text, order) } : part;
    });
    const marks: PatternPart[] = mark === '' ? [] : [{ kind: 'text', text: mark }];
    return { kind: 'pattern', parts: [...marks, ...encoded], windash: false, bytes: true };
  });
}

function spelledParts(parts: PatternPart[]): PatternPart[][] {
  let spellings: PatternPart[][] = [[]];
  for (const part of parts) {
    const choices: PatternPart[] = part.kind === 'text'
      ? dashSpellings(part.text).map((text) => ({ kind: 'text', text }))
      : [part];
    spellings = spellings.flatMap((done) => choices.map((choice) => [...done, choice]));
    if (spellings.length > 5 ** ENCODED_WINDASH_DASHES) throw tooManyDashes();
  }
  return spellings;
}

/** Every way of writing the text's dashes with the windash characters. */
function dashSpellings(text: string): string[] {
  let spellings = [''];
  for (const character of text) {
    const choices = WINDASH_CHARACTERS.has(character) ? [...WINDASH_CHARACTERS] : [character];
    spellings = spellings.flatMap((done) => choices.map((choice) => done + choice));
    if (spellings.length > 5 ** ENCODED_WINDASH_DASHES) throw tooManyDashes();
  }
  return spellings;
}

function tooManyDashes(): FormProblem {
  const limit = ENCODED_WINDASH_DASHES;
  return new FormProblem(`'windash' before an encoding is spelled out for up to ${limit} dashes`);
}
