// Reads a rule file as UTF-8 text, or says why it is not: rule formats are UTF-8, and a file in
// another encoding would otherwise be read garbled without anyone noticing. Elastic uses it too.

import { readFileSync } from 'node:fs';

export type RuleFileText = { text: string } | { line: number; reason: string };

const NOT_UTF8 = 'file is not UTF-8 text';
const LINE_FEED = 0x0a;

/**
 * Invalid bytes are not replaced by U+FFFD: a replaced byte changes what a rule matches, so the
 * file is a read failure instead, with the line of the first bad byte.
 */
export function readRuleFileText(absolutePath: string): RuleFileText {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return { line: 1, reason: `cannot read file: ${(error as Error).message}` };
  }
  return ruleTextOf(bytes);
}

function ruleTextOf(bytes: Uint8Array): RuleFileText {
  if (hasUtf16ByteOrderMark(bytes)) {
    return { line: 1, reason: `${NOT_UTF8} (UTF-16 byte order mark)` };
  }

  const nul = bytes.indexOf(0);
  if (nul !== -1) return { line: lineOf(bytes, nul), reason: `${NOT_UTF8} (NUL byte)` };

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { line: firstInvalidLine(bytes), reason: `${NOT_UTF8} (invalid byte sequence)` };
  }
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
