// Where ruledex is installed, to find the embedded demo corpus from src/ or dist/ alike.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This file lives in `<root>/src/cli` or `<root>/dist/cli`. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const DEMO_ROOT = path.join(PACKAGE_ROOT, 'demo');
