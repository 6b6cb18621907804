// Reads a rule file as UTF-8 text, or says why it is not: rule formats are UTF-8, and a file in
// another encoding would otherwise be read garbled without anyone noticing. Elastic uses it too.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type RuleFileText = { text: string } | { line: number; reason: string };

/** The largest real rule file is under 300 KB; a bigger file is a mistake or an attack. */
export const RULE_FILE_BYTE_LIMIT = 1024 * 1024;

const NOT_UTF8 = 'file is not UTF-8 text';
const LINE_FEED = 0x0a;

/**
 * Invalid bytes are not replaced by U+FFFD: a replaced byte changes what a rule matches, so the
 * file is a read failure instead, with the line of the first bad byte.
 */
export function readRuleFileText(absolutePath: string): RuleFileText {
  let read: Uint8Array | string;
  try {
    read = boundedBytes(absolutePath);
  } catch (error) {
    return { line: 1, reason: `cannot read file: ${(error as Error).message}` };
  }
  if (typeof read === 'string') return { line: 1, reason: read };
  return ruleTextOf(read);
}

/**
 * The file's bytes, or why they are not read. Opened without blocking, so a FIFO cannot stall
 * the build, and sized before reading, so a huge file is never loaded; reading stops at the
 * bound in case the file grows after it was sized.
 */
function boundedBytes(absolutePath: string): Uint8Array | string {
  const descriptor = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return 'not a regular file';
    if (stats.size > RULE_FILE_BYTE_LIMIT) return tooLarge(stats.size);
    // Room for one byte more than sized, so that a file that grew is noticed and read on.
    let buffer: Buffer = Buffer.allocUnsafe(stats.size + 1);
    let filled = 0;
    for (;;) {
      const count = readSync(descriptor, buffer, filled, buffer.length - filled, null);
      if (count === 0) break;
      filled += count;
      // LIMITATION: a file that grows past the bound while read is reported with the bytes read
      // so far — the size in its failure is a lower bound, not the file's final size.
      if (filled > RULE_FILE_BYTE_LIMIT) return tooLarge(filled);
      if (filled === buffer.length) buffer = grown(buffer);
    }
    return buffer.subarray(0, filled);
  } finally {
    closeSync(descriptor);
  }
}

function grown(buffer: Buffer): Buffer {
  const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, RULE_FILE_BYTE_LIMIT + 1));
  buffer.copy(larger);
  return larger;
}

function tooLarge(size: number): string {
  return `file is ${size} bytes, larger than the 1 MiB a rule file may have`;
}

function ruleTextOf(bytes: Uint8Array): RuleFileText {
  if (hasUtf16ByteOrderMark(bytes)) {
    return { line: 1, reason: `${NOT_UTF8} (UTF-16 byte order mark)` };
  }

  const nul = bytes.indexOf(0);
  if (nul !== -1) return { line: lineOf(bytes, nul), reason: `${NOT_UTF8} (NUL byte)` };

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (error) {
    // Only a decoding error means bad bytes; anything else (no memory for the string) is named.
    if (!isInvalidEncoding(error)) {
      return { line: 1, reason: `cannot decode file: ${(error as Error).message}` };
    }
    return { line: firstInvalidLine(bytes), reason: `${NOT_UTF8} (invalid byte sequence)` };
  }
}

function isInvalidEncoding(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA';
}

function hasUtf16ByteOrderMark(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let at = bytes.indexOf(LINE_FEED); at !== -1 && at < offset; ) {
    line++;
    at = bytes.indexOf(LINE_FEED, at + 1);
  }
  return line;
}

/** A line feed byte never occurs inside a multi-byte UTF-8 sequence, so lines decode alone. */
function firstInvalidLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    const feed = bytes.indexOf(LINE_FEED, start);
    const end = feed === -1 ? bytes.length : feed;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    if (feed === -1) break;
    line++;
    start = feed + 1;
  }
  return 1;
}
