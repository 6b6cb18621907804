// The encoding modifiers of Sigma computed exactly: base64, base64offset, the UTF-16 family and
// windash. Encoded bytes are held as strings of code points 0–255, one per byte.

/**
 * Windows accepts these characters where a command-line flag starts with `-` or `/`. As the
 * specification words it, every one of them in the value is permuted, not only flag positions.
 */
export const WINDASH_CHARACTERS = ['-', '/', '\u2013', '\u2014', '\u2015'];

// LIMITATION: a windash value with more dashes than this is not spelled out (5^n values) — the
// item shows as opaque with a `sigma.windash-too-many` diagnostic. The snapshot has none.
export const WINDASH_MAXIMUM_DASHES = 4;

export function bytesOfText(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

export function base64Of(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('base64');
}

/**
 * The three forms `bytes` takes inside a longer base64 text, depending on its offset modulo 3:
 * characters that also depend on the unknown surrounding bytes are cut off.
 */
export function base64OffsetsOf(bytes: string): string[] {
  const leadingCut = [0, 2, 3];
  const trailingCut = [0, 3, 2];
  const forms: string[] = [];
  for (let shift = 0; shift < 3; shift += 1) {
    const encoded = base64Of(' '.repeat(shift) + bytes);
    const end = encoded.length - trailingCut[(shift + bytes.length) % 3];
    forms.push(encoded.slice(leadingCut[shift], Math.max(leadingCut[shift], end)));
  }
  return forms;
}

/** What the `utf16` modifier puts first: the little-endian byte order mark FF FE. */
export const UTF16_BYTE_ORDER_MARK = '\u00ff\u00fe';

export function utf16Of(text: string, byteOrder: 'little-endian' | 'big-endian'): string {
  const bytes = Buffer.from(text, 'utf16le');
  if (byteOrder === 'big-endian') bytes.swap16();
  return bytes.toString('latin1');
}
