// A catalog entry (a rule with its analysis) and the summary of the build that made the catalog.

import type {
  AttackTacticCoverage,
  EventCoverage,
  Indicator,
  Neighbors,
} from './analysis.js';
import type { Rule, SourceName } from './rule.js';

export interface AnalyzedRule extends Rule {
  attack: AttackTacticCoverage[];
  events: EventCoverage[];
  indicators: Indicator[];
  neighbors: Neighbors;
}

/** Per-source counts of a build; `documents = rules + failed` always holds. */
export interface SourceSummary {
  /** Rule files read (context files such as macros excluded). */
  files: number;
  documents: number;
  rules: number;
  failed: number;
  withDiagnostics: number;
  fullyParsed: number;
}

export interface BuildSummary {
  sources: Partial<Record<SourceName, SourceSummary>>;
  rules: number;
  seconds: number;
}

/** A repository a catalog was built from. */
export interface CatalogSource {
  source: SourceName;
  root: string;
  commit: string | null;
}
