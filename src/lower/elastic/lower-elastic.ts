// Lowers an Elastic detection rule into stages: the index patterns it reads, its filters, its
// query (KQL, EQL or ES|QL), then what its rule type does with the matches.

import type { RuleDocument } from '../../ir/index.js';
import type { ElasticContext } from '../../sources/elastic/elastic-context.js';
import type { LoweredQuery } from '../lowered-query.js';
import { ElasticPipeline, type NewStage } from './elastic-pipeline.js';
import { checkShape, STRING, type FieldShape } from './field-shape.js';
import { indexConstraint } from './index-constraint.js';
import { inlineToml } from './inline-toml.js';
import { lowerEql } from './lower-eql.js';
import { lowerEsql } from './lower-esql.js';
import { lowerKueryText } from './lower-kuery.js';
import { filtersStage } from './lower-query-dsl.js';
import {
  ALERT_SUPPRESSION_FIELD,
  CATEGORY_OVERRIDE_FIELD,
  DOCUMENT_FIELDS,
  EXCEPTIONS_FIELD,
  INDEX_FIELD,
  RULE_TYPE_FIELDS,
} from './rule-field-shapes.js';
import { stringsOf, tableOf, type RuleTable } from './rule-table.js';
import {
  alertSuppressionStage,
  exceptionsStage,
  machineLearningStage,
  newTermsStage,
  thresholdConditionStage,
  thresholdStage,
  threatMatchStage,
} from './rule-type-stages.js';

/** Where a diagnostic about the whole query points: its first line. */
const QUERY_START = { start: 0, end: 0 };

/** Rule types whose query is the whole detection. */
const QUERY_ONLY_TYPES: ReadonlySet<string> = new Set(['query', 'eql', 'esql']);

/** Rule types that run a query: without one, what the rule matches is unknown. */
const QUERY_TYPES: ReadonlySet<string> = new Set([
  ...QUERY_ONLY_TYPES,
  'threshold',
  'new_terms',
  'threat_match',
]);

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
  // The reader keeps only well-typed metadata; what it left out is said here.
  checkShape(pipeline, '', doc.raw, DOCUMENT_FIELDS);

  if (rule.index !== undefined) addIndexStage(pipeline, rule.index);
  if (rule.filters !== undefined) pipeline.add(filtersStage(rule.filters, pipeline));

  lowerQueryStages(pipeline, rule);
  addRuleTypeStage(pipeline, rule);
  if (rule.exceptions_list !== undefined) {
    const stage = exceptionsStage(rule);
    addCheckedStage(pipeline, stage, 'exceptions_list', rule.exceptions_list, EXCEPTIONS_FIELD);
  }
  if (rule.alert_suppression !== undefined) {
    const stage = pipeline.nextIndex();
    const suppression = rule.alert_suppression;
    checkShape(pipeline, 'alert_suppression', suppression, ALERT_SUPPRESSION_FIELD, stage);
    // Suppression only groups alerts: a wrong-typed setting leaves what the rule matches known.
    pipeline.add(alertSuppressionStage(rule));
  }
  return pipeline.result();
}

/**
 * The index patterns a rule searches, shown as a `from` stage constraining `_index`. Patterns
 * that are not strings leave the searched indices unknown: the stage is then opaque.
 */
function addIndexStage(pipeline: ElasticPipeline, value: unknown): void {
  const index = stringsOf(value);
  const fits = checkShape(pipeline, 'index', value, INDEX_FIELD, pipeline.nextIndex());
  const text = inlineToml('index', value);
  if (!fits) {
    pipeline.add({ command: 'from', text, effect: 'filter', args: { index }, opaque: true });
    return;
  }
  if (index.length === 0) return;
  const predicate = indexConstraint(index);
  pipeline.add({ command: 'from', text, effect: 'filter', args: { index }, predicate });
}

/** Adds a stage built from rule settings; settings of the wrong type make it opaque. */
function addCheckedStage(
  pipeline: ElasticPipeline,
  stage: NewStage,
  path: string,
  value: unknown,
  shape: FieldShape,
): void {
  const fits = checkShape(pipeline, path, value, shape, pipeline.nextIndex());
  pipeline.add(fits ? stage : { ...stage, opaque: true });
}

/** The stages of the rule's query, in the document's language; `rule` holds its settings. */
export function lowerQueryStages(pipeline: ElasticPipeline, rule: RuleTable): void {
  const { doc } = pipeline;
  const missing = rule.query === undefined && QUERY_TYPES.has(doc.type ?? '');
  if (missing || (rule.query !== undefined && typeof rule.query !== 'string')) {
    addUnreadableQuery(pipeline, rule.query);
    return;
  }

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
      lowerEqlRule(pipeline, rule);
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

/**
 * A query that is missing where the rule type runs one, or is not a string: what the rule matches
 * is unknown, so its query stage is opaque.
 */
function addUnreadableQuery(pipeline: ElasticPipeline, query: unknown): void {
  const stage = pipeline.nextIndex();
  const type = pipeline.doc.type ?? '';
  if (query === undefined) {
    const message = `a rule of type '${type}' needs a query and this one has none`;
    pipeline.report('warning', 'elastic.missing-query', message, stage);
  } else {
    checkShape(pipeline, 'query', query, STRING, stage);
  }
  pipeline.addUnknownQuery(query === undefined ? '' : inlineToml('query', query));
}

/**
 * EQL reads an event's category from `event.category` unless the rule names another field; an
 * override that is not a field name leaves the category field, and so the query, unknown.
 */
function lowerEqlRule(pipeline: ElasticPipeline, rule: RuleTable): void {
  const override = rule.event_category_override;
  if (override === undefined || override === '') {
    lowerEql(pipeline, 'event.category');
    return;
  }
  if (typeof override === 'string') {
    lowerEql(pipeline, override);
    return;
  }
  const stage = pipeline.nextIndex();
  checkShape(pipeline, 'event_category_override', override, CATEGORY_OVERRIDE_FIELD, stage);
  pipeline.addUnknownQuery();
}

function addRuleTypeStage(pipeline: ElasticPipeline, rule: RuleTable): void {
  const type = pipeline.doc.type ?? '';
  if (QUERY_ONLY_TYPES.has(type)) return;

  const stageOf = Object.hasOwn(RULE_TYPE_STAGES, type) ? RULE_TYPE_STAGES[type] : undefined;
  if (stageOf !== undefined) {
    addCheckedStage(pipeline, stageOf(rule), '', rule, RULE_TYPE_FIELDS[type]);
    const condition = type === 'threshold' ? thresholdConditionStage(rule) : null;
    if (condition) pipeline.add(condition);
    return;
  }
  const message = type === '' ? 'the rule has no type' : `rule type '${type}' is not modelled`;
  pipeline.report('warning', 'elastic.unknown-rule-type', message);
}
