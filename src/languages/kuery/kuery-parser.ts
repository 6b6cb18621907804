// Recursive-descent parser for KQL. Precedence, tightest first: `not`, `and`, `or`; the same
// holds inside value lists such as `field:(a or not b)`.

import type { Span } from '../../ir/index.js';
import type {
  KueryBoolean,
  KueryLiteral,
  KueryParse,
  KueryQuery,
  KuerySyntaxError,
  KueryValue,
  RangeOperator,
  ValuePart,
} from './kuery-syntax.js';
import {
  tokenizeKuery,
  type KueryKeyword,
  type KueryPunctuation,
  type KueryToken,
} from './kuery-tokens.js';

const RANGE_OPERATORS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);

type Spanned = { span: Span };

/** Deeper nesting is refused: rule text is untrusted and recursion has a stack limit. */
const MAX_NESTING = 256;

export function parseKuery(text: string): KueryParse {
  const tokenized = tokenizeKuery(text);
  if (!tokenized.ok) return tokenized;
  if (tokenized.tokens.length === 0) return { ok: true, query: null };

  const parser = new KueryParser(text, tokenized.tokens);
  try {
    const query = parser.parseQuery();
    parser.expectEnd();
    return { ok: true, query };
  } catch (error) {
    if (error instanceof KueryParseError) return { ok: false, error: error.problem };
    throw error;
  }
}

/** Thrown inside the parser only, to unwind to parseKuery, which turns it into a result. */
class KueryParseError extends Error {
  constructor(readonly problem: KuerySyntaxError) {
    super(problem.message);
  }
}

class KueryParser {
  private position = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: KueryToken[],
  ) {}

  parseQuery(): KueryQuery {
    return this.parseOr(() => this.parseClause());
  }

  expectEnd(): void {
    const token = this.peek();
    if (token !== undefined) this.fail(`unexpected ${describe(token)}`, token.span);
  }

  /** `or` and `and` chains over any kind of operand: clauses or values in a list. */
  private parseOr<Leaf extends Spanned>(operand: () => KueryBoolean<Leaf>): KueryBoolean<Leaf> {
    const args = [this.parseAnd(operand)];
    while (this.acceptKeyword('or')) args.push(this.parseAnd(operand));
    return args.length === 1 ? args[0] : { kind: 'or', args, span: spanOver(args) };
  }

  private parseAnd<Leaf extends Spanned>(operand: () => KueryBoolean<Leaf>): KueryBoolean<Leaf> {
    const args = [this.parseNot(operand)];
    while (this.acceptKeyword('and')) args.push(this.parseNot(operand));
    return args.length === 1 ? args[0] : { kind: 'and', args, span: spanOver(args) };
  }

  /** Every level of parentheses and of `not` passes here, so nesting is counted here. */
  private parseNot<Leaf extends Spanned>(operand: () => KueryBoolean<Leaf>): KueryBoolean<Leaf> {
    const token = this.peek();
    if (this.depth >= MAX_NESTING) {
      this.fail('query nested too deeply', token?.span ?? this.endSpan());
    }
    this.depth++;
    let parsed: KueryBoolean<Leaf>;
    if (token !== undefined && this.acceptKeyword('not')) {
      const arg = this.parseNot(operand);
      parsed = { kind: 'not', arg, span: { start: token.span.start, end: arg.span.end } };
    } else {
      parsed = operand();
    }
    this.depth--;
    return parsed;
  }

  /** A parenthesized query, a field comparison or free text. */
  private parseClause(): KueryQuery {
    const open = this.acceptPunctuation('(');
    if (open !== null) {
      const inner = this.parseQuery();
      const close = this.expectPunctuation(')');
      return { ...inner, span: { start: open.span.start, end: close.span.end } };
    }

    const literal = this.parseLiteral();
    const next = this.peek();
    if (next?.kind === 'punctuation' && RANGE_OPERATORS.has(next.value)) {
      this.position++;
      const value = this.parseLiteral();
      const operator = next.value as RangeOperator;
      return { kind: 'range', field: literal, operator, value, span: spanFrom(literal, value) };
    }
    if (!this.acceptPunctuation(':')) {
      return { kind: 'free-text', literal, span: literal.span };
    }
    return this.parseFieldTarget(literal);
  }

  /** What follows `field :` — a nested query, a value list or a single value. */
  private parseFieldTarget(field: KueryLiteral): KueryQuery {
    const brace = this.acceptPunctuation('{');
    if (brace !== null) {
      const query = this.parseQuery();
      const close = this.expectPunctuation('}');
      const span = { start: field.span.start, end: close.span.end };
      return { kind: 'nested', field, query, span };
    }

    const values = this.parseValueOperand();
    return { kind: 'match', field, values, span: spanFrom(field, values) };
  }

  /** One operand of a value list: a value or a parenthesized list. */
  private parseValueOperand(): KueryBoolean<KueryValue> {
    const open = this.acceptPunctuation('(');
    if (open !== null) {
      const inner = this.parseOr(() => this.parseValueOperand());
      const close = this.expectPunctuation(')');
      return { ...inner, span: { start: open.span.start, end: close.span.end } };
    }
    const literal = this.parseLiteral();
    return { kind: 'value', literal, span: literal.span };
  }

  /** A quoted phrase, or unquoted words up to the next keyword or punctuation. */
  private parseLiteral(): KueryLiteral {
    const first = this.peek();
    if (first === undefined) this.fail('unexpected end of query', this.endSpan());
    if (first.kind === 'quoted') {
      this.position++;
      const parts: ValuePart[] = first.text === '' ? [] : [{ kind: 'text', text: first.text }];
      return { quoted: true, parts, text: this.slice(first.span), span: first.span };
    }
    if (first.kind !== 'word') this.fail(`expected a value, found ${describe(first)}`, first.span);

    const parts: ValuePart[] = [...first.parts];
    let end = first.span.end;
    for (let next = this.peekAt(1); next?.kind === 'word'; next = this.peekAt(1)) {
      // Unquoted values may hold spaces: `field: two words` compares with "two words".
      appendText(parts, this.text.slice(end, next.span.start));
      parts.push(...next.parts);
      end = next.span.end;
      this.position++;
    }
    this.position++;
    const span = { start: first.span.start, end };
    return { quoted: false, parts: mergeText(parts), text: this.slice(span), span };
  }

  private acceptKeyword(keyword: KueryKeyword): boolean {
    const token = this.peek();
    if (token?.kind !== 'keyword' || token.value !== keyword) return false;
    this.position++;
    return true;
  }

  private acceptPunctuation(value: KueryPunctuation): KueryToken | null {
    const token = this.peek();
    if (token?.kind !== 'punctuation' || token.value !== value) return null;
    this.position++;
    return token;
  }

  private expectPunctuation(value: KueryPunctuation): KueryToken {
    const token = this.acceptPunctuation(value);
    if (token !== null) return token;
    const found = this.peek();
    const what = found === undefined ? 'end of query' : describe(found);
    return this.fail(`expected '${value}', found ${what}`, found?.span ?? this.endSpan());
  }

  private peek(): KueryToken | undefined {
    return this.tokens[this.position];
  }

  private peekAt(ahead: number): KueryToken | undefined {
    return this.tokens[this.position + ahead];
  }

  private slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  private endSpan(): Span {
    return { start: this.text.length, end: this.text.length };
  }

  private fail(message: string, span: Span): never {
    throw new KueryParseError({ message, span });
  }
}

function describe(token: KueryToken): string {
  switch (token.kind) {
    case 'punctuation':
      return `'${token.value}'`;
    case 'keyword':
      return `keyword '${token.value}'`;
    case 'quoted':
      return 'quoted phrase';
    case 'word':
      return 'word';
  }
}

function appendText(parts: ValuePart[], text: string): void {
  if (text !== '') parts.push({ kind: 'text', text });
}

/** Joins adjacent text parts, such as the words of an unquoted value and the spaces between. */
function mergeText(parts: ValuePart[]): ValuePart[] {
  const merged: ValuePart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (part.kind === 'text' && last?.kind === 'text') {
      merged[merged.length - 1] = { kind: 'text', text: last.text + part.text };
    } else {
      merged.push(part);
    }
  }
  return merged;
}

function spanOver(nodes: { span: Span }[]): Span {
  return { start: nodes[0].span.start, end: nodes[nodes.length - 1].span.end };
}

function spanFrom(first: { span: Span }, last: { span: Span }): Span {
  return { start: first.span.start, end: last.span.end };
}
