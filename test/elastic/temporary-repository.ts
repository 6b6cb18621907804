// A rule repository written to a temporary folder for one test file: files with exact bytes and
// symbolic links, which a checked-in fixture cannot hold portably.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export class TemporaryRepository {
  /** The folder holding the repository and, beside it, what lies outside it. */
  readonly base = mkdtempSync(path.join(tmpdir(), 'ruledex-repository-'));
  readonly root = path.join(this.base, 'repository');

  constructor() {
    mkdirSync(this.root);
  }

  /** Writes a file at a repository-relative path (`../x` lies outside the repository). */
  write(file: string, contents: string | Uint8Array): void {
    const absolute = path.join(this.root, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, contents);
  }

  /** Makes `file` a symbolic link whose target is `target`, written as given. */
  link(file: string, target: string): void {
    const absolute = path.join(this.root, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    symlinkSync(target, absolute);
  }

  remove(): void {
    rmSync(this.base, { recursive: true, force: true });
  }
}
