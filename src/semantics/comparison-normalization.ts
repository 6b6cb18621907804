// A comparison's operator and values normalized across vendors, once its field is canonical:
// patterns at their narrowest, a path's last segment compared on the file-name field, and values
// typed as the canonical field stores them. Case sensitivity is never changed: it is the rule's
// own language's, and two comparisons with different case rules stay two comparisons.

import type { CanonicalComparison, Op, Scalar } from '../ir/index.js';
import { fieldFamilyOf } from '../lower/elastic/field-types.js';
import { numericValue } from './value-key.js';
import { comparisonOfGlob, IR_GLOB, readGlob } from './value-pattern.js';

/** ECS path fields and the field holding their last segment, the file name. */
export const FILE_NAME_OF_PATH: Readonly<Record<string, string>> = {
  'process.executable': 'process.name',
  'process.parent.executable': 'process.parent.name',
  'file.path': 'file.name',
  'dll.path': 'dll.name',
};

/** Operators that compare whole values: a value's type decides how they match. */
const VALUE_OPS: ReadonlySet<Op> = new Set(['eq', 'ne', 'in']);
const RANGE_OPS: ReadonlySet<Op> = new Set(['lt', 'le', 'gt', 'ge']);

/** The comparison as the same condition is written everywhere. */
export function normalizeComparison(comparison: CanonicalComparison): CanonicalComparison {
  return typedValues(fileNameComparison(narrowestPattern(comparison)));
}

/**
 * A `wildcard` the lowering left as a pattern is narrowed by the one glob reading all lowerings
 * use; a lowering keeps the pattern `*` where its caller tests presence itself (SPL `f=**`).
 */
function narrowestPattern(comparison: CanonicalComparison): CanonicalComparison {
  const [pattern] = comparison.values;
  if (comparison.op !== 'wildcard' || comparison.values.length !== 1) return comparison;
  if (typeof pattern !== 'string') return comparison;
  return { ...comparison, ...comparisonOfGlob(readGlob(pattern, IR_GLOB)) };
}

// LIMITATION: a whole path (`process.executable eq 'C:\Windows\x.exe'`) implies the file name
// but is not equivalent to it, so it stays on the path — a rule naming the full path is not
// counted with the rules naming only `x.exe`.
/**
 * `process.executable endswith '\x.exe'` is `process.name eq 'x.exe'`: a suffix that starts
 * with a path separator and holds no other separator is the whole last segment. Every value
 * must be one; a suffix without the separator (`endswith 'x.exe'`, which `ax.exe` also ends
 * with) stays a suffix of the path.
 */
function fileNameComparison(comparison: CanonicalComparison): CanonicalComparison {
  if (comparison.op !== 'endswith' || !Object.hasOwn(FILE_NAME_OF_PATH, comparison.field)) {
    return comparison;
  }
  const nameField = FILE_NAME_OF_PATH[comparison.field];

  const names: string[] = [];
  for (const value of comparison.values) {
    const name = typeof value === 'string' ? lastSegment(value) : null;
    if (name === null) return comparison;
    names.push(name);
  }
  if (names.length === 0) return comparison;
  return { ...comparison, field: nameField, op: 'eq', values: names };
}

/**
 * The last segment of a path or path suffix that holds a separator (`C:\x\y.exe`,
 * `\wbem\WMIC.exe`): the file name every path equal to or ending with it has; null when the
 * value holds no separator or its last segment is empty or has wildcards.
 */
export function fileNameOfPath(path: string): string | null {
  const separator = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  if (separator < 0) return null;
  return lastSegment(path.slice(separator));
}

/** The text after a leading `\` or `/` when it is one non-empty segment without wildcards. */
function lastSegment(suffix: string): string | null {
  if (suffix[0] !== '\\' && suffix[0] !== '/') return null;
  const name = suffix.slice(1);
  if (name === '') return null;
  for (const char of name) {
    if (char === '\\' || char === '/' || char === '*' || char === '?') return null;
  }
  return name;
}

/**
 * Values as the canonical field holds them, where its type is known (an ECS field, or one a
 * mapping table names): numeric fields compare numbers, so `"445"` is 445; keyword fields hold
 * text, so an equality with 4104 is one with `"4104"` — `event.code` is a keyword, and
 * `EventCode=4104`, Sigma's `EventID: 4104` and `event.code:"4104"` are all `event.code eq "4104"`.
 * Ranges on keyword fields keep their numbers: engines disagree on comparing them as text.
 */
function typedValues(comparison: CanonicalComparison): CanonicalComparison {
  if (comparison.mapping !== 'ecs' && comparison.mapping !== 'table') return comparison;
  const family = fieldFamilyOf(comparison.field);

  if (family === 'number' && (VALUE_OPS.has(comparison.op) || RANGE_OPS.has(comparison.op))) {
    return withValues(comparison, (value) => numericValue(value) ?? value);
  }
  if (family === 'keyword' && VALUE_OPS.has(comparison.op)) {
    return withValues(comparison, (value) => (typeof value === 'number' ? String(value) : value));
  }
  return comparison;
}

function withValues(
  comparison: CanonicalComparison,
  typed: (value: Scalar) => Scalar,
): CanonicalComparison {
  const values = comparison.values.map(typed);
  const changed = values.some((value, i) => value !== comparison.values[i]);
  return changed ? { ...comparison, values } : comparison;
}
