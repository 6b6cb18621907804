// The compiled ATT&CK data (attack-data.json, made by scripts/compile-attack.ts) and lookups of
// tactics and techniques by the spellings rules use.

import attackData from './attack-data.json' with { type: 'json' };

export type AttackStatus = 'revoked' | 'deprecated';

export interface AttackTacticEntry {
  /** `TA0002`; null for a tactic whose id the compiled sources do not give. */
  id: string | null;
  /** `execution`, `lateral-movement`, `stealth`. */
  shortName: string;
  name: string;
  /** 1-based position in the Enterprise matrix. */
  order: number;
  /** The older tactic this one was split from (v19 `stealth` from `defense-evasion`). */
  splitFrom?: string;
  status?: AttackStatus;
}

export interface AttackTechniqueEntry {
  /** `T1047`, `T1059.001`. */
  id: string;
  name: string;
  /** Tactic short names; sub-techniques carry their parent's. */
  tactics: string[];
  status?: AttackStatus;
}

export interface AttackData {
  source: string;
  names?: string;
  copyright: string;
  tactics: AttackTacticEntry[];
  techniques: AttackTechniqueEntry[];
}

export interface AttackCatalog {
  tactics: AttackTacticEntry[];
  /** A tactic by short name (`lateral-movement`, `lateral_movement`), id or display name. */
  tactic(key: string): AttackTacticEntry | undefined;
  technique(id: string): AttackTechniqueEntry | undefined;
  /** The technique's tactics; for a sub-technique missing from the data, its parent's. */
  tacticsOfTechnique(id: string): string[];
}

/** Upper-case technique id without surrounding space: ` t1059.001` → `T1059.001`. */
export function normalizeTechniqueId(id: string): string {
  return id.trim().toUpperCase();
}

/** Short-name form of a tactic spelling: `Lateral Movement`, `lateral_movement`. */
export function tacticKey(key: string): string {
  return key.trim().toLowerCase().split(/[\s_]+/).join('-');
}

export function createAttackCatalog(data: AttackData): AttackCatalog {
  const byKey = new Map<string, AttackTacticEntry>();
  for (const tactic of data.tactics) {
    byKey.set(tactic.shortName, tactic);
    byKey.set(tacticKey(tactic.name), tactic);
    if (tactic.id) byKey.set(tactic.id.toLowerCase(), tactic);
  }
  const techniques = new Map(data.techniques.map((t) => [t.id, t]));

  const technique = (id: string) => techniques.get(normalizeTechniqueId(id));
  return {
    tactics: [...data.tactics].sort((a, b) => a.order - b.order),
    tactic: (key) => byKey.get(tacticKey(key)),
    technique,
    tacticsOfTechnique(id) {
      const own = technique(id);
      if (own) return own.tactics;
      return technique(normalizeTechniqueId(id).split('.')[0])?.tactics ?? [];
    },
  };
}

export const attackCatalog: AttackCatalog = createAttackCatalog(attackData as AttackData);
