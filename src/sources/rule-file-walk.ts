// Lists the rule files under a repository's rule folders (all three sources', and Splunk's context
// folders), following links that stay inside the repository. A file of a rule file's name that
// cannot be read as one (a link leading outside, a FIFO) is a failure, never skipped.

import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { SourceName } from '../ir/index.js';
import type { ReadFailure } from './source-read.js';

export interface RuleFileKind {
  source: SourceName;
  /** Whether a file of this name holds rules (`.yml`, `.toml`). */
  isRuleFile(name: string): boolean;
  /** Only the folders' own files hold rules, not those of their subfolders (Splunk macros). */
  topLevelOnly?: boolean;
}

export interface RuleFileWalk {
  /**
   * Repository-relative paths with `/`: the folders' own files depth-first, entries sorted by
   * name, then the files reached through links.
   */
  files: string[];
  /**
   * Links that lead outside the repository, nowhere, or to a file or folder read already (a loop
   * or a second path to it), and entries of a rule file's name that are not regular files. Each
   * counts as one rule file read that failed.
   */
  failures: ReadFailure[];
}

/** `folders` are repository-relative; a missing folder (or root) holds no rules. */
export function walkRuleFiles(root: string, folders: string[], kind: RuleFileKind): RuleFileWalk {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { files: [], failures: [] };
  }
  const walk = new Walk(root, realRoot, kind);
  for (const folder of folders) walk.start(folder);
  walk.followLinks();
  return { files: walk.files, failures: walk.failures };
}

class Walk {
  readonly files: string[] = [];
  readonly failures: ReadFailure[] = [];
  /** Real paths of the folders and files read, with the path they were read as. */
  private readonly read = new Map<string, string>();
  /**
   * Links met, with the real path of the folder holding them; followed once the folders' own
   * files are listed, so those keep their own paths.
   */
  private readonly links: { relative: string; realFolder: string }[] = [];
  /** The rule folders as given, which hold the rules when subfolders do not. */
  private readonly startFolders = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly realRoot: string,
    private readonly kind: RuleFileKind,
  ) {}

  start(folder: string): void {
    this.startFolders.add(folder);
    let stats;
    try {
      stats = lstatSync(path.join(this.root, folder));
    } catch {
      return;
    }
    if (stats.isSymbolicLink()) this.links.push({ relative: folder, realFolder: this.realRoot });
    else if (stats.isDirectory()) this.folder(folder, path.join(this.realRoot, folder));
  }

  /** Links found inside linked folders join the queue; each real path is read once, so it ends. */
  followLinks(): void {
    for (let next = 0; next < this.links.length; next++) {
      const { relative, realFolder } = this.links[next];
      this.link(relative, realFolder);
    }
  }

  private folder(relative: string, real: string): void {
    if (this.kind.topLevelOnly && !this.startFolders.has(relative)) return;
    if (!this.firstRead(relative, real)) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(this.root, relative), { withFileTypes: true });
    } catch (error) {
      this.fail(relative, `cannot read folder: ${(error as Error).message}`);
      return;
    }
    for (const entry of entries.sort(byName)) {
      const child = `${relative}/${entry.name}`;
      const realChild = path.join(real, entry.name);
      if (entry.isSymbolicLink()) this.links.push({ relative: child, realFolder: real });
      else if (entry.isDirectory()) this.folder(child, realChild);
      else if (!this.kind.isRuleFile(entry.name)) continue;
      else if (entry.isFile()) this.file(child, realChild);
      else this.fail(child, NOT_REGULAR);
    }
  }

  private file(relative: string, real: string): void {
    if (this.firstRead(relative, real)) this.files.push(relative);
  }

  private link(relative: string, realFolder: string): void {
    let real: string;
    let isFolder: boolean;
    let isRegularFile: boolean;
    try {
      real = realpathSync(path.join(this.root, relative));
      const stats = statSync(real);
      isFolder = stats.isDirectory();
      isRegularFile = stats.isFile();
      // A link of another name is no more a rule file than a file of that name would be.
      if (!isFolder && !this.kind.isRuleFile(path.basename(relative))) return;
    } catch (error) {
      this.fail(relative, linkProblem(error));
      return;
    }

    if (!isInside(this.realRoot, real)) {
      this.fail(relative, 'a symbolic link leads outside the repository');
      return;
    }
    if (isFolder && isInside(real, realFolder)) {
      const target = path.relative(this.realRoot, real).split(path.sep).join('/');
      this.fail(relative, `a symbolic link loops back to ${target || 'the repository root'}`);
      return;
    }
    if (isFolder) this.folder(relative, real);
    else if (isRegularFile) this.file(relative, real);
    else this.fail(relative, NOT_REGULAR);
  }

  /** Records that `real` is read as `relative`; a second arrival is a failure naming the first. */
  private firstRead(relative: string, real: string): boolean {
    const earlier = this.read.get(real);
    if (earlier === undefined) {
      this.read.set(real, relative);
      return true;
    }
    const loops = relative.startsWith(`${earlier}/`);
    const reason = loops
      ? `a symbolic link loops back to ${earlier}`
      : `a symbolic link leads to ${earlier}, which is read already`;
    this.fail(relative, reason);
    return false;
  }

  private fail(file: string, reason: string): void {
    this.failures.push({ source: this.kind.source, file, line: 1, reason });
  }
}

const NOT_REGULAR = 'not a regular file';

function linkProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'a symbolic link leads nowhere: its target does not exist';
  if (code === 'ELOOP') return 'a symbolic link loops';
  return `cannot follow a symbolic link: ${(error as Error).message}`;
}

function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  const leaves = relative === '..' || relative.startsWith(`..${path.sep}`);
  return !leaves && !path.isAbsolute(relative);
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
