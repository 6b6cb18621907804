// The JSON form of a catalog entry, shared by `ruledex show --json` and `/api/rules/:id`
// (documented in docs/json.md, schema in docs/schemas/rule.schema.json).

import type {
  AnalyzedRule,
  AttackTacticCoverage,
  Diagnostic,
  Effect,
  ElasticFacts,
  EventCoverage,
  Expr,
  GroupBy,
  Indicator,
  Language,
  MacroOrigin,
  Neighbors,
  SourceName,
  Span,
  Stage,
  SubsearchCondition,
} from '../ir/index.js';
import { noNeighbors } from '../ir/index.js';
import { requiredFields, type RequiredField } from '../lower/elastic/required-fields.js';
import { isElasticSource } from '../sources/elastic/elastic-source.js';
import { withStreams } from '../sources/elastic/related-integrations.js';

export interface StageJson {
  index: number;
  command: string;
  text: string;
  effect: Effect;
  /** The macro the stage was expanded from, or null. */
  origin: MacroOrigin | null;
  /** The stage's filter as a boolean tree, or null when it filters nothing. */
  predicate: Expr | null;
  groupBy: GroupBy | null;
  args: Record<string, unknown>;
  /** Searches nested in the command's arguments, lowered; empty when it has none. */
  subsearches: SubsearchCondition[];
  span: Span | null;
  opaque: boolean;
}

export interface RuleJson {
  id: string;
  upstreamId: string;
  source: SourceName;
  title: string;
  description: string;
  authors: string[];
  url: string | null;
  file: string;
  line: number;
  deprecated: boolean;
  status: string | null;
  level: string | null;
  type: string | null;
  created: string | null;
  modified: string | null;
  tags: string[];
  references: string[];
  falsePositives: string[];
  language: Language;
  query: string;
  /** The query after macro expansion (SPL), or null when expansion did not change it. */
  expandedQuery: string | null;
  fullyParsed: boolean;
  diagnostics: Diagnostic[];
  stages: StageJson[];
  eventFilter: Expr | null;
  indicators: Indicator[];
  attack: AttackTacticCoverage[];
  events: EventCoverage[];
  /** Every relation, empty when the catalog predates it. */
  neighbors: Required<Neighbors>;
  /** What an Elastic rule or hunting query needs; null for other sources. */
  elastic: ElasticJson | null;
}

/** The rule file's Elastic facts, with the event fields its stages read. */
export interface ElasticJson extends ElasticFacts {
  requiredFields: RequiredField[];
}

/** Absent optional parts become null or empty, so every key of the contract is always there. */
export function ruleJson(rule: AnalyzedRule): RuleJson {
  return {
    id: rule.id,
    upstreamId: rule.upstreamId,
    source: rule.source,
    title: rule.title,
    description: rule.description,
    authors: rule.authors ?? [],
    url: rule.url ?? null,
    file: rule.file,
    line: rule.line,
    deprecated: rule.deprecated,
    status: rule.status ?? null,
    level: rule.level ?? null,
    type: rule.type ?? null,
    created: rule.created ?? null,
    modified: rule.modified ?? null,
    tags: rule.tags ?? [],
    references: rule.references ?? [],
    falsePositives: rule.falsePositives ?? [],
    language: rule.language,
    query: rule.query,
    expandedQuery: rule.expandedQuery ?? null,
    fullyParsed: rule.fullyParsed,
    diagnostics: rule.diagnostics ?? [],
    stages: (rule.pipeline ?? []).map((stage) => ({
      index: stage.index,
      command: stage.command,
      text: stage.text,
      effect: stage.effect,
      origin: stage.origin ?? null,
      predicate: stage.predicate ?? null,
      groupBy: stage.groupBy ?? null,
      args: stage.args ?? {},
      subsearches: stage.subsearches ?? [],
      span: stage.span ?? null,
      opaque: stage.opaque ?? false,
    })),
    eventFilter: rule.eventFilter ?? null,
    indicators: rule.indicators ?? [],
    attack: rule.attack ?? [],
    events: rule.events ?? [],
    neighbors: neighborsJson(rule.neighbors),
    elastic: elasticJson(rule),
  };
}

/** Every relation's list; a catalog built before a relation was listed gives an empty one. */
function neighborsJson(neighbors: Neighbors | undefined): Required<Neighbors> {
  const none = noNeighbors();
  return {
    broader: neighbors?.broader ?? none.broader,
    narrower: neighbors?.narrower ?? none.narrower,
    equivalent: neighbors?.equivalent ?? none.equivalent,
    overlapping: neighbors?.overlapping ?? none.overlapping,
  };
}

/**
 * The facts with the fields the stages read, and with the data streams an ES|QL `FROM` names.
 * A catalog built before Elastic facts were read gives empty ones rather than none.
 */
export function elasticJson(rule: AnalyzedRule): ElasticJson | null {
  if (!isElasticSource(rule.source)) return null;
  const pipeline = rule.pipeline ?? [];
  return {
    integrations: withStreams(rule.elastic?.integrations ?? [], indexPatternsOf(pipeline)),
    requiredFields: requiredFields(pipeline),
    setup: rule.elastic?.setup ?? null,
    notes: rule.elastic?.notes ?? [],
  };
}

/** The index patterns the rule's `from` stages read: its index setting or an ES|QL `FROM`. */
function indexPatternsOf(pipeline: Stage[]): string[] {
  return pipeline.flatMap((stage) => {
    const index = stage.command === 'from' ? stage.args.index : undefined;
    return Array.isArray(index) ? index.filter((p): p is string => typeof p === 'string') : [];
  });
}
