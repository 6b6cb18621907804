// Eval expressions, loosest first: OR, XOR, AND, NOT, comparisons (= == != LIKE IN < > <= >=),
// + - . (concatenation), * / %, unary minus, then calls, fields, literals and parentheses.

import { lexEval, type EvalToken } from './eval-lexer.js';
import { parsePipeline } from './pipeline-parser.js';
import { cover } from './search-parser.js';
import type { EvalAssignment, EvalBinaryOperator, EvalNode, ParseIssue } from './syntax.js';

/** Parses `text[start, end)` as one expression; null when it is empty or unreadable. */
export function parseEval(
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
): EvalNode | null {
  const parser = new EvalParser(text, lexEval(text, start, end, issues), issues);
  const node = parser.parseExpression();
  parser.expectEnd();
  return node;
}

/** Parses `field = expr, field = expr …` as the `eval` command writes it. */
export function parseAssignments(
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
): EvalAssignment[] {
  const parser = new EvalParser(text, lexEval(text, start, end, issues), issues);
  return parser.parseAssignments();
}

const COMPARATORS = new Set(['=', '==', '!=', '<', '<=', '>', '>=']);

class EvalParser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: EvalToken[],
    private readonly issues: ParseIssue[],
  ) {}

  parseAssignments(): EvalAssignment[] {
    const assignments: EvalAssignment[] = [];
    while (this.position < this.tokens.length) {
      const target = this.readTarget();
      const equals = this.peek();
      const isTarget = target.kind === 'name' || target.kind === 'string';
      if (!isTarget || equals?.kind !== 'operator' || equals.operator !== '=') {
        this.issues.push({ message: 'expected `field = expression`', span: target.span });
        this.skipToComma();
        continue;
      }
      this.position += 1;
      const expr = this.parseExpression();
      if (expr) {
        const field = target.kind === 'name' ? target.name : target.value;
        assignments.push({ field, expr, span: cover(target.span, expr.span) });
      }
      if (this.peek()?.kind === 'comma') this.position += 1;
      else if (this.position < this.tokens.length) {
        this.issues.push({ message: 'expected `,` between assignments', span: this.peek().span });
        this.skipToComma();
      }
    }
    return assignments;
  }

  /**
   * The field an assignment writes. Splunk takes a name written without spaces as a whole,
   * `-` included (`feature_-value=…`), though in an expression `-` would subtract.
   */
  private readTarget(): EvalToken {
    const first = this.next();
    if (first.kind !== 'name' || first.quoted) return first;
    let name = first.name;
    let end = first.span.end;
    for (;;) {
      const token = this.peek();
      if (!token || token.span.start !== end) break;
      const joins = token.kind === 'name' || (token.kind === 'operator' && token.operator === '-');
      if (!joins) break;
      name += this.text.slice(token.span.start, token.span.end);
      end = token.span.end;
      this.position += 1;
    }
    return { kind: 'name', name, quoted: false, span: { start: first.span.start, end } };
  }

  expectEnd(): void {
    if (this.position >= this.tokens.length) return;
    const rest = this.tokens[this.position];
    this.issues.push({ message: 'unexpected text after the expression', span: rest.span });
  }

  parseExpression(): EvalNode | null {
    return this.parseBinary(0);
  }

  /** Binary operators by level, loosest first; NOT sits between AND and the comparisons. */
  private parseBinary(level: number): EvalNode | null {
    if (level === LEVELS.length) return this.parseUnary();
    if (LEVELS[level] === 'not') return this.parseNot(level);
    let left = this.parseBinary(level + 1);
    if (!left) return null;
    for (;;) {
      const operator = this.operatorAt(level);
      if (!operator) return left;
      const token = this.next();
      if (operator === 'IN') {
        left = this.parseInList(left, token);
        continue;
      }
      const right = this.parseBinary(level + 1);
      if (!right) {
        this.issues.push({
          message: `\`${operator}\` without a right-hand side`,
          span: token.span,
        });
        return left;
      }
      left = { kind: 'binary', operator, left, right, span: cover(left.span, right.span) };
    }
  }

  private parseNot(level: number): EvalNode | null {
    const token = this.peek();
    if (!token || !isKeyword(token, 'NOT')) return this.parseBinary(level + 1);
    this.position += 1;
    const arg = this.parseNot(level);
    if (!arg) {
      this.issues.push({ message: '`NOT` without an operand', span: token.span });
      return null;
    }
    return { kind: 'not', arg, span: cover(token.span, arg.span) };
  }

  private parseInList(left: EvalNode, token: EvalToken): EvalNode {
    const values: EvalNode[] = [];
    const open = this.next();
    if (open?.kind !== 'lparen') {
      this.issues.push({ message: '`IN` needs a parenthesised list', span: token.span });
      return left;
    }
    let end = open.span.end;
    while (this.position < this.tokens.length && this.peek().kind !== 'rparen') {
      const value = this.parseExpression();
      if (!value) break;
      values.push(value);
      end = value.span.end;
      if (this.peek()?.kind === 'comma') this.position += 1;
    }
    if (this.peek()?.kind === 'rparen') end = this.next().span.end;
    else this.issues.push({ message: 'the `IN` list is not closed', span: open.span });
    return { kind: 'in', arg: left, values, span: { start: left.span.start, end } };
  }

  private operatorAt(level: number): EvalBinaryOperator | 'IN' | null {
    const token = this.peek();
    if (!token) return null;
    const group = LEVELS[level];
    if (token.kind === 'name' && !token.quoted) {
      const word = token.name.toUpperCase();
      const isCall = this.tokens[this.position + 1]?.kind === 'lparen';
      if (group === 'or' && word === 'OR') return 'OR';
      if (group === 'xor' && word === 'XOR') return 'XOR';
      if (group === 'and' && word === 'AND') return 'AND';
      if (group === 'compare' && word === 'LIKE' && !isCall) return 'LIKE';
      if (group === 'compare' && word === 'IN' && isCall) return 'IN';
      return null;
    }
    if (token.kind !== 'operator') return null;
    const op = token.operator;
    if (group === 'compare' && COMPARATORS.has(op)) return op as EvalBinaryOperator;
    if (group === 'add' && (op === '+' || op === '-' || op === '.')) return op;
    if (group === 'multiply' && (op === '*' || op === '/' || op === '%')) return op;
    return null;
  }

  private parseUnary(): EvalNode | null {
    const token = this.peek();
    if (token?.kind === 'operator' && (token.operator === '-' || token.operator === '+')) {
      this.position += 1;
      const arg = this.parseUnary();
      if (!arg) return null;
      if (token.operator === '+') return arg;
      if (arg.kind === 'number') return {
        ...arg,
        value: -arg.value,
        span: cover(token.span, arg.span),
      };
      return { kind: 'negate', arg, span: cover(token.span, arg.span) };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): EvalNode | null {
    const token = this.next();
    if (!token) {
      const last = this.tokens[this.tokens.length - 1];
      const at = last ? last.span.end : 0;
      this.issues.push({ message: 'expression expected', span: { start: at, end: at } });
      return null;
    }
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value, span: token.span };
      case 'string':
        return { kind: 'string', value: token.value, span: token.span };
      case 'macro':
        return token.call ? { kind: 'macro', call: token.call, span: token.span } : null;
      case 'subsearch': {
        const pipeline = parsePipeline(this.text, token.inner.start, token.inner.end);
        return { kind: 'subsearch', pipeline, span: token.span };
      }
      case 'lparen': {
        const inner = this.parseExpression();
        if (this.peek()?.kind === 'rparen') this.position += 1;
        else this.issues.push({ message: '`(` is not closed', span: token.span });
        return inner;
      }
      case 'name':
        if (!token.quoted && this.peek()?.kind === 'lparen') return this.parseCall(token);
        return { kind: 'field', name: token.name, span: token.span };
      default:
        this.issues.push({ message: 'expression expected', span: token.span });
        return null;
    }
  }

  private parseCall(name: Extract<EvalToken, { kind: 'name' }>): EvalNode {
    this.position += 1;
    const args: EvalNode[] = [];
    let end = name.span.end;
    while (this.position < this.tokens.length && this.peek().kind !== 'rparen') {
      const arg = this.parseExpression();
      if (!arg) {
        this.skipTo('rparen');
        break;
      }
      args.push(arg);
      if (this.peek()?.kind === 'comma') this.position += 1;
      else if (this.peek()?.kind !== 'rparen') {
        this.issues.push({ message: 'expected `,` or `)`', span: this.peek()?.span ?? arg.span });
        this.skipTo('rparen');
      }
    }
    if (this.peek()?.kind === 'rparen') end = this.next().span.end;
    else this.issues.push({ message: `\`${name.name}(\` is not closed`, span: name.span });
    return { kind: 'call', name: name.name, args, span: { start: name.span.start, end } };
  }

  private skipTo(kind: 'rparen'): void {
    let depth = 0;
    while (this.position < this.tokens.length) {
      const token = this.peek();
      if (token.kind === 'lparen') depth += 1;
      if (token.kind === kind && depth === 0) return;
      if (token.kind === 'rparen') depth -= 1;
      this.position += 1;
    }
  }

  private skipToComma(): void {
    while (this.position < this.tokens.length && this.peek().kind !== 'comma') this.position += 1;
    if (this.position < this.tokens.length) this.position += 1;
  }

  private peek(): EvalToken {
    return this.tokens[this.position];
  }

  private next(): EvalToken {
    const token = this.tokens[this.position];
    this.position += 1;
    return token;
  }
}

const LEVELS = ['or', 'xor', 'and', 'not', 'compare', 'add', 'multiply'] as const;

function isKeyword(token: EvalToken, keyword: string): boolean {
  return token.kind === 'name' && !token.quoted && token.name.toUpperCase() === keyword;
}
