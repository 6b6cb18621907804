// Elasticsearch regexes (EQL `regex`, ES|QL `RLIKE`, query DSL `regexp`) are Lucene regular
// expressions: they match the whole value, `.` matches any character, `^` and `$` are plain
// characters, `@` is any string and `"…"` a literal. They are rewritten into RE2's syntax, one
// character at a time (never by pattern replacement), and run by linear-regex.ts.

import { compileLinearRegex, type LinearRegex } from '../linear-regex.js';

export type LuceneRegex = LinearRegex | { unsupported: string };

const SHORTHAND_CLASSES = 'dDsSwW';
const RE2_SPECIAL = '\\.+*?()|[]{}^$';
/** Operators RE2 has no equivalent for: complement, intersection, numeric interval, empty. */
const UNSUPPORTED: Record<string, string> = {
  '~': 'the complement operator ~',
  '&': 'the intersection operator &',
  '<': 'a numeric interval <…>',
  '#': 'the empty language #',
};

// LIMITATION: the complement (`~`), intersection (`&`), interval (`<1-5>`) and empty-language
// (`#`) operators have no RE2 form — a regex using them leaves the event undecided.
export function luceneRegex(pattern: string, caseInsensitive: boolean): LuceneRegex {
  const translated = translate(pattern);
  if (typeof translated !== 'string') return translated;
  const compiled = compileLinearRegex(`^(?:${translated})$`, { caseInsensitive, dotAll: true });
  if ('unsupported' in compiled) {
    return { unsupported: `regex ${pattern}: ${compiled.unsupported}` };
  }
  return compiled;
}

function translate(pattern: string): string | { unsupported: string } {
  const chars = [...pattern];
  let out = '';
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index];
    if (char === '\\') {
      const next = chars[++index];
      if (next === undefined) return unsupported(pattern, 'a trailing backslash');
      out += SHORTHAND_CLASSES.includes(next) ? `\\${next}` : literal(next);
    } else if (char === '"') {
      const close = chars.indexOf('"', index + 1);
      if (close < 0) return unsupported(pattern, 'an unterminated quoted string');
      out += chars.slice(index + 1, close).map(literal).join('');
      index = close;
    } else if (char === '[') {
      const end = classEnd(chars, index);
      if (end < 0) return unsupported(pattern, 'an unterminated character class');
      out += characterClass(chars.slice(index + 1, end));
      index = end;
    } else if (Object.hasOwn(UNSUPPORTED, char)) {
      return unsupported(pattern, UNSUPPORTED[char]);
    } else if (char === '(' && chars[index + 1] === '?') {
      return unsupported(pattern, "'(?' (Lucene has no group flags)");
    } else if (char === '@') {
      out += '.*';
    } else {
      out += char === '^' || char === '$' ? `\\${char}` : char;
    }
  }
  return out;
}

/** Index of the `]` closing the class opened at `open`, or -1. */
function classEnd(chars: string[], open: number): number {
  let index = open + 1;
  if (chars[index] === '^') index++;
  if (chars[index] === ']') index++;
  for (; index < chars.length; index++) {
    if (chars[index] === '\\') index++;
    else if (chars[index] === ']') return index;
  }
  return -1;
}

/** A class body: `^` negates at the start, `-` makes ranges, `\` quotes the next character. */
function characterClass(body: string[]): string {
  let out = '[';
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (char === '\\') {
      const next = body[++index] ?? '\\';
      out += SHORTHAND_CLASSES.includes(next) ? `\\${next}` : classLiteral(next);
    } else if ((char === '^' && index === 0) || char === '-') {
      out += char;
    } else {
      out += classLiteral(char);
    }
  }
  return `${out}]`;
}

function literal(char: string): string {
  return RE2_SPECIAL.includes(char) ? `\\${char}` : char;
}

/** Inside a class RE2 takes any ASCII punctuation quoted, and nothing else. */
function classLiteral(char: string): string {
  return /[!-/:-@[-`{-~]/.test(char) ? `\\${char}` : char;
}

function unsupported(pattern: string, what: string): { unsupported: string } {
  return { unsupported: `regex ${pattern} uses ${what}` };
}
