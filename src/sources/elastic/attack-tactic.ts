// Turns the tactic of an Elastic `[[rule.threat]]` entry into its ATT&CK short name.

/** Enterprise ATT&CK tactic ids and their short names. */
const SHORT_NAME_BY_TACTIC_ID: Record<string, string> = {
  TA0001: 'initial-access',
  TA0002: 'execution',
  TA0003: 'persistence',
  TA0004: 'privilege-escalation',
  TA0005: 'defense-evasion',
  TA0006: 'credential-access',
  TA0007: 'discovery',
  TA0008: 'lateral-movement',
  TA0009: 'collection',
  TA0010: 'exfiltration',
  TA0011: 'command-and-control',
  TA0040: 'impact',
  TA0042: 'resource-development',
  TA0043: 'reconnaissance',
};

const KNOWN_SHORT_NAMES = new Set(Object.values(SHORT_NAME_BY_TACTIC_ID));

export interface ThreatTactic {
  id?: string;
  name?: string;
  reference?: string;
}

/**
 * ATT&CK short names are the tactic name in lower case with words joined by `-`. When the
 * name does not give a known short name, the tactic id (or the id at the end of the reference
 * URL) decides; failing both, the name-derived form is kept so that nothing is dropped.
 */
export function tacticShortName(tactic: ThreatTactic): string | null {
  const fromName = tactic.name === undefined ? null : shortNameOf(tactic.name);
  if (fromName !== null && KNOWN_SHORT_NAMES.has(fromName)) return fromName;

  const id = tactic.id ?? tacticIdOfReference(tactic.reference);
  const fromId = id === null ? undefined : SHORT_NAME_BY_TACTIC_ID[id.toUpperCase()];
  return fromId ?? fromName;
}

function shortNameOf(name: string): string | null {
  const words = name.trim().toLowerCase().split(/\s+/).filter((word) => word !== '');
  return words.length === 0 ? null : words.join('-');
}

/** `https://attack.mitre.org/tactics/TA0005/` → `TA0005`. */
function tacticIdOfReference(reference: string | undefined): string | null {
  if (reference === undefined) return null;
  const segments = reference.split('/').filter((segment) => segment !== '');
  const last = segments[segments.length - 1];
  return last !== undefined && last.toUpperCase().startsWith('TA') ? last : null;
}
