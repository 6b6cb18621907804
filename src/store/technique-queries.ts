// Reads of the ATT&CK technique index: the techniques rules name (sub-techniques right after
// their parent), and per technique its tactics, sub-techniques and rules.

import type Database from 'better-sqlite3';
import { decodeRuleCount, type RuleCount } from './rule-count.js';
import {
  listRules,
  pageOf,
  window,
  type Page,
  type PageRequest,
  type RuleListing,
  type SourcePageRequest,
} from './rule-listing.js';
import type { TacticRef } from './technique-rows.js';

export type { TacticRef } from './technique-rows.js';

export interface TechniqueSummary {
  /** `T1047`, `T1059.001`. */
  id: string;
  /** The parent of a sub-technique (`T1059` of `T1059.001`), else null. */
  parent: string | null;
  /** Null when neither the ATT&CK data nor any rule names it. */
  name: string | null;
  /** False when the id is not in the compiled ATT&CK data, or is revoked or deprecated there. */
  known: boolean;
  tactics: TacticRef[];
  /** Rules naming this technique itself. */
  rules: RuleCount;
  /** Rules naming it or any of its sub-techniques (for a sub-technique, `rules`). */
  withSubtechniques: RuleCount;
}

export interface TechniqueDetail {
  summary: TechniqueSummary;
  /** Sub-techniques some rule names, by id. */
  subtechniques: TechniqueSummary[];
  /** Rules naming the technique itself. */
  page: Page<RuleListing>;
}

interface SummaryRow {
  id: string;
  parent: string | null;
  name: string | null;
  known: number;
  tactics: string;
  by_source: string;
  with_subtechniques_by_source: string;
}

const SUMMARY_COLUMNS = 'id, parent, name, known, tactics, by_source, with_subtechniques_by_source';

export class TechniqueQueries {
  constructor(private readonly db: Database.Database) {}

  /** Techniques some rule names, alone or through a sub-technique, by id. */
  techniques(request: PageRequest): Page<TechniqueSummary> {
    const named = 'FROM techniques WHERE with_subtechniques > 0';
    const { n } = this.db.prepare(`SELECT count(*) AS n ${named}`).get() as { n: number };
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} ${named} ORDER BY id LIMIT @limit OFFSET @offset`)
      .all(window(request)) as SummaryRow[];
    return pageOf(rows.map(summaryOf), request, n);
  }

  /**
   * The technique (id in any letter case), whether or not a rule names it; null when neither
   * the ATT&CK data nor a rule has the id.
   */
  technique(id: string, request: SourcePageRequest): TechniqueDetail | null {
    const row = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM techniques WHERE id = ?`)
      .get(id.toUpperCase()) as SummaryRow | undefined;
    if (!row) return null;

    const subtechniques = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM techniques WHERE parent = ? AND rules > 0 ORDER BY id`,
      )
      .all(row.id) as SummaryRow[];
    const matching = 'SELECT rule_seq FROM rule_techniques WHERE technique = @technique';
    return {
      summary: summaryOf(row),
      subtechniques: subtechniques.map(summaryOf),
      page: listRules(this.db, matching, { technique: row.id }, request),
    };
  }
}

function summaryOf(row: SummaryRow): TechniqueSummary {
  return {
    id: row.id,
    parent: row.parent,
    name: row.name,
    known: row.known === 1,
    tactics: JSON.parse(row.tactics) as TacticRef[],
    rules: decodeRuleCount(row.by_source),
    withSubtechniques: decodeRuleCount(row.with_subtechniques_by_source),
  };
}
