// A detection rule as ruledex stores it: metadata from the file plus its parsed pipeline.

import type { Diagnostic } from './diagnostic.js';
import type { Expr } from './predicate.js';
import type { Stage } from './stage.js';

export type SourceName = 'splunk' | 'sigma' | 'elastic' | 'elastic-hunting';

/** Query language of a rule's detection logic. */
export type Language = 'spl' | 'sigma' | 'kuery' | 'eql' | 'esql' | 'lucene' | 'none';

/**
 * A rule document as read from its repository, before the query is parsed. Readers in
 * sources/ produce these; lower/ turns them into Rules.
 */
export interface RuleDocument {
  source: SourceName;
  /** Upstream id: Splunk/Sigma `id`, Elastic `rule_id`. */
  upstreamId: string;
  /** File path relative to the repository root, with `/` separators. */
  file: string;
  /** 1-based line where the rule document starts in the file. */
  line: number;
  /** 1-based line where the query text starts, for mapping query offsets to file lines. */
  queryLine: number;
  /** Link to the file upstream at the snapshot commit, when the commit is known. */
  url: string | null;
  title: string;
  description: string;
  authors: string[];
  status: string | null;
  level: string | null;
  /** Rule type where the source has one (Splunk `TTP`, Elastic `eql`, `threshold`…). */
  type: string | null;
  created: string | null;
  modified: string | null;
  references: string[];
  falsePositives: string[];
  tags: string[];
  /** ATT&CK technique ids (`T1047`, `T1059.001`) from the rule's own metadata. */
  techniques: string[];
  /** ATT&CK tactic short names (`execution`, `lateral-movement`) when the rule states them. */
  tactics: string[];
  deprecated: boolean;
  language: Language;
  /** The query as written in the file. */
  query: string;
  /** The whole parsed document, for source-specific lowering (Sigma detection, Elastic rule). */
  raw: Record<string, unknown>;
  /** Source-specific context the lowering needs (data sources for Splunk, etc.). */
  dataSources: string[];
  /** What the reader noted about how the file was read (info diagnostics on the rule). */
  readingNotes?: Diagnostic[];
  /**
   * Rules of the same repository that name this one: Sigma correlation and filter rules. Absent
   * when none does.
   */
  referredBy?: RuleReferrer[];
  /** What an Elastic rule or hunting query states about running it. Absent for other sources. */
  elastic?: ElasticFacts;
}

/** What an Elastic rule or hunting query file states about the data it needs, for its page. */
export interface ElasticFacts {
  /** The integration packages its events come from, with the data streams it names. */
  integrations: RelatedIntegration[];
  /** Setup instructions in Markdown, as the authors wrote them; null when there are none. */
  setup: string | null;
  /** A hunting query's notes on reading what it finds; empty for detection rules. */
  notes: string[];
}

/** An Elastic integration package a rule reads, as Fleet names it. */
export interface RelatedIntegration {
  /** Package name: `endpoint`, `aws`, `windows`. */
  package: string;
  /** The package's data stream the rule reads (`cloudtrail`), when the rule names one. */
  integration: string | null;
}

/** A rule that refers to another one, as that other rule's page links back to it. */
export interface RuleReferrer {
  /** Catalog id of the referring rule. */
  id: string;
  title: string;
  /** What the referring rule is: `correlation` or `filter`. */
  kind: string;
  /** How it names the referred rule: its id or its `name`. */
  reference: string;
}

/** A data source a rule names, as its repository defines it (Splunk `data_sources/*.yml`). */
export interface DataSourceDefinition {
  name: string;
  /** The Splunk `source` its events have (`XmlWinEventLog:Security`), when defined. */
  source: string | null;
  sourcetype: string | null;
}

/** A rule after parsing and lowering, ready for analysis and storage. */
export interface Rule extends RuleDocument {
  /** Catalog id: `<source>:<upstream id>`. */
  id: string;
  pipeline: Stage[];
  /**
   * The AND of what filters events up to and including the first aggregation's own
   * filter, plus the log-source constraints. `null` when nothing filters.
   */
  eventFilter: Expr | null;
  /**
   * The query after macro expansion, when expansion changed it (SPL): what the pipeline was
   * parsed from, and what the event matcher evaluates.
   */
  expandedQuery?: string;
  /** Whether every stage and predicate was understood. */
  fullyParsed: boolean;
  /**
   * The data sources the repository defines among `dataSources`, in their order: what the rule
   * documents it reads (they do not constrain its events). Absent when none is defined.
   */
  dataSourceDefinitions?: DataSourceDefinition[];
  diagnostics: Diagnostic[];
}
