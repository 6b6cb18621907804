// Hand-made rules for analysis tests: predicates, stages and rules built in a line each.

import {
  and,
  not,
  or,
  predicate,
  type Effect,
  type Expr,
  type Language,
  type Op,
  type Rule,
  type Scalar,
  type SourceName,
  type Stage,
} from '../../src/ir/index.js';
import { indexConstraint } from '../../src/lower/elastic/index-constraint.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { ruleDocument } from '../fixtures/rule-document.js';

export { and, not, or };

interface PredicateOptions {
  caseSensitive?: boolean;
  canonicalField?: string;
}

/** A case-insensitive predicate unless told otherwise. */
export function p(
  field: string,
  op: Op,
  values: Scalar | Scalar[] = [],
  options: PredicateOptions = {},
): Expr {
  const list = Array.isArray(values) ? values : [values];
  return predicate({
    field,
    op,
    values: list,
    caseSensitive: options.caseSensitive ?? false,
    text: `${field} ${op} ${list.join(',')}`,
    ...(options.canonicalField ? { canonicalField: options.canonicalField } : {}),
  });
}

/** A case-sensitive predicate. */
export function cs(field: string, op: Op, values: Scalar | Scalar[] = []): Expr {
  return p(field, op, values, { caseSensitive: true });
}

export function opaque(text: string): Expr {
  return { kind: 'opaque', text, reason: 'not understood in this fixture' };
}

export function stage(
  command: string,
  effect: Effect,
  extra: Partial<Omit<Stage, 'command' | 'effect'>> = {},
): Stage {
  return { index: 0, command, text: command, effect, args: {}, ...extra };
}

export function search(expr: Expr): Stage {
  return stage('search', 'filter', { predicate: expr });
}

export function stats(fields: string[], filled: string[] | 'all' = []): Stage {
  return stage('stats', 'aggregate', { groupBy: { fields, filled } });
}

interface RuleOptions {
  source?: SourceName;
  language?: Language;
  type?: string | null;
  title?: string;
  raw?: Record<string, unknown>;
}

/** A rule with the given stages (numbered here), finished as a lowering would finish it. */
export function rule(upstreamId: string, stages: Stage[], options: RuleOptions = {}): Rule {
  const source = options.source ?? 'splunk';
  const pipeline = stages.map((s, i) => ({ ...s, index: i + 1 }));
  const hasOpaque = pipeline.some((s) => s.opaque);
  return finishRule(
    ruleDocument({
      source,
      upstreamId,
      file: `${upstreamId}.yml`,
      title: options.title ?? `Rule ${upstreamId}`,
      type: options.type ?? null,
      language: options.language ?? 'spl',
      raw: options.raw ?? {},
    }),
    {
      pipeline,
      diagnostics: hasOpaque
        ? [{ severity: 'warning', code: 'test.opaque', message: 'opaque', file: 'f', line: 1 }]
        : [],
    },
  );
}

/** An Elastic rule reading the given index patterns (as `_index` predicates), with one query. */
export function elasticRule(
  upstreamId: string,
  expr: Expr,
  options: { type?: string; language?: Language; index?: string[] } = {},
): Rule {
  const index = options.index ?? ['logs-endpoint.events.*'];
  return rule(
    upstreamId,
    [
      stage('from', 'filter', { args: { index }, predicate: indexConstraint(index) }),
      stage('query', 'filter', { predicate: expr }),
    ],
    { source: 'elastic', language: options.language ?? 'eql', type: options.type ?? 'eql' },
  );
}

/** A Splunk rule that is one search over the given condition. */
export function searchRule(upstreamId: string, expr: Expr, more: Stage[] = []): Rule {
  return rule(upstreamId, [search(expr), ...more]);
}
