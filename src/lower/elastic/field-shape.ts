// What a rule field must hold (a string, a list of strings, a table of such fields…) and the
// check naming every place a rule holds something else, so no wrong-typed value goes unsaid.

import type { ElasticPipeline } from './elastic-pipeline.js';
import { inlineToml } from './inline-toml.js';

export type FieldShape =
  | { kind: 'string' }
  /** A string, or a list of strings. */
  | { kind: 'strings' }
  /** A whole number of at least 1: thresholds, counts, durations. */
  | { kind: 'count' }
  | { kind: 'number' }
  | { kind: 'list'; item: FieldShape }
  | { kind: 'table'; fields: Readonly<Record<string, FieldShape>>; required: readonly string[] };

export const STRING: FieldShape = { kind: 'string' };
export const STRINGS: FieldShape = { kind: 'strings' };
export const COUNT: FieldShape = { kind: 'count' };
export const NUMBER: FieldShape = { kind: 'number' };

/** Keys not named in `fields` may hold anything: rule tables carry settings ruledex ignores. */
export function table(fields: Record<string, FieldShape>, required: string[] = []): FieldShape {
  return { kind: 'table', fields, required };
}

export function listOf(item: FieldShape): FieldShape {
  return { kind: 'list', item };
}

// LIMITATION: the warnings point at the rule's first line, not at the field's — the message
// names the field and its value, so the reader finds it by name.
/**
 * Reports a warning for each place `value` (the field at `path`, '' for the rule table itself)
 * differs from `shape`; true when it fits.
 */
export function checkShape(
  pipeline: ElasticPipeline,
  path: string,
  value: unknown,
  shape: FieldShape,
  stage?: number,
): boolean {
  const problems = shapeProblems(path, value, shape);
  for (const problem of problems) pipeline.report('warning', 'elastic.field-type', problem, stage);
  return problems.length === 0;
}

/** Each place where `value` differs from `shape`, as a message naming the field. */
function shapeProblems(path: string, value: unknown, shape: FieldShape): string[] {
  switch (shape.kind) {
    case 'string':
      return typeof value === 'string' ? [] : [mismatch(path, value, shape)];
    case 'strings':
      if (typeof value === 'string') return [];
      if (!Array.isArray(value)) return [mismatch(path, value, shape)];
      return value.flatMap((item, index) => shapeProblems(`${path}[${index}]`, item, STRING));
    case 'count':
      return isCount(value) ? [] : [mismatch(path, value, shape)];
    case 'number':
      return Number.isFinite(value) ? [] : [mismatch(path, value, shape)];
    case 'list':
      if (!Array.isArray(value)) return [mismatch(path, value, shape)];
      return value.flatMap((item, index) => shapeProblems(`${path}[${index}]`, item, shape.item));
    case 'table':
      return tableProblems(path, value, shape);
  }
}

function tableProblems(
  path: string,
  value: unknown,
  shape: Extract<FieldShape, { kind: 'table' }>,
): string[] {
  if (!isTable(value)) return [mismatch(path, value, shape)];
  const missing = shape.required
    .filter((key) => value[key] === undefined)
    .map((key) => `${pathOf(path, key)} is missing`);
  const wrong = Object.entries(shape.fields).flatMap(([key, field]) =>
    value[key] === undefined ? [] : shapeProblems(pathOf(path, key), value[key], field),
  );
  return [...missing, ...wrong];
}

function mismatch(path: string, value: unknown, shape: FieldShape): string {
  return `${inlineToml(path, value)}: ${expected(shape)} expected, found ${found(value)}`;
}

function expected(shape: FieldShape): string {
  switch (shape.kind) {
    case 'string':
      return 'a string';
    case 'strings':
      return 'a string or a list of strings';
    case 'count':
      return 'a whole number of at least 1';
    case 'number':
      return 'a number';
    case 'list':
      return 'a list';
    case 'table':
      return 'a table';
  }
}

function found(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : 'a non-finite number';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (isTable(value)) return 'a table';
  return typeof value;
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

function isTable(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  return !Array.isArray(value) && !(value instanceof Date);
}

function pathOf(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
