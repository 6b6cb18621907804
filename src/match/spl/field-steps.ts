// Commands that rename, keep, fill or rewrite fields: rename, fields/table, fillnull, convert,
// bin/bucket and makemv.

import type { Conversion, FieldAlias } from '../../languages/spl/syntax.js';
import { PASS, type EventStep } from './event-step.js';
import { isUnknown, textOf, valuesOf } from './field-value.js';
import { fieldGlob, globMatches, type Glob } from './glob-pattern.js';
import { RAW, type SplEvent } from './spl-event.js';

/** Whether a field list (with `*` wildcards) names the field. */
function fieldListCovers(patterns: readonly string[]): (field: string) => boolean {
  const globs = patterns.map(fieldGlob);
  return (field) => globs.some((glob) => globMatches(glob, field));
}

/** `rename a AS b, x.* AS *`: a wildcard's match carries over into the new name. */
export function renameStep(renames: readonly FieldAlias[]): EventStep {
  return (event) => {
    for (const { field, as } of renames) {
      if (as === null) continue;
      if (field.includes('*')) renameMatching(event, field, as);
      else move(event, field, as);
    }
    return PASS;
  };
}

function move(event: SplEvent, from: string, to: string): void {
  const value = event.get(from);
  if (value === null || from === to) return;
  event.set(from, null);
  event.set(to, value);
}

/**
 * LIMITATION: fields a lookup or extraction may have added (unknown to the matcher) are not
 * renamed by a wildcard rename — a condition on their new name reads them as absent.
 */
function renameMatching(event: SplEvent, from: string, to: string): void {
  const glob = fieldGlob(from);
  const names = event.names().filter((name) => globMatches(glob, name));
  const moves = names.map((name) => [name, renamed(glob, name, to)] as const);
  const values = moves.map(([name]) => event.get(name));
  for (const [name] of moves) event.set(name, null);
  moves.forEach(([, target], i) => event.set(target, values[i]));
}

/** The new name: the target's `*` takes what the source's single `*` matched. */
function renamed(glob: Glob, name: string, target: string): string {
  const { pieces } = glob;
  if (pieces.length !== 2 || !target.includes('*')) return target;
  const middle = name.slice(pieces[0].text.length, name.length - pieces[1].text.length);
  return target.replace('*', middle);
}

/** `fields a b` / `table a b` keep only those (and `_raw`, `_time`); `fields - a` drops a. */
export function fieldsStep(mode: '+' | '-', patterns: readonly string[]): EventStep {
  const covers = fieldListCovers(patterns);
  if (mode === '-') return (event) => {
    event.restrict((field) => !covers(field));
    return PASS;
  };
  return (event) => {
    event.restrict((field) => covers(field) || field === RAW || field === '_time');
    return PASS;
  };
}

/**
 * `fillnull [value=v] [fields]`: absent listed fields become v (`0` by default). Without a
 * list Splunk fills every field some event of the results has, which one event does not
 * tell: absent fields become unknown.
 */
export function fillnullStep(value: string | null, fields: readonly string[]): EventStep {
  const filler = value ?? '0';
  if (fields.length === 0) return (event) => {
    event.addUnknown({ covers: () => true, reason: 'may be filled by fillnull' });
    return PASS;
  };
  return (event) => {
    for (const field of fields) {
      if (event.get(field) === null) event.set(field, filler);
    }
    return PASS;
  };
}

/**
 * `convert ctime(x) …`: the converted fields hold formatted values.
 * LIMITATION: conversions are not computed — a later condition on a converted field is
 * undecided.
 */
export function convertStep(conversions: readonly Conversion[]): EventStep {
  return (event) => {
    for (const conversion of conversions) {
      if (event.get(conversion.field) === null) continue;
      const target = conversion.as ?? conversion.field;
      const why = `\`${target}\` holds a value converted by ${conversion.function}()`;
      event.set(target, { unknown: why });
    }
    return PASS;
  };
}

/** Commands that rewrite named fields in a way the matcher does not compute (bin, strcat). */
export function rewriteStep(command: string, fields: readonly string[]): EventStep {
  const covers = fieldListCovers(fields);
  return (event) => {
    event.forget(covers, `is rewritten by ${command}`);
    return PASS;
  };
}

/** `makemv delim="," field`: the field's text split into values. */
export function makemvStep(field: string, delimiter: string): EventStep {
  return (event) => {
    const value = event.get(field);
    if (value === null || isUnknown(value)) return PASS;
    const items = valuesOf(value).flatMap((item) => textOf(item).split(delimiter));
    const kept = items.filter((item) => item !== '');
    event.set(field, kept.length === 0 ? null : kept.length === 1 ? kept[0] : kept);
    return PASS;
  };
}
