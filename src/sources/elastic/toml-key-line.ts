// Locates a key in a TOML file's text (its line, and the line its string value starts on), so
// that offsets into a parsed value can be mapped back to file lines. smol-toml keeps no positions.

export interface KeyLine {
  /** 1-based line of the `key =` assignment. */
  line: number;
  /**
   * 1-based line where the value's text starts: the next line when a multi-line string opens
   * with a line break (TOML drops that first break), the key's own line otherwise.
   */
  valueLine: number;
}

/**
 * Finds `key` inside table `table` (`rule` for `[rule]`, '' for the root table). Scans strings,
 * comments, arrays and inline tables so that text inside them is never taken for a key.
 */
export function findKeyLine(text: string, table: string, key: string): KeyLine | null {
  const scanner = new TomlScanner(text);
  if (!scanner.seekValue(table, key)) return null;
  return { line: scanner.line, valueLine: scanner.valueLine() };
}

/**
 * The line each string item of the array at `key` in `table` starts its text on (see
 * KeyLine.valueLine), in order; empty when the key is missing or holds no array.
 */
export function findArrayItemLines(text: string, table: string, key: string): number[] {
  const scanner = new TomlScanner(text);
  if (!scanner.seekValue(table, key)) return [];
  return scanner.readArrayItemLines();
}

/** A cursor over TOML text that knows how strings, comments and brackets nest. */
class TomlScanner {
  private offset = 0;
  line = 1;

  constructor(private readonly text: string) {}

  /**
   * Moves to the value of `key` in `table` (`rule` for `[rule]`, '' for the root table), right
   * after its `=`; false when the key is not there.
   */
  seekValue(table: string, key: string): boolean {
    const wanted = table === '' ? key : `${table}.${key}`;
    let currentTable = '';
    while (!this.atEnd()) {
      this.skipBlank();
      if (this.atEnd()) break;
      if (this.peek() === '[') {
        currentTable = this.readTableHeader();
        continue;
      }
      const name = this.readKey();
      if (name === null) {
        this.skipLine();
        continue;
      }
      const fullName = currentTable === '' ? name : `${currentTable}.${name}`;
      if (fullName === wanted) return true;
      this.skipValue();
    }
    return false;
  }

  /** At an array value: the value line of each string item, skipping anything else in it. */
  readArrayItemLines(): number[] {
    while (this.peek() === ' ' || this.peek() === '\t') this.advance();
    if (this.peek() !== '[') return [];
    this.advance();
    const lines: number[] = [];
    while (!this.atEnd()) {
      this.skipBlank();
      const char = this.peek();
      if (char === ']') return lines;
      if (char === '"' || char === "'") {
        lines.push(this.valueLine());
        this.skipString();
      } else if (char === '[' || char === '{') {
        this.skipBracketed();
      } else {
        this.advance();
      }
    }
    return lines;
  }

  /** Skips an array or inline table, and the strings, arrays and tables nested in it. */
  private skipBracketed(): void {
    let depth = 0;
    do {
      const char = this.peek();
      if (char === '"' || char === "'") {
        this.skipString();
        continue;
      }
      if (char === '[' || char === '{') depth++;
      if (char === ']' || char === '}') depth--;
      this.advance();
    } while (depth > 0 && !this.atEnd());
  }

  atEnd(): boolean {
    return this.offset >= this.text.length;
  }

  peek(ahead = 0): string {
    return this.text[this.offset + ahead] ?? '';
  }

  /** Skips whitespace, line breaks and comments between statements. */
  skipBlank(): void {
    while (!this.atEnd()) {
      const char = this.peek();
      if (char === '#') this.skipLine();
      else if (char === ' ' || char === '\t' || char === '\r' || char === '\n') this.advance();
      else return;
    }
  }

  skipLine(): void {
    while (!this.atEnd() && this.peek() !== '\n') this.advance();
  }

  /** Reads `[name]` or `[[name]]` and returns the dotted name with quotes removed. */
  readTableHeader(): string {
    const parts: string[] = [];
    let part = '';
    while (!this.atEnd() && this.peek() === '[') this.advance();
    while (!this.atEnd() && this.peek() !== ']' && this.peek() !== '\n') {
      const char = this.peek();
      if (char === '"' || char === "'") {
        part += this.readQuotedKeyPart();
        continue;
      }
      if (char === '.') {
        parts.push(part.trim());
        part = '';
      } else {
        part += char;
      }
      this.advance();
    }
    parts.push(part.trim());
    this.skipLine();
    return parts.join('.');
  }

  /** Reads a (possibly dotted, possibly quoted) key followed by `=`; null when there is none. */
  readKey(): string | null {
    const parts: string[] = [];
    let part = '';
    while (!this.atEnd()) {
      const char = this.peek();
      if (char === '"' || char === "'") {
        part += this.readQuotedKeyPart();
      } else if (char === '.') {
        parts.push(part.trim());
        part = '';
        this.advance();
      } else if (char === '=') {
        this.advance();
        parts.push(part.trim());
        return parts.join('.');
      } else if (char === '\n' || char === '#') {
        return null;
      } else {
        part += char;
        this.advance();
      }
    }
    return null;
  }

  /** The line the value after `=` starts its text on (see KeyLine.valueLine). */
  valueLine(): number {
    let ahead = 0;
    while (this.peek(ahead) === ' ' || this.peek(ahead) === '\t') ahead++;
    const opener = this.text.slice(this.offset + ahead, this.offset + ahead + 3);
    if (opener !== '"""' && opener !== "'''") return this.line;
    const afterOpener = this.text.slice(this.offset + ahead + 3, this.offset + ahead + 5);
    return afterOpener.startsWith('\n') || afterOpener === '\r\n' ? this.line + 1 : this.line;
  }

  /** Skips one value, however many lines its strings, arrays or inline tables span. */
  skipValue(): void {
    let depth = 0;
    while (!this.atEnd()) {
      const char = this.peek();
      if (char === '"' || char === "'") {
        this.skipString();
      } else if (char === '[' || char === '{') {
        depth++;
        this.advance();
      } else if (char === ']' || char === '}') {
        depth--;
        this.advance();
      } else if (char === '#') {
        this.skipLine();
      } else if (char === '\n' && depth <= 0) {
        return;
      } else {
        this.advance();
      }
    }
  }

  private readQuotedKeyPart(): string {
    const start = this.offset + 1;
    this.skipString();
    return this.text.slice(start, Math.max(start, this.offset - 1));
  }

  /** Skips a basic, literal or multi-line string starting at the cursor. */
  private skipString(): void {
    const quote = this.peek();
    const multiLine = this.peek(1) === quote && this.peek(2) === quote;
    const escapes = quote === '"';

    if (multiLine) {
      const delimiter = quote.repeat(3);
      let close = this.text.indexOf(delimiter, this.offset + 3);
      while (escapes && close !== -1 && isEscaped(this.text, close)) {
        close = this.text.indexOf(delimiter, close + 1);
      }
      let end = close === -1 ? this.text.length : close + 3;
      // A closing delimiter may be followed by up to two more quotes that belong to the value.
      while (this.text[end] === quote) end++;
      this.jumpTo(end);
      return;
    }

    this.advance();
    while (!this.atEnd() && this.peek() !== '\n') {
      if (escapes && this.peek() === '\\') this.advance(2);
      else if (this.peek() === quote) {
        this.advance();
        return;
      } else this.advance();
    }
  }

  /** Moves to `target`, counting the line breaks passed. */
  private jumpTo(target: number): void {
    for (let next = this.text.indexOf('\n', this.offset); next !== -1 && next < target; ) {
      this.line++;
      next = this.text.indexOf('\n', next + 1);
    }
    this.offset = Math.min(target, this.text.length);
  }

  private advance(count = 1): void {
    for (let i = 0; i < count && !this.atEnd(); i++) {
      if (this.text[this.offset] === '\n') this.line++;
      this.offset++;
    }
  }
}

/** Whether the character at `offset` follows an odd number of backslashes. */
function isEscaped(text: string, offset: number): boolean {
  let backslashes = 0;
  for (let before = offset - 1; before >= 0 && text[before] === '\\'; before--) backslashes++;
  return backslashes % 2 === 1;
}
