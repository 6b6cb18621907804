// ATT&CK coverage of a rule: its techniques grouped under tactics in matrix order. Ids missing
// from the compiled data, revoked or deprecated stay visible with `known: false`.

import {
  attackCatalog,
  normalizeTechniqueId,
  tacticKey,
  type AttackTacticEntry,
} from '../attack/attack-catalog.js';
import type { AttackTacticCoverage, AttackTechnique, RuleDocument } from '../ir/index.js';

type TacticView = AttackTacticCoverage['tactic'];

/** Where a technique goes when neither the rule nor the data names a tactic for it. */
const UNKNOWN_TACTIC: TacticView = {
  id: null,
  name: 'Unknown tactic',
  shortName: 'unknown',
  known: false,
};

interface Group {
  tactic: TacticView;
  techniques: Set<string>;
}

/**
 * The rule's own tactic tags decide where a technique goes when the rule has them (Sigma,
 * Elastic); otherwise every tactic the data gives the technique does.
 */
export function attackCoverage(
  rule: Pick<RuleDocument, 'techniques' | 'tactics'>,
): AttackTacticCoverage[] {
  const techniques = [...new Set(rule.techniques.map(normalizeTechniqueId))].filter(Boolean);
  const ruleTactics = new Map<string, TacticView>();
  for (const key of rule.tactics) {
    if (key.trim() === '') continue;
    const tactic = tacticView(key);
    ruleTactics.set(tactic.shortName, tactic);
  }

  const groups =
    ruleTactics.size > 0
      ? placeUnderRuleTactics(techniques, [...ruleTactics.values()])
      : placeUnderOwnTactics(techniques);
  return [...groups.values()].sort(byMatrixOrder).map((group) => ({
    tactic: group.tactic,
    techniques: [...group.techniques].sort().map(techniqueView),
  }));
}

/**
 * Each technique goes under the rule tactics it belongs to in the data. One that belongs to none
 * of them (or is unknown) goes under the rule tactics no other technique claimed, or all of them.
 */
function placeUnderRuleTactics(techniques: string[], tactics: TacticView[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const tactic of tactics) groups.set(tactic.shortName, { tactic, techniques: new Set() });
  const claimed = new Set<string>();
  const unplaced: string[] = [];
  for (const technique of techniques) {
    const matching = tactics.filter((tactic) => belongsTo(technique, tactic));
    if (matching.length === 0) unplaced.push(technique);
    for (const tactic of matching) {
      claimed.add(tactic.shortName);
      groups.get(tactic.shortName)?.techniques.add(technique);
    }
  }

  const unclaimed = tactics.filter((tactic) => !claimed.has(tactic.shortName));
  const fallback = unclaimed.length > 0 ? unclaimed : tactics;
  for (const technique of unplaced) {
    for (const tactic of fallback) groups.get(tactic.shortName)?.techniques.add(technique);
  }
  return groups;
}

function placeUnderOwnTactics(techniques: string[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const technique of techniques) {
    const own = attackCatalog.tacticsOfTechnique(technique);
    const tactics = own.length > 0 ? own.map(tacticView) : [UNKNOWN_TACTIC];
    for (const tactic of tactics) {
      const group = groups.get(tactic.shortName) ?? { tactic, techniques: new Set<string>() };
      group.techniques.add(technique);
      groups.set(tactic.shortName, group);
    }
  }
  return groups;
}

// LIMITATION: v19 assigns techniques to Stealth or Defense Impairment, but our data only has v18's
// Defense Evasion — a rule tagged with both lists each such technique under both.
/** Whether the data files the technique under the tactic, or under the tactic it split from. */
function belongsTo(technique: string, tactic: TacticView): boolean {
  const own = attackCatalog.tacticsOfTechnique(technique);
  if (own.includes(tactic.shortName)) return true;
  const splitFrom = attackCatalog.tactic(tactic.shortName)?.splitFrom;
  return splitFrom !== undefined && own.includes(splitFrom);
}

function tacticView(key: string): TacticView {
  const entry = attackCatalog.tactic(key);
  if (entry) return knownTacticView(entry);
  const shortName = tacticKey(key);
  return { id: null, name: displayName(shortName), shortName, known: false };
}

/**
 * A tactic is known only when the STIX data defines it: v19's Stealth and Defense Impairment
 * come from the name list alone (no id, no STIX object), so they show as not known.
 */
function knownTacticView(entry: AttackTacticEntry): TacticView {
  const known = !entry.status && entry.id !== null;
  return { id: entry.id, name: entry.name, shortName: entry.shortName, known };
}

/** `inhibit-response-function` → `Inhibit Response Function`; `ta0099` → `TA0099`. */
function displayName(shortName: string): string {
  if (/^ta\d+$/.test(shortName)) return shortName.toUpperCase();
  return shortName
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

function techniqueView(id: string): AttackTechnique {
  const entry = attackCatalog.technique(id);
  return { id, name: entry?.name ?? null, known: entry !== undefined && !entry.status };
}

/** Tactics in the data by matrix order, then tactics it lacks by name, the unknown group last. */
function byMatrixOrder(a: Group, b: Group): number {
  const rank = (group: Group) => {
    if (group.tactic === UNKNOWN_TACTIC) return Number.MAX_SAFE_INTEGER;
    return attackCatalog.tactic(group.tactic.shortName)?.order ?? Number.MAX_SAFE_INTEGER - 1;
  };
  const difference = rank(a) - rank(b);
  if (difference !== 0) return difference;
  return a.tactic.shortName < b.tactic.shortName ? -1 : 1;
}
