// Log-source constraints for Splunk and Elastic rules: the events a log-source term covers are
// added beside it as predicates on ECS fields (`winlog.channel`, `event.provider`,
// `event.dataset`, `event.category`), as the Sigma log-source stage states them, so that every
// vendor's rules say where their events come from in one vocabulary. Run after lowering.

import {
  and,
  or,
  predicate,
  type DataSourceDefinition,
  type Expr,
  type Op,
  type Predicate,
  type Rule,
  type Stage,
} from '../ir/index.js';
import { eventFilterOf } from '../lower/finish-rule.js';
import {
  datasetOfIndexPattern,
  eventsOfElasticDataset,
  eventsOfWinlogbeatModule,
} from './elastic-log-sources.js';
import { COVERED_EVENT_FIELDS, type CoveredEvents } from './sigma-log-sources.js';
import {
  categoryOfDataModel,
  eventsOfSplunkLog,
  windowsEventLogChannel,
  type SplunkLogField,
} from './splunk-log-sources.js';

/** The ECS field a Splunk data model's category is stated on. */
const CATEGORY_FIELD = 'event.category';

/** The constraints a term implies, or null when it implies nothing beyond itself. */
type ConstraintsOf = (predicate: Predicate) => Expr | null;

const SPLUNK_LOG_FIELDS: ReadonlySet<string> = new Set(['source', 'sourcetype', 'eventtype']);
const ELASTIC_DATASET_FIELDS: ReadonlySet<string> = new Set([
  'event.dataset',
  'data_stream.dataset',
]);

/**
 * Adds the rule's log-source constraints to the stages that hold its log-source terms: a term
 * `P` becomes `P AND C` where every event matching `P` matches `C` under the event model, so
 * the rule matches the same events — under NOT or OR as well. Terms under a NOT are left
 * alone, as they select no log. Splunk rules also get the definitions of the data sources they
 * name, from the repository's reading `context`.
 */
export function constrainLogSource(rule: Rule, context: unknown = null): void {
  if (rule.source === 'splunk') {
    constrainStages(rule.pipeline, splunkConstraints);
    for (const stage of rule.pipeline) constrainDataModel(stage);
    const definitions = definedDataSources(rule.dataSources, dataSourcesOf(context));
    if (definitions.length > 0) rule.dataSourceDefinitions = definitions;
  } else if (rule.source === 'elastic' || rule.source === 'elastic-hunting') {
    constrainStages(rule.pipeline, elasticConstraints);
  } else {
    return;
  }
  // Stage predicates were replaced by constrained copies: the filter is rebuilt over them.
  rule.eventFilter = eventFilterOf(rule);
}

function constrainStages(stages: Stage[], constraintsOf: ConstraintsOf): void {
  for (const stage of stages) {
    if (stage.predicate) stage.predicate = constrained(stage.predicate, false, constraintsOf);
    for (const subsearch of stage.subsearches ?? []) {
      constrainStages(subsearch.stages, constraintsOf);
    }
  }
}

/** The tree with each positive log-source term ANDed with what it implies. */
function constrained(expr: Expr, negated: boolean, constraintsOf: ConstraintsOf): Expr {
  switch (expr.kind) {
    case 'and':
    case 'or': {
      const args = expr.args.map((arg) => constrained(arg, negated, constraintsOf));
      if (args.every((arg, i) => arg === expr.args[i])) return expr;
      return expr.kind === 'and' ? and(args) : or(args);
    }
    case 'not': {
      const arg = constrained(expr.arg, !negated, constraintsOf);
      return arg === expr.arg ? expr : { kind: 'not', arg };
    }
    case 'predicate': {
      if (negated) return expr;
      const implied = constraintsOf(expr.predicate);
      return implied ? and([expr, implied]) : expr;
    }
    default:
      return expr;
  }
}

/** `source=XmlWinEventLog:Security` → `winlog.channel = Security`, and so on. */
function splunkConstraints(term: Predicate): Expr | null {
  if (!SPLUNK_LOG_FIELDS.has(term.field)) return null;
  const field = term.field as SplunkLogField;
  if (term.op === 'startswith' && field !== 'eventtype') return channelPrefixConstraint(term);
  if (term.op !== 'eq' && term.op !== 'in') return null;

  const alternatives: Expr[] = [];
  for (const value of term.values) {
    if (typeof value !== 'string') return null;
    const covered = eventsOfSplunkLog(field, value);
    // One value implying nothing leaves the term's alternatives unknown as a whole.
    if (!covered) return null;
    alternatives.push(coveredConstraint(covered, term));
  }
  return alternatives.length === 0 ? null : or(alternatives);
}

/** `source=WinEventLog:Microsoft-Windows-AppLocker/*` reads the channels under that name. */
function channelPrefixConstraint(term: Predicate): Expr | null {
  const [value] = term.values;
  if (term.values.length !== 1 || typeof value !== 'string') return null;
  const channel = windowsEventLogChannel(value);
  if (channel === null) return null;
  return constraint(COVERED_EVENT_FIELDS.channel, 'startswith', [channel], term);
}

/** `tstats … from datamodel=Endpoint.Processes`: every event it reads is a process event. */
function constrainDataModel(stage: Stage): void {
  if (stage.command.toLowerCase() !== 'tstats') return;
  const datamodel = stage.args.datamodel;
  if (typeof datamodel !== 'string') return;
  const category = categoryOfDataModel(datamodel);
  if (category === null) return;

  const text = `from datamodel=${datamodel}`;
  const term: Predicate = {
    field: CATEGORY_FIELD,
    op: 'eq',
    values: [],
    caseSensitive: false,
    text,
  };
  const implied = constraint(CATEGORY_FIELD, 'eq', [category], term);
  stage.predicate = stage.predicate ? and([stage.predicate, implied]) : implied;
}

/** Index patterns read datasets; datasets and Winlogbeat modules read channels. */
function elasticConstraints(term: Predicate): Expr | null {
  if (term.field === '_index') {
    const dataset = datasetOfIndexPattern(term.text);
    return dataset === null ? null : coveredConstraint(eventsOfElasticDataset(dataset), term);
  }
  if (term.op !== 'eq' && term.op !== 'in') return null;
  if (!term.values.every((value) => typeof value === 'string')) return null;
  const values = term.values as string[];

  if (ELASTIC_DATASET_FIELDS.has(term.field)) {
    const skip = term.field === COVERED_EVENT_FIELDS.dataset ? 'dataset' : null;
    return nonEmpty(
      values.map((value) => coveredConstraint(eventsOfElasticDataset(value), term, skip)),
    );
  }
  if (term.field === 'event.module') {
    const alternatives: Expr[] = [];
    for (const value of values) {
      const covered = eventsOfWinlogbeatModule(value);
      if (!covered) return null;
      alternatives.push(coveredConstraint(covered, term));
    }
    return nonEmpty(alternatives);
  }
  return null;
}

/** The OR of alternatives that constrain something; null when one of them constrains nothing. */
function nonEmpty(alternatives: (Expr | null)[]): Expr | null {
  if (alternatives.length === 0 || alternatives.some((a) => a === null)) return null;
  return or(alternatives as Expr[]);
}

/** The OR over kinds of covered events of the AND of their attributes, as the term implies. */
function coveredConstraint(
  covered: CoveredEvents[],
  term: Predicate,
  skip: keyof CoveredEvents | null = null,
): Expr {
  const fields = COVERED_EVENT_FIELDS;
  return or(
    covered.map((events) => {
      const parts: Expr[] = [];
      if (events.channel) parts.push(constraint(fields.channel, 'eq', [events.channel], term));
      if (events.provider) parts.push(constraint(fields.provider, 'eq', [events.provider], term));
      if (events.dataset && skip !== 'dataset') {
        parts.push(constraint(fields.dataset, 'eq', [events.dataset], term));
      }
      const codes = (events.codes ?? []).map(String);
      if (codes.length > 0) {
        parts.push(constraint(fields.codes, codes.length > 1 ? 'in' : 'eq', codes, term));
      }
      return and(parts);
    }),
  );
}

/**
 * A constraint predicate, already in the cross-vendor vocabulary: its field is ECS. It keeps
 * the term's text, which says what implies it; it has no span or macro origin, as no query
 * text wrote it.
 */
function constraint(field: string, op: Op, values: string[], term: Predicate): Expr {
  const implied: Predicate = {
    field,
    op,
    values,
    caseSensitive: false,
    text: term.text,
    derivedFrom: term.text,
  };
  implied.canonical = { field, op, values, caseSensitive: false, mapping: 'ecs' };
  implied.canonicalField = field;
  return predicate(implied);
}

/** The data-source definitions a source's reading context holds (Splunk's), if any. */
function dataSourcesOf(context: unknown): ReadonlyMap<string, DataSourceDefinition> | null {
  if (typeof context !== 'object' || context === null || !('dataSources' in context)) return null;
  return context.dataSources instanceof Map ? context.dataSources : null;
}

/** The definitions of the data sources a rule names, for those the repository defines. */
function definedDataSources(
  names: string[],
  defined: ReadonlyMap<string, DataSourceDefinition> | null,
): DataSourceDefinition[] {
  if (!defined) return [];
  const parts = names.flatMap((name) => name.split(' AND ').map((part) => part.trim()));
  return parts.flatMap((name) => {
    const definition = defined.get(name);
    return definition
      ? [{ name, source: definition.source, sourcetype: definition.sourcetype }]
      : [];
  });
}
