// Finds a repeated key in a YAML document in one pass. The yaml library's own check compares
// every key with every other, which takes minutes on a selection of tens of thousands of keys.

import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';

export interface DuplicateKey {
  key: string;
  /** Offset of the repeated key in the text. */
  offset: number;
}

/** Options that turn the library's quadratic check off; `duplicateKeyOf` replaces it. */
export const NO_LIBRARY_KEY_CHECK = { uniqueKeys: false } as const;

export function duplicateKeyOf(doc: Document.Parsed): DuplicateKey | null {
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
      continue;
    }
    if (!isMap(node)) continue;
    const seen = new Set<string>();
    for (const pair of node.items) {
      pending.push(pair.value);
      const identity = keyIdentity(pair.key);
      if (identity === null) continue;
      if (seen.has(identity)) {
        const key = String((pair.key as { value: unknown }).value);
        return { key, offset: (pair.key as Node).range?.[0] ?? 0 };
      }
      seen.add(identity);
    }
  }
  return null;
}

/** Scalar keys compare by value and type; other keys (rare in rule files) are not compared. */
function keyIdentity(key: unknown): string | null {
  if (!isScalar(key)) return null;
  return `${typeof key.value}:${String(key.value)}`;
}
