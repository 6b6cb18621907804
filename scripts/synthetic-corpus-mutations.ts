// How a synthetic rule differs from the real one it is made from: new ids, and values and field
// names varied by a pseudo-random generator seeded per rule and copy, so that the same seed
// always gives the same corpus. Values are kept, extended (a narrower rule: `contains "abcX"`
// implies `contains "abc"`) or replaced; some field names get a suffix (an unmapped field).

import { createHash } from 'node:crypto';

/** Pseudo-random numbers in [0, 1), the same sequence for the same seed text. */
export class SeededRandom {
  private state: number;

  constructor(seed: string) {
    this.state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  }

  /** The next number (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/** The variant of one rule: its copy number and the generator its choices come from. */
export interface Variant {
  copy: number;
  random: SeededRandom;
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/**
 * Every UUID of a file replaced by one derived from it and the copy: a rule's id and the ids
 * other rules of the same copy refer to it by stay consistent.
 */
export function withNewIds(text: string, seed: string, copy: number): string {
  return text.replace(UUID, (id) => {
    const hex = createHash('sha256').update(`${seed}:${copy}:${id.toLowerCase()}`).digest('hex');
    const parts = [hex.slice(0, 8), hex.slice(8, 12), `4${hex.slice(13, 16)}`, hex.slice(16, 20)];
    return `${parts.join('-')}-${hex.slice(20, 32)}`;
  });
}

/** A string value kept (half the time), extended, or replaced by an unrelated one. */
export function variedValue(value: string, variant: Variant): string {
  const roll = variant.random.next();
  if (roll < 0.5 || value === '') return value;
  const marker = `q${variant.copy}${Math.floor(variant.random.next() * 26).toString(36)}`;
  if (roll < 0.8) {
    // Before a trailing wildcard, so that the value stays a pattern of the same kind.
    return value.endsWith('*') ? `${value.slice(0, -1)}${marker}*` : `${value}${marker}`;
  }
  return `${marker}${value.length > 3 ? value.slice(3) : value}`;
}

/** A field name kept (mostly), or given a suffix no mapping knows. */
export function variedField(field: string, variant: Variant): string {
  return variant.random.next() < 0.15 ? `${field}_v${variant.copy}` : field;
}

/**
 * A query in a text language (SPL, KQL, EQL, ES|QL): the contents of its double-quoted
 * strings varied, and one of the fields it compares renamed throughout (outside quotes).
 */
export function variedQuery(query: string, variant: Variant): string {
  const fields = comparedFields(query);
  const renamed = fields.length > 0 && variant.random.next() < 0.3
    ? fields[Math.floor(variant.random.next() * fields.length)]
    : null;
  let out = '';
  let at = 0;
  while (at < query.length) {
    const ch = query[at];
    if (ch === '"') {
      const close = closingQuote(query, at);
      if (close === -1) return out + query.slice(at);
      out += `"${variedValue(query.slice(at + 1, close), variant)}"`;
      at = close + 1;
      continue;
    }
    if (isWordChar(ch)) {
      let end = at;
      while (end < query.length && isWordChar(query[end])) end++;
      const word = query.slice(at, end);
      out += word === renamed ? `${word}_v${variant.copy}` : word;
      at = end;
      continue;
    }
    out += ch;
    at++;
  }
  return out;
}

/** Index of the quote closing the string opened at `open` (backslash escapes skipped), or -1. */
function closingQuote(text: string, open: number): number {
  for (let at = open + 1; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '"') return at;
  }
  return -1;
}

/** Words directly followed by a comparison (`=`, `:`, `!=`, `==`, ` IN `, ` like `). */
function comparedFields(query: string): string[] {
  const fields = new Set<string>();
  const comparison = /([A-Za-z_][\w.@]*)\s*(?:!?==?|:|\s+(?:IN|in|like|LIKE)\s)/g;
  for (const match of query.matchAll(comparison)) fields.add(match[1]);
  return [...fields].filter((field) => field.length > 2);
}

function isWordChar(ch: string): boolean {
  return /[\w.@]/.test(ch);
}
