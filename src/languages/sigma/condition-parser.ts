// Recursive-descent parser for Sigma conditions. Precedence, loosest first: or, and, not,
// `1 of`/`all of`, parentheses. Problems are returned, never thrown.

import type { Span } from '../../ir/index.js';
import type {
  ComparisonOperator,
  ConditionAggregation,
  ConditionNode,
  ConditionProblem,
  ParsedCondition,
  QuantifierTarget,
} from './condition-syntax.js';
import { tokenizeCondition, type ConditionToken } from './condition-tokens.js';

const RESERVED_WORDS = new Set(['and', 'or', 'not', 'of', 'them', 'all']);
/** Deeper nesting than this is rejected instead of exhausting the stack. */
const MAXIMUM_DEPTH = 200;
const AGGREGATION_FUNCTIONS = new Set(['count', 'min', 'max', 'avg', 'sum']);
const COMPARISON_OPERATORS = new Map<string, ComparisonOperator>([
  ['<', '<'],
  ['<=', '<='],
  ['>', '>'],
  ['>=', '>='],
  ['=', '='],
  ['==', '='],
  ['!=', '!='],
]);

/** Thrown inside the parser only, to unwind to `parseCondition`, which turns it into a problem. */
class ConditionSyntaxError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

export function parseCondition(text: string): ParsedCondition {
  const parser = new ConditionParser(tokenizeCondition(text));
  try {
    return parser.parse();
  } catch (error) {
    if (!(error instanceof ConditionSyntaxError)) throw error;
    const problem: ConditionProblem = { message: error.message, span: error.span };
    return { expression: null, aggregation: null, problems: [problem] };
  }
}

class ConditionParser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: ConditionToken[]) {}

  parse(): ParsedCondition {
    if (this.peek().kind === 'end') this.fail('the condition is empty', this.peek(), false);
    const expression = this.parseOr();

    let aggregation: ConditionAggregation | null = null;
    if (this.peek().kind === 'pipe') {
      this.advance();
      aggregation = this.parseAggregation();
    }

    const next = this.peek();
    if (next.kind !== 'end') this.fail(`unexpected '${next.text}'`, next);
    return { expression, aggregation, problems: [] };
  }

  private parseOr(): ConditionNode {
    const args = [this.parseAnd()];
    while (this.isWord('or')) {
      this.advance();
      args.push(this.parseAnd());
    }
    return args.length === 1 ? args[0] : { kind: 'or', args, span: spanOver(args) };
  }

  private parseAnd(): ConditionNode {
    const args = [this.parseNot()];
    while (this.isWord('and')) {
      this.advance();
      args.push(this.parseNot());
    }
    return args.length === 1 ? args[0] : { kind: 'and', args, span: spanOver(args) };
  }

  private parseNot(): ConditionNode {
    if (!this.isWord('not')) return this.parsePrimary();
    const keyword = this.advance();
    const arg = this.nested(() => this.parseNot());
    return { kind: 'not', arg, span: { start: keyword.span.start, end: arg.span.end } };
  }

  private parsePrimary(): ConditionNode {
    const token = this.peek();
    if (token.kind === 'lparen') return this.parseParenthesized();
    if (token.kind !== 'word') this.fail(`expected a search identifier, found '${token.text}'`);
    const next = this.peekAt(1);
    if (next.kind === 'word' && next.text === 'of') return this.parseQuantified();
    if (RESERVED_WORDS.has(token.text)) this.fail(`'${token.text}' cannot start an expression`);

    this.advance();
    return { kind: 'identifier', name: token.text, span: token.span };
  }

  private parseParenthesized(): ConditionNode {
    const open = this.advance();
    const inner = this.nested(() => this.parseOr());
    const close = this.peek();
    if (close.kind !== 'rparen') this.fail(`missing ')' for the '(' at offset ${open.span.start}`);
    this.advance();
    return { ...inner, span: { start: open.span.start, end: close.span.end } };
  }

  private parseQuantified(): ConditionNode {
    const count = this.advance();
    if (count.text !== '1' && count.text !== 'all') {
      this.fail(`only '1 of' and 'all of' are defined, not '${count.text} of'`, count);
    }
    this.advance();

    const target = this.peek();
    if (target.kind !== 'word' || (RESERVED_WORDS.has(target.text) && target.text !== 'them')) {
      this.fail(`expected 'them' or a search identifier pattern after 'of'`);
    }
    this.advance();

    const span = { start: count.span.start, end: target.span.end };
    const quantifier = count.text === '1' ? 'one' : 'all';
    const over: QuantifierTarget =
      target.text === 'them' ? { kind: 'them' } : { kind: 'pattern', pattern: target.text };
    return { kind: 'quantified', quantifier, target: over, span };
  }

  private parseAggregation(): ConditionAggregation {
    const name = this.peek();
    if (name.kind !== 'word' || !AGGREGATION_FUNCTIONS.has(name.text)) {
      this.fail(`expected an aggregation (count, min, max, avg, sum) after '|'`);
    }
    this.advance();

    this.expect('lparen', `expected '(' after '${name.text}'`);
    let field: string | null = null;
    if (this.peek().kind === 'word') field = this.advance().text;
    this.expect('rparen', `expected ')' to close '${name.text}('`);

    let groupBy: string | null = null;
    if (this.isWord('by')) {
      this.advance();
      if (this.peek().kind !== 'word') this.fail(`expected a field after 'by'`);
      groupBy = this.advance().text;
    }

    const comparison = this.peek();
    const operator = COMPARISON_OPERATORS.get(comparison.text);
    if (comparison.kind !== 'comparison' || !operator) this.fail(`expected a comparison`);
    this.advance();

    const threshold = this.peek();
    const value = Number(threshold.text);
    if (threshold.kind !== 'word' || !Number.isFinite(value)) this.fail(`expected a number`);
    this.advance();

    const span = { start: name.span.start, end: threshold.span.end };
    return { function: name.text, field, groupBy, operator, threshold: value, span };
  }

  private nested(parse: () => ConditionNode): ConditionNode {
    if (this.depth >= MAXIMUM_DEPTH) this.fail(`nesting deeper than ${MAXIMUM_DEPTH} levels`);
    this.depth += 1;
    const node = parse();
    this.depth -= 1;
    return node;
  }

  private expect(kind: ConditionToken['kind'], message: string): ConditionToken {
    if (this.peek().kind !== kind) this.fail(message);
    return this.advance();
  }

  private isWord(text: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text === text;
  }

  private peek(): ConditionToken {
    return this.peekAt(0);
  }

  private peekAt(distance: number): ConditionToken {
    const index = Math.min(this.position + distance, this.tokens.length - 1);
    return this.tokens[index];
  }

  private advance(): ConditionToken {
    const token = this.peek();
    if (token.kind !== 'end') this.position += 1;
    return token;
  }

  private fail(message: string, at: ConditionToken = this.peek(), sayEnd = true): never {
    const said = at.kind === 'end' && sayEnd ? `${message}, but the condition ends` : message;
    throw new ConditionSyntaxError(said, at.span);
  }
}

function spanOver(nodes: ConditionNode[]): Span {
  return { start: nodes[0].span.start, end: nodes[nodes.length - 1].span.end };
}
