// ES|QL DISSECT patterns (`%{user} logged in from %{ip}`): the text between keys is a delimiter,
// each key takes the text up to the next occurrence of its delimiter, the last key the rest.

export interface DissectPattern {
  /** The columns the pattern writes, in order (skipped `%{?key}` and `%{}` keys excluded). */
  columns: string[];
  /** The keys' values, or null when the text does not fit the pattern. */
  match(text: string): Map<string, string> | null;
}

interface Part {
  /** Null for a key whose value is dropped. */
  key: string | null;
  /** `%{key->}`: the delimiter after it may repeat. */
  padded: boolean;
  /** The literal text after the key, up to the next key ('' at the end). */
  delimiter: string;
}

// LIMITATION: append (`%{+key}`) and reference (`%{*key}`, `%{&key}`) modifiers are not
// evaluated — a DISSECT using them gives unknown columns, so conditions on them are undecided.
export function dissectPattern(pattern: string): DissectPattern | { unsupported: string } {
  const first = pattern.indexOf('%{');
  if (first < 0) return { unsupported: `DISSECT pattern ${pattern} has no key` };
  const prefix = pattern.slice(0, first);
  const parts: Part[] = [];

  let offset = first;
  while (offset < pattern.length) {
    const close = pattern.indexOf('}', offset);
    if (close < 0) return { unsupported: `DISSECT pattern ${pattern} has an unclosed key` };
    let name = pattern.slice(offset + 2, close);
    const padded = name.endsWith('->');
    if (padded) name = name.slice(0, -2);
    if (/^[+*&]/.test(name)) {
      return { unsupported: `DISSECT key %{${name}} uses a modifier that is not evaluated` };
    }
    const next = pattern.indexOf('%{', close + 1);
    const end = next < 0 ? pattern.length : next;
    const key = name === '' || name.startsWith('?') ? null : name;
    parts.push({ key, padded, delimiter: pattern.slice(close + 1, end) });
    offset = end;
  }

  const keys = parts.flatMap((part) => (part.key === null ? [] : [part.key]));
  return { columns: keys, match: (text) => matchParts(text, prefix, parts) };
}

function matchParts(text: string, prefix: string, parts: Part[]): Map<string, string> | null {
  if (!text.startsWith(prefix)) return null;
  const values = new Map<string, string>();
  let position = prefix.length;
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    let end: number;
    if (part.delimiter === '') {
      if (!last) return null;
      end = text.length;
    } else {
      end = last ? text.length - part.delimiter.length : text.indexOf(part.delimiter, position);
      if (end < position || (last && !text.endsWith(part.delimiter))) return null;
    }
    if (part.key !== null) values.set(part.key, text.slice(position, end));
    position = end + part.delimiter.length;
    while (part.padded && part.delimiter !== '' && text.startsWith(part.delimiter, position)) {
      position += part.delimiter.length;
    }
  }
  return values;
}
