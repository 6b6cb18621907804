// The encodings Sigma's modifiers apply to a value before it is compared: base64, base64 at
// each of the three byte offsets, and UTF-16. Bytes are held as strings of code points 0–255.

export function utf8Bytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

export function base64Text(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('base64');
}

/**
 * The base64 characters that depend only on `bytes` when they stand at an offset of 0, 1 or 2
 * bytes (mod 3) in a longer encoded text. Character i of base64 covers bits [6i, 6i + 6); the
 * value covers bits [8·shift, 8·(shift + n)); the characters wholly inside are kept.
 */
export function base64OffsetTexts(bytes: string): string[] {
  const texts: string[] = [];
  for (let shift = 0; shift < 3; shift += 1) {
    const encoded = base64Text('\0'.repeat(shift) + bytes);
    const first = Math.ceil((8 * shift) / 6);
    const end = Math.floor((8 * (shift + bytes.length)) / 6);
    const text = encoded.slice(first, Math.max(first, end));
    if (!texts.includes(text)) texts.push(text);
  }
  return texts;
}

export type ByteOrder = 'little-endian' | 'big-endian';

/** What the `utf16` modifier writes first: the little-endian byte order mark. */
export const LITTLE_ENDIAN_MARK = '\u00ff\u00fe';

export function utf16Bytes(text: string, order: ByteOrder): string {
  const bytes = Buffer.from(text, 'utf16le');
  if (order === 'big-endian') bytes.swap16();
  return bytes.toString('latin1');
}
