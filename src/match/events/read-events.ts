// Reads the events a matcher PATH names, one EventRecord at a time: each file's JSON values are
// found by the event-text scanner, parsed one by one, and flattened to the fields rules use.

import { readFileSync, statSync } from 'node:fs';
import type { EventRecord } from '../event-record.js';
import { documentFields } from './document-fields.js';
import { EVENT_LIMITS, type EventLimits } from './event-limits.js';
import { eventFiles, notRegular, type EventFile } from './event-files.js';
import { EventReadError } from './event-read-error.js';
import { eventTextSpans, positionText } from './event-texts.js';
import { isJsonObject, windowsEventFields, windowsEventOf } from './windows-event.js';

/** Every event under the path, in file order. Throws EventReadError at the first bad input. */
export function* readEvents(
  target: string,
  limits: EventLimits = EVENT_LIMITS,
): Generator<EventRecord> {
  for (const file of eventFiles(target)) yield* readEventFile(file, limits);
}

export function* readEventFile(
  file: EventFile,
  limits: EventLimits = EVENT_LIMITS,
): Generator<EventRecord> {
  const text = fileText(file, limits);
  let index = 0;
  for (const span of eventTextSpans(text, file.shown, limits)) {
    const raw = text.slice(span.start, span.end);
    const fail = (message: string): never => {
      const where = `${file.shown}:${positionText(text, span.start)}`;
      throw new EventReadError(file.shown, `${where}: event ${index} ${message}`);
    };

    let document: unknown;
    try {
      document = JSON.parse(raw);
    } catch (error) {
      fail(`is not valid JSON (${(error as Error).message})`);
    }
    if (!isJsonObject(document)) fail('is not a JSON object');
    yield { file: file.shown, index, fields: fieldsOf(document as Record<string, unknown>), raw };
    index += 1;
  }
}

export function fieldsOf(document: Record<string, unknown>): EventRecord['fields'] {
  const windowsEvent = windowsEventOf(document);
  return windowsEvent ? windowsEventFields(windowsEvent) : documentFields(document);
}

function fileText(file: EventFile, limits: EventLimits): string {
  try {
    const stats = statSync(file.path);
    if (!stats.isFile()) throw notRegular(file.shown);
    const size = stats.size;
    if (size > limits.fileBytes) {
      const allowed = limits.fileBytes.toLocaleString('en');
      const message = `${file.shown}: the file has ${size.toLocaleString('en')} bytes; `
        + `up to ${allowed} are read (split it into smaller files)`;
      throw new EventReadError(file.shown, message);
    }
    return utf8Text(file, readFileSync(file.path));
  } catch (error) {
    if (error instanceof EventReadError) throw error;
    throw new EventReadError(file.shown, `cannot read ${file.shown}: ${(error as Error).message}`);
  }
}

/** The file's text; invalid UTF-8 is refused (as in rule files) rather than read as U+FFFD. */
function utf8Text(file: EventFile, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = firstInvalidLine(bytes);
    throw new EventReadError(file.shown, `${file.shown}:${line}: the file is not valid UTF-8`);
  }
}

/** The 1-based line holding the first invalid byte: a newline byte never occurs inside a
 *  multi-byte UTF-8 sequence, so lines can be checked one by one. */
function firstInvalidLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    if (newline === -1) break;
    start = newline + 1;
    line += 1;
  }
  return line;
}
