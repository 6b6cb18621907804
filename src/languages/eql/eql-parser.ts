// Recursive-descent parser for EQL: event queries, sequences, samples and pipes. Boolean
// precedence, loosest first: `or`, `and`, `not`, then comparisons and arithmetic.

import type { Span } from '../../ir/index.js';
import type {
  ArithmeticOperator,
  EqlEventQuery,
  EqlExpr,
  EqlField,
  EqlOperator,
  EqlParse,
  EqlPipe,
  EqlQuery,
  EqlSample,
  EqlSequence,
  EqlStep,
  EqlSyntaxError,
  EqlTimespan,
} from './eql-syntax.js';
import { tokenizeEql, type EqlPunctuation, type EqlToken } from './eql-tokens.js';

const COMPARISON_PUNCTUATION: ReadonlySet<string> = new Set([
  '==', '!=', '<', '<=', '>', '>=', ':',
]);
const PATTERN_OPERATORS: ReadonlySet<string> = new Set(['like', 'like~', 'regex', 'regex~']);
const RESERVED: ReadonlySet<string> = new Set([
  'and', 'or', 'not', 'where', 'by', 'with', 'until', 'in', 'in~', 'like', 'like~', 'regex',
  'regex~', 'sequence', 'sample',
]);

export function parseEql(text: string): EqlParse {
  const tokenized = tokenizeEql(text);
  if (!tokenized.ok) return tokenized;

  const parser = new EqlParser(text, tokenized.tokens);
  try {
    return { ok: true, query: parser.parseQuery() };
  } catch (error) {
    if (error instanceof EqlParseError) return { ok: false, error: error.problem };
    throw error;
  }
}

/** Thrown inside the parser only, to unwind to parseEql, which turns it into a result. */
class EqlParseError extends Error {
  constructor(readonly problem: EqlSyntaxError) {
    super(problem.message);
  }
}

/** Deeper nesting is refused: rule text is untrusted and recursion has a stack limit. */
const MAX_NESTING = 256;

class EqlParser {
  private position = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: EqlToken[],
  ) {}

  parseQuery(): EqlQuery {
    const body = this.acceptName('sequence')
      ? this.parseSequence(this.previous())
      : this.acceptName('sample')
        ? this.parseSample(this.previous())
        : this.parseEventQuery();

    const pipes: EqlPipe[] = [];
    while (this.acceptPunctuation('|')) pipes.push(this.parsePipe(this.previous()));

    const extra = this.peek();
    if (extra !== undefined) this.fail(`unexpected ${describe(extra)}`, extra.span);
    const end = pipes.length === 0 ? body.span.end : pipes[pipes.length - 1].span.end;
    return { body, pipes, span: { start: body.span.start, end } };
  }

  /** `category where condition`; the category may be a name or a quoted string. */
  private parseEventQuery(): EqlEventQuery {
    const token = this.next('an event category');
    if (token.kind !== 'name' && token.kind !== 'string') {
      this.fail(`expected an event category, found ${describe(token)}`, token.span);
    }
    this.expectName('where');
    const condition = this.parseExpression();
    return {
      kind: 'event',
      category: { name: token.value, span: token.span },
      condition,
      span: { start: token.span.start, end: condition.span.end },
    };
  }

  /** `sequence [by keys] [with maxspan=t] step step… [until step]`; by and with in any order. */
  private parseSequence(keyword: EqlToken): EqlSequence {
    let by: EqlExpr[] = [];
    let maxspan: EqlTimespan | null = null;
    for (let round = 0; round < 2; round++) {
      if (this.acceptName('by')) by = this.parseJoinKeys();
      else if (this.acceptName('with')) maxspan = this.parseMaxspan();
    }

    const steps = this.parseSteps();
    const until = this.acceptName('until') ? this.parseStep() : null;
    const last = until ?? steps[steps.length - 1];
    const span = { start: keyword.span.start, end: last.span.end };
    return { kind: 'sequence', by, maxspan, steps, until, span };
  }

  private parseSample(keyword: EqlToken): EqlSample {
    const by = this.acceptName('by') ? this.parseJoinKeys() : [];
    const steps = this.parseSteps();
    const end = steps[steps.length - 1].span.end;
    return { kind: 'sample', by, steps, span: { start: keyword.span.start, end } };
  }

  private parseSteps(): EqlStep[] {
    const steps: EqlStep[] = [];
    while (this.isPunctuation(this.peek(), '[') || this.isPunctuation(this.peek(), '![')) {
      steps.push(this.parseStep());
    }
    if (steps.length === 0) {
      this.fail(`expected '[' to open a step, found ${this.found()}`, this.spanHere());
    }
    return steps;
  }

  /** `[ event query ] [by keys] [with runs=n]`, or `![ … ]` for an event that must not happen. */
  private parseStep(): EqlStep {
    const open = this.next("'['");
    if (!this.isPunctuation(open, '[') && !this.isPunctuation(open, '![')) {
      this.fail(`expected '[' to open a step, found ${describe(open)}`, open.span);
    }
    const query = this.parseEventQuery();
    let end = this.expectPunctuation(']').span.end;

    const by = this.acceptName('by') ? this.parseJoinKeys() : [];
    if (by.length > 0) end = by[by.length - 1].span.end;

    let runs: number | null = null;
    if (this.isName(this.peek(), 'with') && this.isName(this.peekAt(1), 'runs')) {
      this.position += 2;
      this.expectPunctuation('=');
      const count = this.next('a number of runs');
      if (count.kind !== 'number') this.fail('expected a number of runs', count.span);
      runs = count.value;
      end = count.span.end;
    }
    const missing = this.isPunctuation(open, '![');
    return { query, by, runs, missing, span: { start: open.span.start, end } };
  }

  private parseMaxspan(): EqlTimespan {
    this.expectName('maxspan');
    this.expectPunctuation('=');
    const count = this.next('a time span');
    if (count.kind !== 'number') this.fail('expected a time span such as 5m', count.span);

    const unit = this.peek();
    const hasUnit = unit?.kind === 'name' && unit.span.start === count.span.end;
    if (hasUnit) this.position++;
    const span = { start: count.span.start, end: hasUnit ? unit.span.end : count.span.end };
    return { text: this.slice(span), value: count.value, unit: hasUnit ? unit.value : '', span };
  }

  private parseJoinKeys(): EqlExpr[] {
    const keys = [this.parseExpression()];
    while (this.acceptPunctuation(',')) keys.push(this.parseExpression());
    return keys;
  }

  private parsePipe(bar: EqlToken): EqlPipe {
    const name = this.next('a pipe name');
    if (name.kind !== 'name') this.fail(`expected a pipe name, found ${describe(name)}`, name.span);

    const args: EqlExpr[] = [];
    const atArgumentEnd = () => this.peek() === undefined || this.isPunctuation(this.peek(), '|');
    if (!atArgumentEnd()) {
      args.push(this.parseExpression());
      while (this.acceptPunctuation(',')) args.push(this.parseExpression());
    }
    const end = args.length === 0 ? name.span.end : args[args.length - 1].span.end;
    return { name: name.value, args, span: { start: bar.span.start, end } };
  }

  parseExpression(): EqlExpr {
    const args = [this.parseAnd()];
    while (this.acceptName('or')) args.push(this.parseAnd());
    return args.length === 1 ? args[0] : { kind: 'or', args, span: spanOver(args) };
  }

  private parseAnd(): EqlExpr {
    const args = [this.parseNot()];
    while (this.acceptName('and')) args.push(this.parseNot());
    return args.length === 1 ? args[0] : { kind: 'and', args, span: spanOver(args) };
  }

  /** Every level of parentheses and of `not` passes here, so nesting is counted here. */
  private parseNot(): EqlExpr {
    return this.nested(() => {
      if (!this.acceptName('not')) return this.parsePredicate();
      const keyword = this.previous();
      const arg = this.parseNot();
      return { kind: 'not', arg, span: { start: keyword.span.start, end: arg.span.end } };
    });
  }

  private nested(parse: () => EqlExpr): EqlExpr {
    if (this.depth >= MAX_NESTING) this.fail('query nested too deeply', this.spanHere());
    this.depth++;
    const parsed = parse();
    this.depth--;
    return parsed;
  }

  /** A value, optionally compared: `a == b`, `a : (x, y)`, `a like~ "p*"`, `a not in (…)`. */
  private parsePredicate(): EqlExpr {
    const left = this.parseAdditive();
    const token = this.peek();

    if (token?.kind === 'punctuation' && COMPARISON_PUNCTUATION.has(token.value)) {
      this.position++;
      const operator = token.value as EqlOperator;
      if (operator === ':') return this.parseValues(left, ':');
      const right = this.parseAdditive();
      const span = spanOver([left, right]);
      return { kind: 'compare', operator, left, values: [right], list: false, span };
    }
    if (token?.kind !== 'name') return left;

    if (PATTERN_OPERATORS.has(token.value)) {
      this.position++;
      return this.parseValues(left, token.value as EqlOperator);
    }
    const negated = token.value === 'not' && this.isInOperator(this.peekAt(1));
    if (negated) this.position++;
    const operator = this.peek();
    if (operator?.kind !== 'name' || !this.isInOperator(operator)) return left;

    this.position++;
    const membership = this.parseValues(left, operator.value as EqlOperator);
    if (!this.isPunctuation(this.previous(), ')')) {
      this.fail(`'${operator.value}' takes a parenthesized list`, membership.span);
    }
    if (!negated) return membership;
    const span = { start: token.span.start, end: membership.span.end };
    return { kind: 'not', arg: membership, span };
  }

  /** The right side of `:`, `like`, `regex` or `in`: one value or a parenthesized list. */
  private parseValues(left: EqlExpr, operator: EqlOperator): EqlExpr {
    const open = this.acceptPunctuation('(');
    if (open === null) {
      const value = this.parseAdditive();
      const span = spanOver([left, value]);
      return { kind: 'compare', operator, left, values: [value], list: false, span };
    }
    const values = [this.parseExpression()];
    while (this.acceptPunctuation(',')) values.push(this.parseExpression());
    const close = this.expectPunctuation(')');
    const span = { start: left.span.start, end: close.span.end };
    return { kind: 'compare', operator, left, values, list: true, span };
  }

  private parseAdditive(): EqlExpr {
    let left = this.parseMultiplicative();
    for (let operator = this.arithmetic('+', '-'); operator; operator = this.arithmetic('+', '-')) {
      const right = this.parseMultiplicative();
      left = { kind: 'arithmetic', operator, left, right, span: spanOver([left, right]) };
    }
    return left;
  }

  private parseMultiplicative(): EqlExpr {
    let left = this.parseUnary();
    for (
      let operator = this.arithmetic('*', '/', '%');
      operator;
      operator = this.arithmetic('*', '/', '%')
    ) {
      const right = this.parseUnary();
      left = { kind: 'arithmetic', operator, left, right, span: spanOver([left, right]) };
    }
    return left;
  }

  private parseUnary(): EqlExpr {
    const minus = this.acceptPunctuation('-');
    if (minus === null) return this.parsePrimary();
    const arg = this.nested(() => this.parseUnary());
    const span = { start: minus.span.start, end: arg.span.end };
    if (arg.kind === 'number') return { ...arg, value: -arg.value, span };
    return { kind: 'negate', arg, span };
  }

  /** Literals, parenthesized expressions, function calls and fields. */
  private parsePrimary(): EqlExpr {
    const token = this.next('a value');
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value, span: token.span };
      case 'number':
        return { kind: 'number', value: token.value, span: token.span };
      case 'punctuation':
        return this.parsePunctuationPrimary(token);
      case 'name':
        return this.parseNamePrimary(token);
    }
  }

  private parsePunctuationPrimary(token: EqlToken & { kind: 'punctuation' }): EqlExpr {
    if (token.value === '(') {
      const inner = this.parseExpression();
      const close = this.expectPunctuation(')');
      return { ...inner, span: { start: token.span.start, end: close.span.end } };
    }
    if (token.value === '?') {
      const name = this.next('a field name');
      if (name.kind === 'name' && name.span.start === token.span.end) {
        const span = { start: token.span.start, end: name.span.end };
        return this.parseFieldRest(name.value, true, span);
      }
      this.fail("expected a field name right after '?'", name.span);
    }
    return this.fail(`unexpected ${describe(token)}`, token.span);
  }

  private parseNamePrimary(token: EqlToken & { kind: 'name' }): EqlExpr {
    if (token.quoted) return this.parseFieldRest(token.value, false, token.span);
    if (token.value === 'true' || token.value === 'false') {
      return { kind: 'boolean', value: token.value === 'true', span: token.span };
    }
    if (token.value === 'null') return { kind: 'null', span: token.span };
    if (RESERVED.has(token.value)) this.fail(`unexpected keyword '${token.value}'`, token.span);

    if (this.isPunctuation(this.peek(), '(')) return this.parseCall(token);
    if (token.value.endsWith('~')) {
      this.fail("'~' only follows a function name or operator", token.span);
    }
    return this.parseFieldRest(token.value, false, token.span);
  }

  private parseCall(name: EqlToken & { kind: 'name' }): EqlExpr {
    this.position++;
    const args: EqlExpr[] = [];
    if (!this.isPunctuation(this.peek(), ')')) {
      args.push(this.parseExpression());
      while (this.acceptPunctuation(',')) args.push(this.parseExpression());
    }
    const close = this.expectPunctuation(')');
    const insensitive = name.value.endsWith('~');
    return {
      kind: 'call',
      name: insensitive ? name.value.slice(0, -1) : name.value,
      insensitive,
      args,
      span: { start: name.span.start, end: close.span.end },
    };
  }

  /** A field path, then array positions written right after it: `process.args[0]`. */
  private parseFieldRest(path: string, optional: boolean, start: Span): EqlField {
    const indexes: number[] = [];
    let end = start.end;
    while (this.isPunctuation(this.peek(), '[') && this.peek()!.span.start === end) {
      const position = this.peekAt(1);
      if (position?.kind !== 'number' || !this.isPunctuation(this.peekAt(2), ']')) break;
      indexes.push(position.value);
      end = this.peekAt(2)!.span.end;
      this.position += 3;
    }
    return { kind: 'field', path, optional, indexes, span: { start: start.start, end } };
  }

  private arithmetic(...operators: ArithmeticOperator[]): ArithmeticOperator | null {
    const token = this.peek();
    if (token?.kind !== 'punctuation') return null;
    const operator = operators.find((candidate) => candidate === token.value);
    if (operator === undefined) return null;
    this.position++;
    return operator;
  }

  private isInOperator(token: EqlToken | undefined): boolean {
    return this.isName(token, 'in') || this.isName(token, 'in~');
  }

  /** Whether the token is the unquoted name `value` (keywords are never backticked). */
  private isName(token: EqlToken | undefined, value: string): boolean {
    return token?.kind === 'name' && !token.quoted && token.value === value;
  }

  private isPunctuation(token: EqlToken | undefined, value: EqlPunctuation): boolean {
    return token?.kind === 'punctuation' && token.value === value;
  }

  private acceptName(value: string): boolean {
    if (!this.isName(this.peek(), value)) return false;
    this.position++;
    return true;
  }

  private expectName(value: string): void {
    if (this.acceptName(value)) return;
    this.fail(`expected '${value}', found ${this.found()}`, this.spanHere());
  }

  private acceptPunctuation(value: EqlPunctuation): EqlToken | null {
    if (!this.isPunctuation(this.peek(), value)) return null;
    this.position++;
    return this.previous();
  }

  private expectPunctuation(value: EqlPunctuation): EqlToken {
    const token = this.acceptPunctuation(value);
    if (token !== null) return token;
    return this.fail(`expected '${value}', found ${this.found()}`, this.spanHere());
  }

  /** What stands at the cursor, for error messages. */
  private found(): string {
    const token = this.peek();
    return token === undefined ? 'end of query' : describe(token);
  }

  private next(expected: string): EqlToken {
    const token = this.peek();
    if (token === undefined) this.fail(`expected ${expected}, found end of query`, this.spanHere());
    this.position++;
    return token;
  }

  private peek(): EqlToken | undefined {
    return this.tokens[this.position];
  }

  private peekAt(ahead: number): EqlToken | undefined {
    return this.tokens[this.position + ahead];
  }

  private previous(): EqlToken {
    return this.tokens[this.position - 1];
  }

  private spanHere(): Span {
    return this.peek()?.span ?? { start: this.text.length, end: this.text.length };
  }

  private slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  private fail(message: string, span: Span): never {
    throw new EqlParseError({ message, span });
  }
}

function describe(token: EqlToken): string {
  switch (token.kind) {
    case 'punctuation':
      return `'${token.value}'`;
    case 'name':
      return RESERVED.has(token.value) ? `keyword '${token.value}'` : `name '${token.value}'`;
    case 'string':
      return 'string';
    case 'number':
      return `number ${token.text}`;
  }
}

function spanOver(nodes: { span: Span }[]): Span {
  return { start: nodes[0].span.start, end: nodes[nodes.length - 1].span.end };
}
