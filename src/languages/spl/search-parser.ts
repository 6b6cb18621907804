// Search syntax: implicit AND between terms; OR binds tighter than AND (`A B OR C` is
// `A AND (B OR C)`); NOT takes the next term; `field IN (…)`; comparisons; bare terms.

import type { Span } from '../../ir/index.js';
import { parsePipeline } from './pipeline-parser.js';
import { lexSearch, type SearchToken } from './search-lexer.js';
import { patternText } from './search-pattern.js';
import type { ParseIssue, SearchNode, SearchValue } from './syntax.js';

/** Parses `text[start, end)` as a search expression; null when it holds no term. */
export function parseSearch(
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
): SearchNode | null {
  const parser = new SearchParser(text, lexSearch(text, start, end, issues), issues);
  return parser.parseAll();
}

class SearchParser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: SearchToken[],
    private readonly issues: ParseIssue[],
  ) {}

  parseAll(): SearchNode | null {
    const node = this.parseConjunction();
    while (this.position < this.tokens.length) {
      const stray = this.tokens[this.position];
      this.issues.push({ message: 'unbalanced `)`', span: stray.span });
      this.position += 1;
      const rest = this.parseConjunction();
      if (rest && node) return conjunction([node, rest]);
    }
    return node;
  }

  /** Terms side by side, or joined by AND, up to `)` or the end. */
  private parseConjunction(): SearchNode | null {
    const args: SearchNode[] = [];
    while (this.position < this.tokens.length) {
      const token = this.peek();
      if (token.kind === 'rparen') break;
      if (token.kind === 'comma') {
        this.position += 1;
        continue;
      }
      if (isKeyword(token, 'AND')) {
        this.position += 1;
        continue;
      }
      const node = this.parseDisjunction();
      if (node) args.push(node);
    }
    return args.length === 0 ? null : conjunction(args);
  }

  private parseDisjunction(): SearchNode | null {
    const first = this.parseUnary();
    const args = first ? [first] : [];
    while (this.position < this.tokens.length && isKeyword(this.peek(), 'OR')) {
      const or = this.next();
      const next = this.parseUnary();
      if (next) args.push(next);
      else this.issues.push({ message: '`OR` without a term after it', span: or.span });
    }
    if (args.length <= 1) return args[0] ?? null;
    return { kind: 'or', args, span: cover(args[0].span, args[args.length - 1].span) };
  }

  private parseUnary(): SearchNode | null {
    const token = this.peek();
    if (token && isKeyword(token, 'NOT')) {
      this.position += 1;
      const arg = this.parseUnary();
      if (!arg) {
        this.issues.push({ message: '`NOT` without a term after it', span: token.span });
        return null;
      }
      return { kind: 'not', arg, span: cover(token.span, arg.span) };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): SearchNode | null {
    const token = this.next();
    if (!token) return null;
    switch (token.kind) {
      case 'lparen': {
        const inner = this.parseConjunction();
        const close = this.peek();
        if (close?.kind === 'rparen') this.position += 1;
        else this.issues.push({ message: '`(` is not closed', span: token.span });
        return inner;
      }
      case 'rparen':
      case 'comma':
        return null;
      case 'comparator':
        this.issues.push({ message: `\`${token.comparator}\` without a field`, span: token.span });
        if (this.peek()?.kind === 'value') this.position += 1;
        return null;
      case 'macro':
        if (!token.call) return null;
        return { kind: 'macro', call: token.call, span: token.span };
      case 'subsearch': {
        const pipeline = parsePipeline(this.text, token.inner.start, token.inner.end);
        return { kind: 'subsearch', pipeline, span: token.span };
      }
      case 'value':
        return this.parseValueStart(token);
      case 'directive':
        return { ...token, field: null };
    }
  }

  /** A value opens a comparison, an IN list, or stands alone as a term. */
  private parseValueStart(token: Extract<SearchToken, { kind: 'value' }>): SearchNode {
    const field = fieldName(token);
    const following = this.peek();
    if (following?.kind === 'comparator') {
      this.position += 1;
      const value = this.peek();
      if (value?.kind === 'directive') {
        this.position += 1;
        return { ...value, field, span: cover(token.span, value.span) };
      }
      if (value?.kind !== 'value') {
        this.issues.push(
          {
            message: `\`${field}${following.comparator}\` has no value`,
            span: cover(token.span, following.span),
          },
        );
        const empty: SearchValue = { pattern: '', quoted: false, span: following.span };
        return {
          kind: 'compare',
          field,
          fieldSpan: token.span,
          comparator: following.comparator,
          value: empty,
          span: cover(token.span, following.span),
        };
      }
      this.position += 1;
      return {
        kind: 'compare',
        field,
        fieldSpan: token.span,
        comparator: following.comparator,
        value: value.value,
        span: cover(token.span, value.span),
      };
    }
    const open = this.tokens[this.position + 1];
    if (following && isInKeyword(following) && open?.kind === 'lparen') {
      this.position += 2;
      return this.parseInList(token, field);
    }
    return { kind: 'term', value: token.value, span: token.span };
  }

  private parseInList(token: Extract<SearchToken, { kind: 'value' }>, field: string): SearchNode {
    const values: SearchValue[] = [];
    let end = token.span.end;
    let closed = false;
    while (!closed && this.position < this.tokens.length) {
      const item = this.next();
      end = item.span.end;
      closed = item.kind === 'rparen';
      if (item.kind === 'value') values.push(item.value);
      else if (!closed && item.kind !== 'comma') {
        this.issues.push(
          { message: `unexpected ${item.kind} in the IN list of \`${field}\``, span: item.span },
        );
      }
    }
    if (!closed) {
      this.issues.push({ message: `the IN list of \`${field}\` is not closed`, span: token.span });
    }
    return {
      kind: 'in',
      field,
      fieldSpan: token.span,
      values,
      span: { start: token.span.start, end },
    };
  }

  private peek(): SearchToken {
    return this.tokens[this.position];
  }

  private next(): SearchToken {
    const token = this.tokens[this.position];
    this.position += 1;
    return token;
  }
}

function isKeyword(token: SearchToken, keyword: 'AND' | 'OR' | 'NOT'): boolean {
  return token.kind === 'value' && token.word === keyword;
}

function isInKeyword(token: SearchToken): boolean {
  return token.kind === 'value' && (token.word === 'IN' || token.word === 'in');
}

/** A field as written; quoted field names (`"operationName"="x"`) lose their quotes. */
function fieldName(token: Extract<SearchToken, { kind: 'value' }>): string {
  return token.word ?? patternText(token.value.pattern);
}

function conjunction(args: SearchNode[]): SearchNode {
  if (args.length === 1) return args[0];
  return { kind: 'and', args, span: cover(args[0].span, args[args.length - 1].span) };
}

export function cover(first: Span, last: Span): Span {
  return { start: first.start, end: last.end };
}
