// Lists the YAML files of a Splunk content repository folder, in a stable order.

import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Repository-relative paths (with `/`) of the `.yml` files under `folder`, recursively. */
export function yamlFilesUnder(root: string, folder: string, recursive: boolean): string[] {
  const found: string[] = [];
  visit(path.join(root, folder), folder);
  return found.sort();

  function visit(absolute: string, relative: string): void {
    let entries;
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory() && recursive) visit(path.join(absolute, entry.name), child);
      if (entry.isFile() && entry.name.endsWith('.yml')) found.push(child);
    }
  }
}
