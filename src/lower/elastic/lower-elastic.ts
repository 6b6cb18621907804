// Lowers an Elastic detection rule into stages: the index patterns it reads, its filters, its
// query (KQL, EQL or ES|QL), then what its rule type does with the matches.

import type { RuleDocument } from '../../ir/index.js';
import type { ElasticContext } from '../../sources/elastic/elastic-context.js';
import type { LoweredQuery } from '../lowered-query.js';
import { ElasticPipeline, type NewStage } from './elastic-pipeline.js';
import { indexConstraint } from './index-constraint.js';
import { inlineToml } from './inline-toml.js';
import { lowerEql } from './lower-eql.js';
import { lowerEsql } from './lower-esql.js';
import { lowerKueryText } from './lower-kuery.js';
import { filtersStage } from './lower-query-dsl.js';
import { stringsOf, tableOf, type RuleTable } from './rule-table.js';
import {
  alertSuppressionStage,
  exceptionsStage,
  machineLearningStage,
  newTermsStage,
  thresholdStage,
  threatMatchStage,
} from './rule-type-stages.js';

/** Where a diagnostic about the whole query points: its first line. */
const QUERY_START = { start: 0, end: 0 };

/** Rule types whose query is the whole detection. */
const QUERY_ONLY_TYPES: ReadonlySet<string> = new Set(['query', 'eql', 'esql']);

/** Stages of the rule types that act on what the query matched. */
const RULE_TYPE_STAGES: Record<string, (rule: RuleTable) => NewStage> = {
  threshold: thresholdStage,
  new_terms: newTermsStage,
  threat_match: threatMatchStage,
  machine_learning: machineLearningStage,
};

/**
 * The context carries facts about the repository (its snapshot commit); lowering a rule needs
 * only the rule itself so far.
 */
export function lowerElastic(doc: RuleDocument, _context: ElasticContext): LoweredQuery {
  const pipeline = new ElasticPipeline(doc);
  const rule = tableOf(doc.raw.rule);

  const index = stringsOf(rule.index);
  if (index.length > 0) pipeline.add(indexStage(index));
  if (rule.filters !== undefined) pipeline.add(filtersStage(rule.filters, pipeline));

  lowerQuery(pipeline, rule);
  addRuleTypeStage(pipeline, rule);
  if (rule.exceptions_list !== undefined) pipeline.add(exceptionsStage(rule));
  if (rule.alert_suppression !== undefined) pipeline.add(alertSuppressionStage(rule));
  return pipeline.result();
}

/** The index patterns a rule searches, shown as a `from` stage constraining `_index`. */
function indexStage(index: string[]): NewStage {
  const text = inlineToml('index', index);
  return { command: 'from', text, effect: 'filter', args: { index }, predicate: indexConstraint(index) };
}

function lowerQuery(pipeline: ElasticPipeline, rule: RuleTable): void {
  const { doc } = pipeline;
  switch (doc.language) {
    case 'kuery': {
      const stage = pipeline.nextIndex();
      const predicate = lowerKueryText({ pipeline, stage, text: doc.query, offset: 0 });
      const span = { start: 0, end: doc.query.length };
      const text = doc.query.trim();
      const base: NewStage = { command: 'query', text, effect: 'filter', args: {}, span };
      pipeline.add(predicate === null ? base : { ...base, predicate });
      return;
    }
    case 'eql':
      lowerEql(pipeline, categoryFieldOf(rule));
      return;
    case 'esql':
      lowerEsql(pipeline);
      return;
    case 'lucene':
      // LIMITATION: Lucene query syntax is not parsed — the rule's query stays one opaque stage.
      pipeline.addOpaqueQuery('elastic.lucene', 'Lucene queries are not parsed yet', QUERY_START);
      return;
    default:
      if (doc.query.trim() === '') return;
      pipeline.addOpaqueQuery('elastic.unknown-language', 'query in an unknown language');
  }
}

/** EQL reads an event's category from `event.category` unless the rule names another field. */
function categoryFieldOf(rule: RuleTable): string {
  const override = rule.event_category_override;
  return typeof override === 'string' && override !== '' ? override : 'event.category';
}

function addRuleTypeStage(pipeline: ElasticPipeline, rule: RuleTable): void {
  const type = pipeline.doc.type ?? '';
  if (QUERY_ONLY_TYPES.has(type)) return;

  const stageOf = Object.hasOwn(RULE_TYPE_STAGES, type) ? RULE_TYPE_STAGES[type] : undefined;
  if (stageOf !== undefined) {
    pipeline.add(stageOf(rule));
    return;
  }
  pipeline.report('warning', 'elastic.unknown-rule-type', `rule type '${type}' is not modelled`);
}
