// Reading the glob patterns search values are stored as: `*` wildcards, `\`-escaped literals.

/** A pattern split into literal runs around its unescaped `*` wildcards. */
export function patternPieces(pattern: string): string[] {
  const pieces: string[] = [''];
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      pieces[pieces.length - 1] += pattern[i + 1];
      i += 1;
    } else if (c === '*') pieces.push('');
    else pieces[pieces.length - 1] += c;
  }
  return pieces;
}

/** The pattern's text with escapes resolved, wildcards shown as `*`. */
export function patternText(pattern: string): string {
  return patternPieces(pattern).join('*');
}
