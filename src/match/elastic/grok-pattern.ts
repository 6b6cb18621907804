// ES|QL GROK patterns: `%{SYNTAX:name}` references to named patterns and `(?<name>…)` groups,
// rewritten into one RE2 pattern (scanning the text, never rewriting it with a regex) whose
// named groups give the columns. The pattern matches anywhere in the value.

import { compileLinearRegex, isLinearRegex } from '../linear-regex.js';

export interface GrokPattern {
  /** The columns the pattern writes. */
  columns: string[];
  /** The columns' values (null for a group that took no part), or null when it does not match. */
  match(text: string): Map<string, string | number | null> | null;
}

// LIMITATION: only the named patterns below are known (the common ones of Elasticsearch's grok
// library, IPV6 simplified to hexadecimal groups with colons) — a GROK using another leaves its
// columns unknown, and conditions on them undecided.
const NAMED_PATTERNS: Record<string, string> = {
  WORD: '\\b\\w+\\b',
  NOTSPACE: '\\S+',
  SPACE: '\\s*',
  DATA: '.*?',
  GREEDYDATA: '.*',
  INT: '[+-]?[0-9]+',
  POSINT: '\\b[1-9][0-9]*\\b',
  NONNEGINT: '\\b[0-9]+\\b',
  NUMBER: '[+-]?(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)',
  BASE10NUM: '[+-]?(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)',
  UUID: '[A-Fa-f0-9]{8}-(?:[A-Fa-f0-9]{4}-){3}[A-Fa-f0-9]{12}',
  USERNAME: '[a-zA-Z0-9._-]+',
  USER: '%{USERNAME}',
  EMAILADDRESS: '[a-zA-Z0-9!#$%&\'*+/=?^_`{|}~.-]+@%{HOSTNAME}',
  IPV4: '(?:%{IPV4BYTE}\\.){3}%{IPV4BYTE}',
  IPV4BYTE: '(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)',
  IPV6: '(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|%{IPV4})?',
  IP: '(?:%{IPV6}|%{IPV4})',
  HOSTNAME: '\\b[0-9A-Za-z][0-9A-Za-z-]{0,62}(?:\\.[0-9A-Za-z][0-9A-Za-z-]{0,62})*\\.?\\b',
  IPORHOST: '(?:%{IP}|%{HOSTNAME})',
  HOSTPORT: '%{IPORHOST}:%{POSINT}',
  URIPROTO: '[A-Za-z][A-Za-z0-9+\\-.]+',
  URIHOST: '%{IPORHOST}(?::%{POSINT})?',
  URIPATH: '(?:/[A-Za-z0-9$.+!*\'(){},~:;=@#%&_\\-]*)+',
  QUOTEDSTRING: '"(?:[^"\\\\]|\\\\.)*"',
};

/** Each capture: its RE2 group, the column it writes and the type it converts to. */
type Columns = { group: string; column: string; type: string | null }[];

/** Named patterns nest a few levels deep; a deeper reference is a loop. */
const MAX_NESTING = 8;

export function grokPattern(pattern: string): GrokPattern | { unsupported: string } {
  const columns: Columns = [];
  const translated = translate(pattern, columns, 0);
  if (typeof translated !== 'string') return translated;

  const regex = compileLinearRegex(translated);
  if (!isLinearRegex(regex)) return { unsupported: `GROK ${pattern}: ${regex.unsupported}` };
  const { namedGroups } = regex;
  if (namedGroups === undefined) return { unsupported: `GROK ${pattern} is not evaluated` };
  return {
    columns: columns.map((entry) => entry.column),
    match: (text) => {
      const groups = namedGroups(text);
      if (groups === null) return null;
      return new Map(columns.map(({ group, column, type }) => {
        const value = groups[group] ?? null;
        return [column, value === null || type === null ? value : converted(value, type)];
      }));
    },
  };
}

/** The pattern in RE2 syntax, each capture renamed `g<n>` (column names may hold dots). */
function translate(
  pattern: string,
  columns: Columns,
  depth: number,
): string | { unsupported: string } {
  if (depth > MAX_NESTING) return { unsupported: `GROK pattern nested too deeply: ${pattern}` };
  let out = '';
  let offset = 0;
  while (offset < pattern.length) {
    if (pattern.startsWith('%{', offset)) {
      const close = pattern.indexOf('}', offset);
      if (close < 0) return { unsupported: `GROK ${pattern} has an unclosed %{` };
      const [syntax, name, type] = pattern.slice(offset + 2, close).split(':');
      const named = NAMED_PATTERNS[syntax];
      if (named === undefined) return { unsupported: `GROK pattern %{${syntax}} is not known` };
      const inner = translate(named, columns, depth + 1);
      if (typeof inner !== 'string') return inner;
      out += name === undefined ? `(?:${inner})` : capture(columns, columnName(name), type, inner);
      offset = close + 1;
    } else if (pattern.startsWith('(?<', offset) && !'=!'.includes(pattern[offset + 3])) {
      const close = pattern.indexOf('>', offset);
      if (close < 0) return { unsupported: `GROK ${pattern} has an unclosed group name` };
      const group = `g${columns.length}`;
      columns.push({ group, column: pattern.slice(offset + 3, close), type: null });
      out += `(?P<${group}>`;
      offset = close + 1;
    } else if (pattern[offset] === '\\' && offset + 1 < pattern.length) {
      out += pattern.slice(offset, offset + 2);
      offset += 2;
    } else {
      out += pattern[offset++];
    }
  }
  return out;
}

function capture(
  columns: Columns,
  column: string,
  type: string | undefined,
  inner: string,
): string {
  const group = `g${columns.length}`;
  columns.push({ group, column, type: type ?? null });
  return `(?P<${group}>${inner})`;
}

/** ECS-style `[process][name]` is the column `process.name`. */
function columnName(name: string): string {
  if (!name.startsWith('[')) return name;
  return name.split(/[[\]]+/).filter((part) => part !== '').join('.');
}

function converted(value: string, type: string): string | number | null {
  if (type !== 'int' && type !== 'long' && type !== 'float' && type !== 'double') return value;
  const number = Number(value);
  if (Number.isNaN(number)) return null;
  return type === 'int' || type === 'long' ? Math.trunc(number) : number;
}
