// Finds the Sigma rule files of a repository: `*.yml` under every top-level `rules*` folder
// and under `deprecated/`, in a stable order, following links that stay inside the repository.

import { readdirSync } from 'node:fs';
import { walkRuleFiles, type RuleFileWalk } from '../rule-file-walk.js';

function isRuleFolder(name: string): boolean {
  return name.startsWith('rules') || name === 'deprecated';
}

/** Repository-relative paths with `/` separators, and the links that could not be followed. */
export function listRuleFiles(root: string): RuleFileWalk {
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((entry) => (entry.isDirectory() || entry.isSymbolicLink()) && isRuleFolder(entry.name))
    .map((entry) => entry.name)
    .sort();
  const kind = { source: 'sigma' as const, isRuleFile: (name: string) => name.endsWith('.yml') };
  return walkRuleFiles(root, folders, kind);
}
