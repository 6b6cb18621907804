// Writes rule settings back as TOML inline values, the way the rule file spells them, for the
// text of stages that come from rule fields rather than from the query.

export function inlineToml(key: string, value: unknown): string {
  return `${key} = ${valueText(value)}`;
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `[${value.map(valueText).join(', ')}]`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(
      ([key, item]) => `${keyText(key)} = ${valueText(item)}`,
    );
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return '""';
}

/** Bare keys are letters, digits, `_` and `-`; others are quoted. */
function keyText(key: string): string {
  const bare = key !== '' && [...key].every((char) => /[A-Za-z0-9_-]/.test(char));
  return bare ? key : JSON.stringify(key);
}
