import type { GoldenCase } from './golden-case.js';

export const COMMAND_CASES: GoldenCase[] = [];
