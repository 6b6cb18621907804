// Lowers a Sigma condition over the rule's search identifiers into one predicate tree. A
// condition written as a list means any of its conditions (OR).

import { and, not, or, type Expr, type Span } from '../../ir/index.js';
import { parseCondition } from '../../languages/sigma/condition-parser.js';
import type {
  ConditionAggregation,
  ConditionNode,
  QuantifierTarget,
} from '../../languages/sigma/condition-syntax.js';
import { matchesIdentifierPattern } from '../../languages/sigma/identifier-pattern.js';
import type { DetectionNode, DetectionScalar } from './detection-tree.js';
import type { ReportProblem } from './sigma-diagnostics.js';

export interface SearchIdentifiers {
  /** Names in the order the rule defines them. */
  names: string[];
  lower(name: string): Expr;
}

/** An aggregation after `|`, with its text and span in the rule's query text when known. */
export interface PlacedAggregation {
  aggregation: ConditionAggregation;
  text: string;
  span?: Span;
}

export interface LoweredCondition {
  expr: Expr;
  /** The conditions as written, one per list element. */
  texts: string[];
  aggregations: PlacedAggregation[];
}

export function lowerCondition(
  node: DetectionNode,
  query: string,
  identifiers: SearchIdentifiers,
  report: ReportProblem,
): LoweredCondition {
  const conditions = node.kind === 'list' ? node.items : [node];
  const exprs: Expr[] = [];
  const texts: string[] = [];
  const aggregations: PlacedAggregation[] = [];
  if (conditions.length === 0) {
    const reason = 'the list of conditions is empty';
    report('error', 'sigma.condition-syntax', reason, node.span?.start);
    return { expr: { kind: 'opaque', text: node.text, reason }, texts, aggregations };
  }

  for (const condition of conditions) {
    if (condition.kind !== 'scalar' || condition.value === null) {
      const message = 'a condition must be a string';
      report('error', 'sigma.condition-syntax', message, condition.span?.start);
      exprs.push({ kind: 'opaque', text: condition.text, reason: message });
      texts.push(condition.text);
      continue;
    }

    const { text, base } = conditionText(condition, query);
    texts.push(String(condition.value));
    const parsed = parseCondition(text);
    const at = (span: Span): Span | undefined => {
      return base === undefined ? undefined : { start: base + span.start, end: base + span.end };
    };

    for (const problem of parsed.problems) {
      report('error', 'sigma.condition-syntax', problem.message, at(problem.span)?.start);
      const span = base === undefined ? undefined : { start: base, end: base + text.length };
      exprs.push({ kind: 'opaque', text, reason: problem.message, ...(span && { span }) });
    }
    if (parsed.expression) exprs.push(conditionExpr(parsed.expression, identifiers, at, report));
    if (parsed.aggregation) {
      const { span } = parsed.aggregation;
      const placed = { aggregation: parsed.aggregation, text: text.slice(span.start, span.end) };
      const mapped = at(span);
      aggregations.push(mapped ? { ...placed, span: mapped } : placed);
    }
  }
  return { expr: or(exprs), texts, aggregations };
}

/**
 * The text to parse and the query offset it starts at. A plain YAML scalar is parsed from its
 * source, so spans land on the file's characters even when it spans several lines.
 */
function conditionText(node: DetectionScalar, query: string): { text: string; base?: number } {
  const value = String(node.value);
  if (!node.span) return { text: value };
  const { start, end } = node.span;
  if (node.plain) return { text: query.slice(start, end), base: start };

  // LIMITATION: a quoted condition with escapes or line breaks is parsed from its value — its
  // diagnostics point at the condition's first line, without a column.
  const verbatim = node.text === `'${value}'` || node.text === `"${value}"`;
  return verbatim ? { text: value, base: start + 1 } : { text: value };
}

function conditionExpr(
  node: ConditionNode,
  identifiers: SearchIdentifiers,
  at: (span: Span) => Span | undefined,
  report: ReportProblem,
): Expr {
  const lower = (child: ConditionNode): Expr => conditionExpr(child, identifiers, at, report);
  const opaque = (text: string, reason: string, code: string): Expr => {
    const span = at(node.span);
    report('error', code, reason, span?.start);
    return { kind: 'opaque', text, reason, ...(span && { span }) };
  };

  switch (node.kind) {
    case 'and':
      return and(node.args.map(lower));
    case 'or':
      return or(node.args.map(lower));
    case 'not':
      return not(lower(node.arg));
    case 'identifier':
      if (!identifiers.names.includes(node.name)) {
        const reason = `the condition names '${node.name}', which the detection does not define`;
        return opaque(node.name, reason, 'sigma.unknown-search-identifier');
      }
      return identifiers.lower(node.name);
    case 'quantified': {
      const names = identifiers.names.filter((name) => isQuantified(node.target, name));
      const target = node.target.kind === 'them' ? 'them' : node.target.pattern;
      const written = `${node.quantifier === 'one' ? '1' : 'all'} of ${target}`;
      if (names.length === 0) {
        const reason = `'${written}' matches no search identifier`;
        return opaque(written, reason, 'sigma.no-matching-search-identifier');
      }
      const exprs = names.map((name) => identifiers.lower(name));
      return node.quantifier === 'one' ? or(exprs) : and(exprs);
    }
  }
}

/** `them` leaves out identifiers starting with `_`; a pattern names what it matches. */
function isQuantified(target: QuantifierTarget, name: string): boolean {
  if (target.kind === 'them') return !name.startsWith('_');
  return matchesIdentifierPattern(target.pattern, name);
}
