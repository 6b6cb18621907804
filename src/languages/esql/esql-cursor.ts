// A position in the tokens of one ES|QL command, with the look-ahead the parsers share.

import type { Span } from '../../ir/index.js';
import type { EsqlSyntaxError } from './esql-syntax.js';
import type { EsqlPunctuation, EsqlToken } from './esql-tokens.js';

/** Thrown inside the parsers only, to unwind to the command being parsed. */
export class EsqlParseError extends Error {
  constructor(readonly problem: EsqlSyntaxError) {
    super(problem.message);
  }
}

/** Deeper nesting is refused: rule text is untrusted and recursion has a stack limit. */
const MAX_NESTING = 256;

export class EsqlCursor {
  private position = 0;
  private depth = 0;

  constructor(
    readonly text: string,
    private readonly tokens: EsqlToken[],
    /** Where the command ends, for errors about a missing token. */
    private readonly end: number,
  ) {}

  /** Runs a parser one nesting level deeper, refusing to go past MAX_NESTING. */
  nested<T>(parse: () => T): T {
    if (this.depth >= MAX_NESTING) this.fail('query nested too deeply', this.spanHere());
    this.depth++;
    const parsed = parse();
    this.depth--;
    return parsed;
  }

  atEnd(): boolean {
    return this.position >= this.tokens.length;
  }

  peek(ahead = 0): EsqlToken | undefined {
    return this.tokens[this.position + ahead];
  }

  previous(): EsqlToken {
    return this.tokens[this.position - 1];
  }

  next(expected: string): EsqlToken {
    const token = this.peek();
    if (token === undefined) {
      this.fail(`expected ${expected}, found end of command`, this.spanHere());
    }
    this.position++;
    return token;
  }

  /** Whether the token is the unquoted keyword `keyword`; ES|QL keywords ignore case. */
  isKeyword(token: EsqlToken | undefined, keyword: string): boolean {
    return token?.kind === 'name' && !token.quoted && token.value.toLowerCase() === keyword;
  }

  isPunctuation(token: EsqlToken | undefined, value: EsqlPunctuation): boolean {
    return token?.kind === 'punctuation' && token.value === value;
  }

  acceptKeyword(keyword: string): EsqlToken | null {
    if (!this.isKeyword(this.peek(), keyword)) return null;
    this.position++;
    return this.previous();
  }

  acceptPunctuation(value: EsqlPunctuation): EsqlToken | null {
    if (!this.isPunctuation(this.peek(), value)) return null;
    this.position++;
    return this.previous();
  }

  expectKeyword(keyword: string): EsqlToken {
    return this.acceptKeyword(keyword) ?? this.failExpected(`'${keyword.toUpperCase()}'`);
  }

  expectPunctuation(value: EsqlPunctuation): EsqlToken {
    return this.acceptPunctuation(value) ?? this.failExpected(`'${value}'`);
  }

  expectEnd(): void {
    const token = this.peek();
    if (token !== undefined) this.fail(`unexpected ${describe(token)}`, token.span);
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  spanHere(): Span {
    return this.peek()?.span ?? { start: this.end, end: this.end };
  }

  failExpected(expected: string): never {
    const token = this.peek();
    const found = token === undefined ? 'end of command' : describe(token);
    return this.fail(`expected ${expected}, found ${found}`, this.spanHere());
  }

  fail(message: string, span: Span): never {
    throw new EsqlParseError({ message, span });
  }
}

export function describe(token: EsqlToken): string {
  switch (token.kind) {
    case 'punctuation':
      return `'${token.value}'`;
    case 'name':
      return `'${token.value}'`;
    case 'string':
      return 'string';
    case 'number':
      return `number ${token.value}`;
  }
}
