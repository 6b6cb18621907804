// The file a catalog is written into before it replaces the old one: named after the catalog and
// the writing process, so a later write can tell which ones a killed build left behind.

import fs from 'node:fs';
import path from 'node:path';

const MARK = '.tmp-';
/** SQLite's companion files, which can outlive a write killed midway. */
const COMPANIONS = ['', '-journal', '-wal', '-shm'];

/** `<catalog>.tmp-<pid>` for this process. */
export function temporaryFileFor(catalog: string): string {
  return `${catalog}${MARK}${process.pid}`;
}

/** The temporary file and its SQLite companions, gone; missing ones are fine. */
export function removeTemporary(file: string): void {
  for (const suffix of COMPANIONS) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Removes the temporary files of earlier writes to this catalog whose process is gone. A build
 * killed by a signal mid-write cannot clean up itself: the write is synchronous, so no handler
 * runs before the process dies.
 * LIMITATION: a file whose pid now belongs to an unrelated live process is kept until that
 * process exits — it is removed by the first write after that.
 */
export function removeStaleTemporaries(catalog: string): void {
  const folder = path.dirname(catalog);
  const prefix = `${path.basename(catalog)}${MARK}`;
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return; // No folder yet: nothing stale, and the write itself reports why it cannot start.
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = writerPid(name.slice(prefix.length));
    if (pid === null || pid === process.pid || isAlive(pid)) continue;
    fs.rmSync(path.join(folder, name), { force: true });
  }
}

/** The pid in `<pid>` or `<pid><companion suffix>`, or null for any other name. */
function writerPid(rest: string): number | null {
  const suffix = COMPANIONS.find((s) => s !== '' && rest.endsWith(s)) ?? '';
  const digits = rest.slice(0, rest.length - suffix.length);
  if (digits.length === 0 || digits.length > 10) return null;
  if (![...digits].every((ch) => ch >= '0' && ch <= '9')) return null;
  return Number(digits);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
