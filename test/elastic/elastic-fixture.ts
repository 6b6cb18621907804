// Rule documents for lowering tests: an Elastic rule table as the reader would return it.

import type { Language, RuleDocument, Stage } from '../../src/ir/index.js';
import type { LoweredQuery } from '../../src/lower/lowered-query.js';
import { lowerElastic } from '../../src/lower/elastic/lower-elastic.js';
import { ruleDocument } from '../fixtures/rule-document.js';
import { notation } from '../sigma/expr-notation.js';

/** A document for a `[rule]` table; language, type and query come from the table. */
export function elasticDocument(rule: Record<string, unknown>): RuleDocument {
  const query = typeof rule.query === 'string' ? rule.query : '';
  return ruleDocument({
    source: 'elastic',
    upstreamId: 'test-rule',
    file: 'rules/test_rule.toml',
    queryLine: 10,
    title: 'Test rule',
    status: 'production',
    level: 'low',
    type: typeof rule.type === 'string' ? rule.type : null,
    language: (typeof rule.language === 'string' ? rule.language : 'none') as Language,
    query,
    raw: { rule },
  });
}

export function lowerRule(rule: Record<string, unknown>): LoweredQuery {
  return lowerElastic(elasticDocument(rule), { commit: null });
}

/** Lowers a KQL query rule without index patterns: its only stage is the query. */
export function lowerKql(query: string): LoweredQuery {
  return lowerRule({ type: 'query', language: 'kuery', query });
}

export function lowerEqlQuery(query: string, extra: Record<string, unknown> = {}): LoweredQuery {
  return lowerRule({ type: 'eql', language: 'eql', query, ...extra });
}

export function lowerEsqlQuery(query: string): LoweredQuery {
  return lowerRule({ type: 'esql', language: 'esql', query });
}

/** Each stage as `index command effect args | predicate`, for exact pipeline assertions. */
export function stageLines(pipeline: Stage[]): string[] {
  return pipeline.map((stage) => {
    const predicate = stage.predicate ? ` | ${notation(stage.predicate)}` : '';
    const args = JSON.stringify(stage.args);
    return `${stage.index} ${stage.command} ${stage.effect} ${args}${predicate}`;
  });
}
