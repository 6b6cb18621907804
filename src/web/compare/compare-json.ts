// The JSON form of a comparison of two rules, shared by the compare page, `/api/compare` and
// `ruledex compare --json` (documented in docs/json.md, schema docs/schemas/compare.schema.json).

import {
  relationBetween,
  type PairRelationKind,
} from '../../analysis/neighbors/pair-relation.js';
import {
  predicatesOf,
  type AnalyzedRule,
  type Effect,
  type Language,
  type Neighbor,
  type Predicate,
  type SourceName,
} from '../../ir/index.js';
import { canonicalComparisonOf } from '../../semantics/canonical-comparison.js';
import { operandText, predicateText } from '../predicate-text.js';

/** Predicates listed per stage; the rest are counted in `predicatesOmitted`. */
export const PREDICATES_SHOWN = 100;
/** Characters of a stage's text shown; a longer one is cut with `…`. */
export const STAGE_TEXT_SHOWN = 2000;
/** Characters of a predicate's written or canonical text shown. */
export const PREDICATE_TEXT_SHOWN = 400;

export interface ComparedPredicate {
  /** Whether the predicate sits under an odd number of NOTs. */
  negated: boolean;
  /** As the rule writes it: `Image (process.executable) endswith "\x.exe" (any case)`. */
  written: string;
  /** Its comparison in the cross-vendor vocabulary: `process.name eq "x.exe"`. */
  canonical: string;
}

export interface ComparedStage {
  index: number;
  command: string;
  effect: Effect;
  text: string;
  predicates: ComparedPredicate[];
  predicatesOmitted: number;
}

export interface ComparedRule {
  id: string;
  upstreamId: string;
  source: SourceName;
  title: string;
  language: Language;
  stages: ComparedStage[];
}

export interface CompareJson {
  a: ComparedRule;
  b: ComparedRule;
  /** How `a` relates to `b`: `broader` when `a` matches every event `b` does, and more. */
  relation: PairRelationKind;
  /** `b` as `a`'s page would list it, when `a` is proven broader than `b`. */
  aBroader: Neighbor | null;
  /** `b` as `a`'s page would list it, when `b` is proven broader than `a`. */
  bBroader: Neighbor | null;
  /** `b` as `a`'s page would list it, when neither is broader and a common event was found. */
  overlap: Neighbor | null;
  /** Why a rule could not be compared at all; null for a rule that could. */
  notCompared: { a: string | null; b: string | null };
}

export function compareJson(a: AnalyzedRule, b: AnalyzedRule): CompareJson {
  const relation = relationBetween(a, b);
  return { a: comparedRule(a), b: comparedRule(b), ...relation };
}

/** Canonical forms are made as the neighbor search makes them, for catalogs of any age. */
function comparedRule(rule: AnalyzedRule): ComparedRule {
  const { id, upstreamId, source, title, language } = rule;
  const stages = (rule.pipeline ?? []).map((stage) => {
    const predicates = stage.predicate ? [...predicatesOf(stage.predicate)] : [];
    const shown = predicates.slice(0, PREDICATES_SHOWN);
    return {
      index: stage.index,
      command: stage.command,
      effect: stage.effect,
      text: shortened(stage.text, STAGE_TEXT_SHOWN),
      predicates: shown.map((found) => comparedPredicate(found.predicate, found.negated, rule)),
      predicatesOmitted: predicates.length - shown.length,
    };
  });
  return { id, upstreamId, source, title, language, stages };
}

function comparedPredicate(
  predicate: Predicate,
  negated: boolean,
  rule: AnalyzedRule,
): ComparedPredicate {
  const canonical = canonicalComparisonOf(predicate, rule);
  const text = [canonical.field, canonical.op, operandText(canonical.op, canonical.values)]
    .filter((part) => part !== '')
    .join(' ');
  return {
    negated,
    written: shortened(predicateText(predicate), PREDICATE_TEXT_SHOWN),
    canonical: shortened(text, PREDICATE_TEXT_SHOWN),
  };
}

function shortened(text: string, shown: number): string {
  return text.length > shown ? `${text.slice(0, shown)}…` : text;
}
