// The events files a matcher PATH names: the file itself, or every `.json`, `.jsonl` and
// `.ndjson` file under a folder, in a stable order.

import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { EventReadError } from './event-read-error.js';

const EVENT_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson']);

export interface EventFile {
  /** Where to read it. */
  path: string;
  /** How output names it: as the user named the file, or relative to the folder they named. */
  shown: string;
}

export function eventFiles(target: string): EventFile[] {
  let stats;
  try {
    stats = statSync(target);
  } catch {
    throw new EventReadError(target, `no events file or folder at ${target}`);
  }
  if (stats.isDirectory()) {
    const files: EventFile[] = [];
    collect(target, '', files);
    return files;
  }
  if (!stats.isFile()) throw notRegular(target);
  return [{ path: target, shown: target }];
}

/** Devices and FIFOs report no size and may never end, so only regular files are read. */
export function notRegular(shown: string): EventReadError {
  return new EventReadError(shown, `${shown}: not a regular file (devices, FIFOs and sockets `
    + 'are not read as events)');
}

// LIMITATION: links to folders are not followed (a link cycle would never end) — events behind
// such a link are not read; links to files are read.
function collect(root: string, relative: string, files: EventFile[]): void {
  const folder = path.join(root, relative);
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new EventReadError(folder, `cannot list ${folder}: ${(error as Error).message}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  for (const entry of entries) {
    const inner = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) {
      collect(root, inner, files);
      continue;
    }
    if (!EVENT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) continue;
    // An events-named entry that cannot be read as a file is reported, not skipped, so that a
    // run never looks complete while some of the named events went unread.
    if (!entry.isFile() && !(entry.isSymbolicLink() && isFile(path.join(root, inner)))) {
      throw notRegular(inner);
    }
    files.push({ path: path.join(root, inner), shown: inner });
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
