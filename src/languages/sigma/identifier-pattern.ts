// Matches search identifiers against a condition pattern such as `selection_*`, where `*`
// stands for any number of characters (the only wildcard conditions define).

/** Linear in practice: on a mismatch it backtracks only to the last `*` seen. */
export function matchesIdentifierPattern(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let starAt = -1;
  let resumeAt = 0;

  while (n < name.length) {
    if (p < pattern.length && pattern[p] === '*') {
      starAt = p;
      resumeAt = n;
      p += 1;
    } else if (p < pattern.length && pattern[p] === name[n]) {
      p += 1;
      n += 1;
    } else if (starAt >= 0) {
      p = starAt + 1;
      resumeAt += 1;
      n = resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p += 1;
  return p === pattern.length;
}
