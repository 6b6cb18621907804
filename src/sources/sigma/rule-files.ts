// Finds the Sigma rule files of a repository: `*.yml` under every top-level `rules*` folder
// and under `deprecated/`, in a stable order.

import { readdirSync } from 'node:fs';
import path from 'node:path';

function isRuleFolder(name: string): boolean {
  return name.startsWith('rules') || name === 'deprecated';
}

/** Repository-relative paths with `/` separators, sorted. */
export function listRuleFiles(root: string): string[] {
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isRuleFolder(entry.name))
    .map((entry) => entry.name)
    .sort();
  return folders.flatMap((folder) => listYamlFiles(root, folder));
}

function listYamlFiles(root: string, folder: string): string[] {
  const files: string[] = [];
  const entries = readdirSync(path.join(root, folder), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) files.push(...listYamlFiles(root, relative));
    else if (entry.isFile() && entry.name.endsWith('.yml')) files.push(relative);
  }
  return files;
}
