// The events a rule keeps, as far as neighbors can model them: condition, cases, aggregation.
//
// Event model of this first version: a rule reads one stream of events (its event source); the
// filters before its aggregation on fields no earlier stage computed, renamed or removed are
// conditions on the raw event (its `condition`). Whatever else it does only removes events: for
// the rule as a narrower one that is fine (its condition still holds for every event it keeps);
// for the rule as a broader one it may remove events its condition keeps — then it is never
// claimed broader.

import {
  hasOpaque,
  predicatesOf,
  RAW_FIELD,
  type Expr,
  type Predicate,
  type Rule,
  type Stage,
} from '../../ir/index.js';
import { fieldFamilyOf } from '../../lower/elastic/field-types.js';
import { canonicalComparisonOf } from '../../semantics/canonical-comparison.js';
import { isElasticSource } from '../../sources/elastic/elastic-source.js';
import { disjunctsOf } from '../implication/disjuncts.js';
import { allOf, formulaOf, type Formula, type FormulaContext } from '../implication/formula.js';
import type { Literal } from '../implication/literal.js';
import { withModelStatements } from '../implication/event-identity.js';
import { withPathCompanions } from '../implication/path-companions.js';
import { eventSourceOf, type EventSource } from './event-source.js';
import { mayBeWritten, withWritten, type WrittenFields } from './written-fields.js';

/** Most cases (disjuncts) a condition may have to be compared as the narrower rule. */
export const CASE_BOUND = 64;

/**
 * Dialects where a comparison on a missing field is false, so its negation is true: search
 * filters, index patterns and Query DSL. Elsewhere (SPL `where`, EQL, ES|QL) such a comparison
 * is unknown.
 */
const TWO_VALUED_DIALECTS: ReadonlySet<string> = new Set([
  'spl:search',
  'spl:tstats',
  'sigma:logsource',
  'sigma:detection',
  'kuery:from',
  'kuery:query',
  'kuery:filters',
  'eql:from',
  'eql:filters',
]);

/**
 * Dialects whose comparisons match whole values, any value of a multi-valued field, as every
 * other of them does (docs/event-model.md, "Comparing across dialects"): their literals compare
 * across dialects and so across vendors. SPL `where` and ES|QL are left out: how they treat
 * multi-valued and missing fields differs, so they compare only within their own dialect.
 */
const SHARED_DIALECTS: ReadonlySet<string> = new Set([...TWO_VALUED_DIALECTS, 'eql:query']);

/** Every Splunk event has a time, whatever stage rounded it: grouping by it drops none. */
const TIME_FIELD = '_time';

/** Commands that bring rows from elsewhere: the rule's results are no longer its events. */
const ROW_SOURCE_COMMANDS: ReadonlySet<string> = new Set([
  'append',
  'appendcols',
  'appendpipe',
  'union',
  'multisearch',
  'map',
  'inputlookup',
  'inputcsv',
  'makeresults',
  'gentimes',
  'rest',
  'set',
  'from',
  'datamodel',
]);

/** Commands whose matching is not modelled yet: their rules are not compared at all. */
// LIMITATION: EQL sequences and samples, Sigma correlations, ES|QL and machine-learning rules,
// and rules not fully parsed are never compared — their pages list no neighbors.
const UNMODELLED_COMMANDS: ReadonlySet<string> = new Set(['sequence', 'sample', 'correlation']);

/** Commands that may drop events whatever effect they are given: never in a broader rule. */
const EVENT_DROPPING_COMMANDS: ReadonlySet<string> = new Set([
  'dedup',
  'head',
  'tail',
  'top',
  'rare',
  'sort',
  'transaction',
  'join',
  'mvexpand',
  'threshold',
  'new_terms',
  'threat_match',
  'machine_learning',
]);

/** Aggregations that keep every event whose group-by fields are present. */
// LIMITATION: a condition on aggregated rows (a threshold) always blocks a broader claim, even
// when the narrower rule has the same monotone threshold — such pairs are not listed.
const EVENT_KEEPING_AGGREGATIONS: ReadonlySet<string> = new Set(['stats', 'tstats']);

/** Elastic rule types that alert on every event their query matches. */
const EVENT_KEEPING_ELASTIC_TYPES: ReadonlySet<string> = new Set(['query', 'eql']);

/** Elastic rule types whose alerts are events their query matches, plus a further test. */
const NARROWING_ELASTIC_TYPES: ReadonlySet<string> = new Set([
  'threshold',
  'new_terms',
  'threat_match',
]);

export interface EventScope {
  rule: Rule;
  /** The field names the rule writes (see `vocabularyOf`); claims compare across them. */
  vocabulary: string;
  /** The events it reads before any condition. */
  source: EventSource;
  /** What every kept event satisfies: the filters on raw events, ANDed. */
  condition: Formula;
  /**
   * The condition's cases, each with the statements the event model makes of the events it
   * names (implication/event-identity); null past `CASE_BOUND` (the rule is then never narrower).
   */
  cases: Literal[][] | null;
  /** Why the rule is never broader than another (a stage that may drop events); null if not. */
  broaderBlock: string | null;
  /** The command of its aggregation, if any. */
  aggregation: string | null;
  /** Fields its aggregation groups by without filling them: events lacking one are dropped. */
  groupBy: string[];
  /** Those of them no earlier stage wrote: every kept event has them as the raw event did. */
  rawGroupBy: string[];
}

export type ScopeOrExclusion = { scope: EventScope } | { excluded: string };

/**
 * The field names a rule writes: one per source, Elastic's hunting queries using its rules' ECS
 * names. Implication compares canonical comparisons whatever the vocabulary; a witness is
 * rendered anew only for a rule of another vocabulary.
 */
export function vocabularyOf(rule: Rule): string {
  return isElasticSource(rule.source) ? 'elastic' : rule.source;
}

/** The rule's event scope, or why it cannot be compared with any rule. */
export function eventScopeOf(rule: Rule): ScopeOrExclusion {
  const read = eventSourceOf(rule);
  if (!read && isElasticSource(rule.source)) return { excluded: 'reads no index patterns' };
  if (!read) return { excluded: `starts with ${rule.pipeline[0]?.command ?? 'nothing'}` };
  const unmodelled = unmodelledReason(rule);
  if (unmodelled) return { excluded: unmodelled };

  const scope: EventScope = {
    rule,
    vocabulary: vocabularyOf(rule),
    source: read.source,
    condition: allOf([]),
    cases: null,
    broaderBlock: ruleTypeBlock(rule),
    aggregation: null,
    groupBy: [],
    rawGroupBy: [],
  };
  const parts: Formula[] = [];
  let written: WrittenFields = new Set();

  for (const stage of rule.pipeline.slice(read.stages)) {
    const command = commandOf(stage);
    const { effect } = stage;
    if (EVENT_DROPPING_COMMANDS.has(command)) block(scope, `its ${command} stage may drop events`);
    if (effect === 'enrich' || effect === 'format') written = withWritten(written, stage);
    if (effect === 'filter-aggregated') block(scope, `it filters aggregated rows (${command})`);
    if (effect === 'filter') {
      if (scope.aggregation) block(scope, `it filters aggregated rows (${command})`);
      else if (!stage.predicate) block(scope, `its ${command} stage filters in a way not modelled`);
      else addCondition(scope, stage, stage.predicate, written, parts);
    }
    if (effect === 'aggregate') {
      addAggregation(scope, stage, written, parts);
    }
  }

  scope.condition = allOf(parts);
  const cases = disjunctsOf(scope.condition, CASE_BOUND);
  scope.cases = cases?.map((c) => withModelStatements(withPathCompanions(c, rule))) ?? null;
  return { scope };
}

/**
 * A filter is a condition on the raw event when no earlier stage wrote its fields; otherwise the
 * rule is never broader, and as a narrower rule its condition simply leaves the filter out.
 */
function addCondition(
  scope: EventScope,
  stage: Stage,
  predicate: Expr,
  written: WrittenFields,
  parts: Formula[],
): void {
  if (readsWritten(predicate, written)) {
    block(scope, `its ${commandOf(stage)} filters fields an earlier stage computed or renamed`);
    return;
  }
  parts.push(formulaOf(predicate, contextOf(scope.rule, stage)));
}

function addAggregation(
  scope: EventScope,
  stage: Stage,
  written: WrittenFields,
  parts: Formula[],
): void {
  if (scope.aggregation) {
    block(scope, `it aggregates twice`);
    return;
  }
  const command = commandOf(stage);
  scope.aggregation = command;
  if (!EVENT_KEEPING_AGGREGATIONS.has(command)) {
    block(scope, `its ${command} stage keeps only some groups`);
  }

  const filled = stage.groupBy?.filled ?? [];
  const fields = (stage.groupBy?.fields ?? []).filter((field) => field !== TIME_FIELD);
  scope.groupBy = filled === 'all' ? [] : fields.filter((field) => !filled.includes(field));
  scope.rawGroupBy = scope.groupBy.filter((field) => !mayBeWritten(written, field));
  if (scope.rawGroupBy.length < scope.groupBy.length) {
    block(scope, `it groups by fields an earlier stage computed or renamed`);
  }
  if (stage.predicate) addCondition(scope, stage, stage.predicate, written, parts);
}

/** Fields a predicate tree reads: its predicates' fields and the fields they compare with. */
/** Whether the expression reads a field (compared, or referred to) that may have been written. */
function readsWritten(expr: Expr, written: WrittenFields): boolean {
  for (const { predicate } of predicatesOf(expr)) {
    if (mayBeWritten(written, predicate.field)) return true;
    if (predicate.op !== 'fieldref') continue;
    if (predicate.values.some((value) => mayBeWritten(written, String(value)))) return true;
  }
  return false;
}

function block(scope: EventScope, reason: string): void {
  scope.broaderBlock ??= reason;
}

function contextOf(rule: Rule, stage: Stage): FormulaContext {
  const dialect = `${rule.language}:${commandOf(stage)}`;
  const byFieldType = matchesByFieldType(rule, stage);
  return {
    dialect,
    shared: SHARED_DIALECTS.has(dialect),
    missingIsUnknown: !TWO_VALUED_DIALECTS.has(dialect),
    comparisonOf: (predicate) => canonicalComparisonOf(predicate, rule),
    isVerbatim: (predicate) =>
      predicate.field === RAW_FIELD || (byFieldType && matchesWords(predicate.field)),
  };
}

/**
 * Whether the stage's values match whole values or words depending on the field's type: KQL
 * queries and Elastic Query DSL filters (match, match_phrase).
 */
function matchesByFieldType(rule: Rule, stage: Stage): boolean {
  const filters = isElasticSource(rule.source) && commandOf(stage) === 'filters';
  return rule.language === 'kuery' || filters;
}

/**
 * Whether Elasticsearch matches words of the field's text rather than its whole value: `text`
 * and `match_only_text` fields, and fields of no single value (objects, flattened), by the ECS
 * types the matcher uses. Keyword, number, date, boolean and address fields match whole values.
 */
function matchesWords(field: string): boolean {
  const family = fieldFamilyOf(field);
  return family === 'text' || family === 'other';
}

/** Command names compare in lower case: SPL accepts `Stats` as well as `stats`. */
function commandOf(stage: Stage): string {
  return stage.command.toLowerCase();
}

/** Why the rule's matching is not modelled at all, or null when it is. */
function unmodelledReason(rule: Rule): string | null {
  if (!rule.fullyParsed) return 'not fully parsed';
  const [first] = rule.pipeline;
  const elasticType = elasticRuleType(rule);
  if (isElasticSource(rule.source) && !isComparableElasticType(elasticType)) {
    return `elastic rule type ${elasticType ?? 'unknown'}`;
  }

  for (const stage of rule.pipeline) {
    const command = commandOf(stage);
    if (stage.opaque) return 'opaque stage';
    if (stage.predicate && hasOpaque(stage.predicate)) return 'opaque predicate';
    if (stage !== first && ROW_SOURCE_COMMANDS.has(command)) {
      return `${command} brings rows from elsewhere`;
    }
    if (UNMODELLED_COMMANDS.has(command)) return `${command} is not modelled`;
  }
  if (!eventFilterIsStaged(rule)) return 'event filter holds conditions no stage shows';
  return null;
}

/** A hunting query runs its query as a rule of its language's type would (`esql` for ES|QL). */
function elasticRuleType(rule: Rule): string | null {
  if (rule.source !== 'elastic-hunting') return rule.type;
  return rule.language === 'kuery' ? 'query' : rule.language;
}

function isComparableElasticType(type: string | null): boolean {
  if (type === null) return false;
  return EVENT_KEEPING_ELASTIC_TYPES.has(type) || NARROWING_ELASTIC_TYPES.has(type);
}

function ruleTypeBlock(rule: Rule): string | null {
  if (rule.source !== 'elastic' || !rule.type || EVENT_KEEPING_ELASTIC_TYPES.has(rule.type)) {
    return null;
  }
  return `as a ${rule.type} rule it alerts on only some of the events its query matches`;
}

/**
 * Whether every predicate of the rule's event filter comes from one of its stages: the scope
 * is built from stages, so a constraint living only in the event filter would be missed.
 */
function eventFilterIsStaged(rule: Rule): boolean {
  if (!rule.eventFilter) return true;
  if (hasOpaque(rule.eventFilter)) return false;
  const staged = new Set<Predicate>();
  for (const stage of rule.pipeline) {
    if (!stage.predicate) continue;
    for (const { predicate } of predicatesOf(stage.predicate)) staged.add(predicate);
  }
  for (const { predicate } of predicatesOf(rule.eventFilter)) {
    if (!staged.has(predicate)) return false;
  }
  return true;
}
