// ATT&CK ids and tactic names in Sigma tags: `attack.t1059.001`, `attack.defense_evasion`.

const ATTACK_PREFIX = 'attack.';

export interface AttackTags {
  /** Upper-case technique ids: `T1059`, `T1059.001`. */
  techniques: string[];
  /** Tactic short names with hyphens: `defense-evasion`, `stealth`. */
  tactics: string[];
}

export function attackTagsOf(tags: string[]): AttackTags {
  const techniques = new Set<string>();
  const tactics = new Set<string>();

  for (const tag of tags) {
    const lower = tag.trim().toLowerCase();
    if (!lower.startsWith(ATTACK_PREFIX)) continue;
    const name = lower.slice(ATTACK_PREFIX.length);

    if (isTechniqueId(name)) techniques.add(name.toUpperCase());
    else if (isTacticName(name)) tactics.add(name.replaceAll('_', '-'));
  }
  return { techniques: [...techniques], tactics: [...tactics] };
}

/** `t` and four digits, optionally `.` and three digits. */
function isTechniqueId(name: string): boolean {
  if (name[0] !== 't') return false;
  const [base, sub, ...rest] = name.slice(1).split('.');
  if (rest.length > 0 || !isDigits(base, 4)) return false;
  return sub === undefined || isDigits(sub, 3);
}

/**
 * Letters, `-` and `_` only. Other ATT&CK tags are ids — groups (`g0016`), software (`s0002`),
 * data sources, mitigations — and end in digits.
 */
function isTacticName(name: string): boolean {
  if (name === '') return false;
  for (const character of name) {
    const letter = character >= 'a' && character <= 'z';
    if (!letter && character !== '-' && character !== '_') return false;
  }
  return true;
}

function isDigits(text: string, length: number): boolean {
  if (text.length !== length) return false;
  for (const character of text) if (character < '0' || character > '9') return false;
  return true;
}
