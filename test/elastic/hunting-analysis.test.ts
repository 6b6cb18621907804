// Hunting queries are Elastic queries: analyses read their log-source fields, event scopes and
// field vocabulary as they read an Elastic detection rule's.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Language, Rule } from '../../src/ir/index.js';
import { indicatorsOf } from '../../src/analysis/indicators.js';
import { eventScopeOf, vocabularyOf } from '../../src/analysis/neighbors/event-scope.js';
import { lowerElasticHunting } from '../../src/lower/elastic/lower-elastic-hunting.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { ruleDocument } from '../fixtures/rule-document.js';
import { elasticDocument, lowerRule } from './elastic-fixture.js';

const KQL_HUNT = 'event.dataset:"windows.sysmon_operational" and process.name:"vssadmin.exe"';
const ESQL = 'from logs-windows.* | where process.name == "vssadmin.exe"';

function huntingQuery(query: string, language: Language): Rule {
  const doc = ruleDocument({
    source: 'elastic-hunting',
    upstreamId: 'hunt#1',
    type: 'hunting',
    language,
    query,
    raw: { queryLanguage: language },
  });
  return finishRule(doc, lowerElasticHunting(doc, { commit: null }));
}

function detectionRule(table: Record<string, unknown>): Rule {
  return finishRule(elasticDocument(table), lowerRule(table));
}

describe('hunting queries in analysis', () => {
  it('list their dataset constraint after their own conditions, as a log source', () => {
    const indicators = indicatorsOf(huntingQuery(KQL_HUNT, 'kuery'));
    assert.deepEqual(
      indicators.map((indicator) => indicator.field),
      ['process.name', 'event.dataset'],
    );
  });

  it('share the field vocabulary of Elastic detection rules', () => {
    const rule = detectionRule({ type: 'query', language: 'kuery', query: KQL_HUNT });
    assert.equal(vocabularyOf(huntingQuery(KQL_HUNT, 'kuery')), vocabularyOf(rule));
  });

  it('are compared or left out as a rule of their language would be', () => {
    const rule = detectionRule({ type: 'esql', language: 'esql', query: ESQL });
    assert.deepEqual(eventScopeOf(rule), { excluded: 'elastic rule type esql' });
    assert.deepEqual(eventScopeOf(huntingQuery(ESQL, 'esql')), eventScopeOf(rule));
    assert.deepEqual(eventScopeOf(huntingQuery(KQL_HUNT, 'kuery')), {
      excluded: 'reads no index patterns',
    });
  });
});
