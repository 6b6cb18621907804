// Turns what a user typed into a search box into a safe FTS5 query: every term and phrase is
// quoted, so no FTS5 syntax (NEAR, column filters, OR, parentheses) reaches the engine.

// LIMITATION: words match whole tokens or their beginnings only (FTS5 unicode61) — searching
// `method` does not find `Invoke-WmiMethod`, though `wmimethod` and `wmi*` do.

/** Longest search a user may run; more terms only slow the query down. */
export const MAX_SEARCH_TERMS = 16;

interface SearchTerm {
  text: string;
  /** A trailing `*` on an unquoted word: match every token starting with it. */
  prefix: boolean;
}

/**
 * The FTS5 MATCH expression for `text`: the AND of its words and `"quoted phrases"`, or null
 * when nothing in it can be searched (only punctuation, or blank).
 */
export function ftsQuery(text: string): string | null {
  const terms = termsOf(withoutControls(text))
    .filter((t) => isSearchable(t.text))
    .slice(0, MAX_SEARCH_TERMS);
  if (terms.length === 0) return null;
  return terms.map(quoted).join(' ');
}

function termsOf(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text[i])) {
      i++;
      continue;
    }
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      const end = close === -1 ? text.length : close;
      terms.push({ text: text.slice(i + 1, end), prefix: false });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < text.length && !isSpace(text[end]) && text[end] !== '"') end++;
    const word = text.slice(i, end);
    const prefix = word.length > 1 && word.endsWith('*');
    terms.push({ text: prefix ? word.replace(/\*+$/, '') : word, prefix });
    i = end;
  }
  return terms;
}

function quoted(term: SearchTerm): string {
  const phrase = `"${term.text.replaceAll('"', '""')}"`;
  return term.prefix ? `${phrase}*` : phrase;
}

/** FTS5's unicode61 tokenizer keeps only letters and digits; a term without any matches nothing. */
function isSearchable(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/**
 * Control characters become spaces: FTS5 ends a quoted string at a NUL byte (the query then
 * fails as unterminated), and none of them is part of a searchable word.
 */
export function withoutControls(text: string): string {
  let out = '';
  for (const ch of text) out += isControl(ch) ? ' ' : ch;
  return out;
}

function isControl(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code < 0xa0);
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
}
