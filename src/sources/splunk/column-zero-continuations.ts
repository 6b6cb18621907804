// Splunk's content files are written for PyYAML, which accepts a quoted value whose later
// lines start in column 0. YAML 1.2 (and so our parser) rejects them; indenting those lines by
// one space gives the value PyYAML reads, and keeps every line number where it was.

/** Why a file read through this repair gets a note. */
export const COLUMN_ZERO_NOTE = 'a quoted value continues on lines starting in column 0, which '
  + 'YAML 1.2 rejects; it was read as PyYAML (which Splunk\'s own tooling uses) reads it';

/**
 * The text with each column-0 continuation line of a top-level quoted value indented by one
 * space; null when there is no such line (nothing to repair).
 */
export function indentColumnZeroContinuations(text: string): string | null {
  const lines = text.split('\n');
  let quote: '"' | "'" | null = null;
  let changed = false;
  for (let i = 0; i < lines.length; i += 1) {
    let from = 0;
    if (quote === null) {
      const opening = openingQuote(lines[i]);
      if (opening < 0) continue;
      quote = lines[i][opening] as '"' | "'";
      from = opening + 1;
    } else if (lines[i] !== '' && !isBlank(lines[i][0])) {
      lines[i] = ` ${lines[i]}`;
      from = 1;
      changed = true;
    }
    if (closes(lines[i], from, quote)) quote = null;
  }
  return changed ? lines.join('\n') : null;
}

/** Offset of the quote opening a top-level `key: '…` value on this line; -1 when none. */
function openingQuote(line: string): number {
  if (line === '' || isBlank(line[0]) || line[0] === '#' || line[0] === '-') return -1;
  const colon = line.indexOf(': ');
  if (colon < 0) return -1;
  let i = colon + 2;
  while (i < line.length && line[i] === ' ') i += 1;
  return line[i] === "'" || line[i] === '"' ? i : -1;
}

/** Whether the quoted value closes on this line, after offset `from`. */
function closes(line: string, from: number, quote: '"' | "'"): boolean {
  for (let i = from; i < line.length; i += 1) {
    if (quote === '"' && line[i] === '\\') {
      i += 1;
      continue;
    }
    if (line[i] !== quote) continue;
    if (quote === "'" && line[i + 1] === "'") {
      i += 1;
      continue;
    }
    return true;
  }
  return false;
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r';
}
