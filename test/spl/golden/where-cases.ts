import type { GoldenCase } from './golden-case.js';

export const WHERE_CASES: GoldenCase[] = [];
