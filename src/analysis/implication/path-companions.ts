// What a path comparison says of the file name, stated beside it in a case:
// - a comparison normalization moved to the file-name field is kept on the path as well: a case
//   with `process.name eq x.exe` (written `Image endswith '\x.exe'`) also states what was
//   written, `process.executable endswith '\x.exe'`, so that it still implies `endswith 'x.exe'`
//   on the path;
// - a whole path or a suffix of several segments left on the path field states its file name: a
//   case with `process.executable eq 'C:\Windows\x.exe'` or `endswith '\wbem\x.exe'` also has
//   `process.name eq x.exe`, so that it implies a rule naming only the file.

import type { Rule } from '../../ir/index.js';
import { mappedFieldOf } from '../../semantics/canonical-comparison.js';
import { FILE_NAME_OF_PATH, fileNameOfPath } from '../../semantics/comparison-normalization.js';
import type { Literal } from './literal.js';

/** Operators whose every matching path has the value's last segment as its file name. */
const NAMING_OPS: ReadonlySet<string> = new Set(['eq', 'endswith']);

// LIMITATION: a negated path condition states nothing on the name (`NOT path eq 'C:\x.exe'` does
// not rule out another `x.exe`) — pairs needing it are not listed.
/**
 * The case with, for each positive one-predicate literal, what it also says: the written
 * comparison when the canonical one left its written field, and the file name of a path
 * compared whole or by a suffix of several segments. The case itself when there is none.
 */
export function withPathCompanions(conjunction: Literal[], rule: Rule): Literal[] {
  const companions: Literal[] = [];
  for (const literal of conjunction) {
    if (literal.negated || literal.predicates.length !== 1) continue;
    const written = writtenComparison(literal, rule);
    if (written) companions.push(written);
    const name = fileNameComparison(literal);
    if (name) companions.push(name);
  }
  return companions.length === 0 ? conjunction : [...conjunction, ...companions];
}

/** The comparison as written, when normalization moved it to the file-name field. */
function writtenComparison(literal: Literal, rule: Rule): Literal | null {
  const [predicate] = literal.predicates;
  const written = mappedFieldOf(predicate, rule).field;
  if (written === literal.field || predicate.op !== 'endswith') return null;
  return { ...literal, field: written, op: predicate.op, values: [...predicate.values] };
}

/** `name eq <last segments>` for a path literal whose every value names the file. */
function fileNameComparison(literal: Literal): Literal | null {
  if (!Object.hasOwn(FILE_NAME_OF_PATH, literal.field)) return null;
  if (!NAMING_OPS.has(literal.op) || literal.values.length === 0) return null;
  const nameField = FILE_NAME_OF_PATH[literal.field];
  const names: string[] = [];
  for (const value of literal.values) {
    const name = typeof value === 'string' ? fileNameOfPath(value) : null;
    if (name === null) return null;
    names.push(name);
  }
  return { ...literal, field: nameField, op: 'eq', values: names };
}
