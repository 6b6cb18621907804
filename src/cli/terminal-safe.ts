// Rule and event text shown on a terminal: control characters written as escapes, because shown
// raw they could drive the terminal (move the cursor, rewrite earlier lines).

export function terminalSafe(text: string, keepTabs = false): string {
  let out = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const control = code < 0x20 || (code >= 0x7f && code < 0xa0);
    const kept = keepTabs && character === '\t';
    out += control && !kept ? `\\u${code.toString(16).padStart(4, '0')}` : character;
  }
  return out;
}
