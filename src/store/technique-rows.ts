// Writes the `rule_techniques` rows of each rule and, once every rule is in, the `techniques`
// table: every technique of the compiled ATT&CK data and every other id a rule names, with its
// tactics and the rules naming it, alone and with its sub-techniques.

import type Database from 'better-sqlite3';
import { attackCatalog, type AttackData } from '../attack/attack-catalog.js';
import attackData from '../attack/attack-data.json' with { type: 'json' };
import type { AnalyzedRule, AttackTechnique } from '../ir/index.js';
import { encodeBySource, RuleCounter } from './rule-count.js';
import { RowBatch } from './row-batch.js';

/** A tactic as the technique pages show it; `id` is null where the data gives none. */
export interface TacticRef {
  id: string | null;
  name: string;
  shortName: string;
}

interface TechniqueTally {
  id: string;
  name: string | null;
  known: boolean;
  rules: RuleCounter;
  withSubtechniques: RuleCounter;
}

export class TechniqueRows {
  private readonly rows: RowBatch;
  private readonly techniques = new Map<string, TechniqueTally>();

  constructor(private readonly db: Database.Database) {
    this.rows = new RowBatch(db, 'rule_techniques', ['rule_seq', 'technique']);
    for (const entry of (attackData as AttackData).techniques) {
      this.techniques.set(entry.id, tally(entry.id, entry.name, !entry.status));
    }
  }

  add(seq: number | bigint, rule: AnalyzedRule): void {
    const named = new Map<string, AttackTechnique>();
    for (const row of rule.attack) {
      for (const technique of row.techniques) named.set(technique.id, technique);
    }

    const families = new Set<TechniqueTally>();
    for (const technique of named.values()) {
      this.rows.add(seq, technique.id);
      const own = this.tallyOf(technique.id, technique.name);
      own.rules.add(rule.source);
      families.add(this.tallyOf(parentOf(technique.id) ?? technique.id, null));
    }
    for (const family of families) family.withSubtechniques.add(rule.source);
  }

  /** Inserts the rows still queued and writes `techniques`; call once, after the last rule. */
  finish(): void {
    this.rows.flush();
    const insert = this.db.prepare(`
      INSERT INTO techniques (id, parent, name, known, tactics, rules, by_source,
        with_subtechniques, with_subtechniques_by_source)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const t of this.techniques.values()) {
      const rules = t.rules.count();
      // A sub-technique has no sub-techniques of its own: its family is itself.
      const family = parentOf(t.id) === null ? t.withSubtechniques.count() : rules;
      insert.run(
        t.id,
        parentOf(t.id),
        t.name,
        t.known ? 1 : 0,
        JSON.stringify(tacticsOf(t.id)),
        rules.total,
        encodeBySource(rules),
        family.total,
        encodeBySource(family),
      );
    }
  }

  /** The technique's tally; an id the ATT&CK data lacks gets one, with the name rules give. */
  private tallyOf(id: string, name: string | null): TechniqueTally {
    let found = this.techniques.get(id);
    if (!found) {
      found = tally(id, name, false);
      this.techniques.set(id, found);
    }
    found.name ??= name;
    return found;
  }
}

function tally(id: string, name: string | null, known: boolean): TechniqueTally {
  return { id, name, known, rules: new RuleCounter(), withSubtechniques: new RuleCounter() };
}

/** `T1059` for `T1059.001`; null for a technique that is not a sub-technique. */
export function parentOf(id: string): string | null {
  const dot = id.indexOf('.');
  return dot < 0 ? null : id.slice(0, dot);
}

// LIMITATION: tactics are the compiled data's, where v19's Stealth and Defense Impairment are
// still Defense Evasion — a technique page lists Defense Evasion for those techniques.
/** The technique's tactics in the data (its parent's for an unknown sub-technique), by matrix. */
function tacticsOf(id: string): TacticRef[] {
  return attackCatalog
    .tacticsOfTechnique(id)
    .map((shortName) => attackCatalog.tactic(shortName))
    .filter((entry) => entry !== undefined)
    .sort((a, b) => a.order - b.order)
    .map((entry) => ({ id: entry.id, name: entry.name, shortName: entry.shortName }));
}
