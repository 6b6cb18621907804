// Finds the commit a repository snapshot was taken at: a SNAPSHOT file, else the .git HEAD.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function snapshotCommit(root: string): string | null {
  return commitFromSnapshotFile(root) ?? commitFromGit(root);
}

/** `SNAPSHOT` holds the commit as its first word, followed by the commit date. */
function commitFromSnapshotFile(root: string): string | null {
  const file = path.join(root, 'SNAPSHOT');
  if (!existsSync(file)) return null;
  const firstWord = readFileSync(file, 'utf8').trim().split(/\s+/)[0];
  return isCommitHash(firstWord) ? firstWord : null;
}

function commitFromGit(root: string): string | null {
  const gitDir = path.join(root, '.git');
  const headFile = path.join(gitDir, 'HEAD');
  if (!existsSync(headFile)) return null;

  const head = readFileSync(headFile, 'utf8').trim();
  if (!head.startsWith('ref:')) return isCommitHash(head) ? head : null;

  const ref = head.slice('ref:'.length).trim();
  const refFile = path.join(gitDir, ref);
  if (existsSync(refFile)) {
    const commit = readFileSync(refFile, 'utf8').trim();
    return isCommitHash(commit) ? commit : null;
  }
  return commitFromPackedRefs(gitDir, ref);
}

function commitFromPackedRefs(gitDir: string, ref: string): string | null {
  const packed = path.join(gitDir, 'packed-refs');
  if (!existsSync(packed)) return null;
  for (const line of readFileSync(packed, 'utf8').split('\n')) {
    const [commit, name] = line.trim().split(' ');
    if (name === ref && isCommitHash(commit)) return commit;
  }
  return null;
}

function isCommitHash(word: string | undefined): word is string {
  return word !== undefined && /^[0-9a-f]{40}$/.test(word);
}
