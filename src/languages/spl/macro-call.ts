// Reads the inside of a backtick macro call: `name` or `name(arg, "arg, with comma")`.

import type { Span } from '../../ir/index.js';
import type { MacroCall } from './syntax.js';
import { closingBracket, nextOutsideQuotes } from './scanner.js';

/** The call whose backticks span `span` in `text`; null when its inside is not a call. */
export function readMacroCall(text: string, span: Span): MacroCall | null {
  const inside = text.slice(span.start + 1, span.end - 1);
  const open = inside.indexOf('(');
  if (open < 0) {
    const name = inside.trim();
    return isMacroName(name) ? { name, args: [], span } : null;
  }
  const name = inside.slice(0, open).trim();
  const close = closingBracket(inside, open);
  if (!isMacroName(name) || close < 0 || inside.slice(close + 1).trim() !== '') return null;
  return { name, args: splitArguments(inside.slice(open + 1, close)), span };
}

function isMacroName(name: string): boolean {
  if (name.length === 0) return false;
  for (const c of name) {
    const ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!ok && c !== '_' && c !== '-' && c !== '.' && c !== ':') return false;
  }
  return true;
}

/** Arguments split on top-level commas, trimmed; `()` is no argument at all. */
function splitArguments(text: string): string[] {
  if (text.trim() === '') return [];
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  const end = text.length;
  for (
    let i = nextOutsideQuotes(text, 0, end);
    i < end;
    i = nextOutsideQuotes(text, i + 1, end)
  ) {
    const c = text[i];
    if (c === '(' || c === '[') depth += 1;
    if (c === ')' || c === ']') depth -= 1;
    if (c === ',' && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(text.slice(start).trim());
  return args;
}
