// Rule and event text shown on a terminal: control characters written as escapes, because shown
// raw they could drive the terminal (move the cursor, rewrite earlier lines) or, for the Unicode
// bidi and line-separator controls, make the text shown differ from the text stored.

export function terminalSafe(text: string, keepTabs = false): string {
  let out = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const kept = keepTabs && character === '\t';
    out += isControl(code) && !kept ? `\\u${code.toString(16).padStart(4, '0')}` : character;
  }
  return out;
}

function isControl(code: number): boolean {
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return true;
  // Bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069) reorder what
  // follows; U+2028 and U+2029 break lines on some terminals.
  if (code >= 0x202a && code <= 0x202e) return true;
  if (code >= 0x2066 && code <= 0x2069) return true;
  return code === 0x2028 || code === 0x2029;
}
