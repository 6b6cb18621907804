// The repositories a catalog was built from, as the server shows them: the folder's name only,
// since the absolute path tells visitors about the machine the build ran on.

import path from 'node:path';
import type { CatalogSource } from '../ir/index.js';

export function publishedSource(source: CatalogSource): CatalogSource {
  return { ...source, root: path.basename(source.root) };
}
