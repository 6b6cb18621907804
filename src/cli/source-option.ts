// Parses `--source NAME=DIR` values into source directories, checking each layout exists.

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SourceDirectory } from '../build/build-catalog.js';
import { isSourceName } from '../build/source-kinds.js';
import type { SourceName } from '../ir/index.js';
import { UsageError } from './usage-error.js';

/** A folder each layout must have, so a wrong path fails early with a clear message. */
const LAYOUT_MARKERS: Record<SourceName, string[]> = {
  splunk: ['detections'],
  sigma: ['rules'],
  elastic: ['rules'],
  // Read along with `elastic` only, from the same folder; its hunting/ folder may be missing.
  'elastic-hunting': [],
};

export function parseSourceOption(value: string, previous: SourceDirectory[] = []) {
  const separator = value.indexOf('=');
  if (separator <= 0) {
    throw new UsageError(
      `--source takes NAME=DIR (e.g. splunk=./security_content), got "${value}"`,
    );
  }
  const name = value.slice(0, separator);
  const dir = value.slice(separator + 1);
  if (!isSourceName(name)) {
    throw new UsageError(`unknown source "${name}": use splunk, sigma or elastic`);
  }
  if (previous.some((d) => d.source === name)) {
    throw new UsageError(`--source ${name} is given twice`);
  }
  return [...previous, checkedDirectory(name, dir)];
}

function checkedDirectory(source: SourceName, dir: string): SourceDirectory {
  const root = path.resolve(dir);
  if (!existsSync(root)) throw new UsageError(`${source} source folder not found: ${root}`);
  if (!statSync(root).isDirectory()) {
    throw new UsageError(`${source} source ${root} is a file; give the repository's folder`);
  }
  for (const marker of LAYOUT_MARKERS[source]) {
    if (!existsSync(path.join(root, marker))) {
      throw new UsageError(`${source} source folder ${root} has no ${marker}/ folder`);
    }
  }
  return { source, root };
}
