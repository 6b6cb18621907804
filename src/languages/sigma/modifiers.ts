// The value modifiers of the Sigma specification (modifiers appendix 2.1.0), by what they do.

/** Transformation modifiers rewrite values; type modifiers change how a value is compared. */
export const MODIFIER_KINDS = {
  contains: 'transformation',
  startswith: 'transformation',
  endswith: 'transformation',
  windash: 'transformation',
  base64: 'transformation',
  base64offset: 'transformation',
  utf16le: 'transformation',
  utf16be: 'transformation',
  utf16: 'transformation',
  wide: 'transformation',
  expand: 'transformation',
  all: 'linking',
  cased: 'case',
  neq: 'negation',
  re: 'type',
  i: 'regex-flag',
  m: 'regex-flag',
  s: 'regex-flag',
  cidr: 'type',
  lt: 'type',
  lte: 'type',
  gt: 'type',
  gte: 'type',
  exists: 'type',
  fieldref: 'type',
  minute: 'time',
  hour: 'time',
  day: 'time',
  week: 'time',
  month: 'time',
  year: 'time',
} as const;

export type ModifierName = keyof typeof MODIFIER_KINDS;

export function isModifierName(name: string): name is ModifierName {
  return Object.hasOwn(MODIFIER_KINDS, name);
}
