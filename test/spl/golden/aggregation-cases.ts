import type { GoldenCase } from './golden-case.js';

export const AGGREGATION_CASES: GoldenCase[] = [];
