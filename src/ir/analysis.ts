// What analysis/ adds to a rule: indicators with corpus counts, ATT&CK and event coverage,
// neighbors. These are the shapes the store saves and pages and `show --json` present.

import type { Op, Scalar } from './predicate.js';
import type { SourceName } from './rule.js';

/** How many *other* rules in the catalog look for the same thing. */
export interface CorpusCount {
  total: number;
  bySource: Partial<Record<SourceName, number>>;
}

export interface IndicatorValue {
  /** The value as written in the rule. */
  value: Scalar;
  /**
   * The value in the cross-vendor vocabulary, when it differs from `value` (`x.exe` for a
   * path suffix `\x.exe`, `"4104"` for 4104 on the keyword field `event.code`).
   */
  canonical?: Scalar;
  /** Counted on the canonical field, operator and value, letter case folded. */
  corpus: CorpusCount;
}

/** One field/operator the rule matches, with every value it matches it against. */
export interface Indicator {
  /** Field as written in the rule. */
  field: string;
  /** Canonical field (ECS where mapped, the original otherwise). */
  canonicalField: string;
  /** Operator as written in the rule. */
  op: Op;
  /**
   * Operator in the cross-vendor vocabulary, when it differs from `op` (a path suffix
   * `endswith '\x.exe'` is `eq 'x.exe'` on the file-name field).
   */
  canonicalOp?: Op;
  /** True when the rule *excludes* these values (the predicate sits under a NOT). */
  negated: boolean;
  caseSensitive: boolean;
  values: IndicatorValue[];
}

export interface AttackTechnique {
  /** `T1047`, `T1059.001`. */
  id: string;
  name: string | null;
  /** False when the id is not in the compiled ATT&CK data, or is revoked/deprecated there. */
  known: boolean;
}

export interface AttackTacticCoverage {
  tactic: {
    /** `TA0002`; null when the tactic is not in the compiled data. */
    id: string | null;
    name: string;
    /** ATT&CK short name: `execution`, `lateral-movement`, `stealth`. */
    shortName: string;
    known: boolean;
  };
  techniques: AttackTechnique[];
}

export interface EventCoverage {
  /** Full provider name, e.g. `Microsoft-Windows-PowerShell`. */
  provider: string;
  eventId: number;
  title: string | null;
}

export type NeighborRelation = 'broader' | 'narrower' | 'equivalent' | 'overlapping';

/** One condition of a rule as written in it and in the cross-vendor vocabulary. */
export interface ConditionText {
  /** The predicates the condition stands for, as the rule writes them (`Image|endswith …`). */
  written: string;
  /** The condition on canonical fields: `process.name = 'x.exe'`. */
  canonical: string;
}

/**
 * How two rules' conditions meet. For broader, narrower and equivalent neighbors `a` is a
 * condition of the broader rule and `b` the narrower rule's condition implying it. For an
 * overlapping neighbor `a` is this rule's condition and `b` the neighbor's condition on the same
 * field, and `value` the value of a common event that meets both.
 */
export interface ConditionLink {
  a: ConditionText;
  b: ConditionText;
  value?: Scalar;
}

/**
 * The figure neighbors of one relation are ranked by. `added-conditions`: how many conditions of
 * the narrower rule the broader one does not need (0 for equivalent rules; fewer is closer).
 * `shared-atoms`: the required canonical atoms both rules have over all those either has
 * (1 when they require the same; higher is closer).
 */
export interface Closeness {
  measure: 'added-conditions' | 'shared-atoms';
  value: number;
}

export interface Neighbor {
  id: string;
  upstreamId: string;
  source: SourceName;
  title: string;
  /** Why the relation holds, in a sentence a detection engineer can check. */
  reason: string;
  /** Absent in catalogs built before mappings were kept. */
  mapping?: ConditionLink[];
  /** Links left out of `mapping` to keep entries small. */
  mappingOmitted?: number;
  closeness?: Closeness;
}

export interface Neighbors {
  /** Rules matching a superset of this rule's events (equivalent rules are not repeated here). */
  broader: Neighbor[];
  /** Rules matching a subset of this rule's events (equivalent rules are not repeated here). */
  narrower: Neighbor[];
  /** Rules matching exactly the same events. Absent in catalogs built before it was listed. */
  equivalent?: Neighbor[];
  /**
   * Rules sharing a required condition with this one that match at least one common event,
   * neither broader nor narrower. Absent in catalogs built before it was listed.
   */
  overlapping?: Neighbor[];
}

/** Neighbors of a rule that has none: every relation empty. */
export function noNeighbors(): Required<Neighbors> {
  return { broader: [], narrower: [], equivalent: [], overlapping: [] };
}
