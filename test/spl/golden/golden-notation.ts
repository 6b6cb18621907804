// The short notation golden cases are written in: one line per stage, one compact tree per
// predicate, each with the macro it came from.

import {
  computationText,
  type Expr,
  type MacroOrigin,
  type Predicate,
  type Stage,
  type SubsearchCondition,
} from '../../../src/ir/index.js';

/**
 * `command effect [by=f1,f2 [filled=…]] [@macro(args)] [opaque]`. An origin reads
 * `@name(args)` for a macro of `macros/<name>.yml` and `@builtin:name(args)` for a built-in.
 */
export function stageLine(stage: Stage): string {
  const parts = [stage.command, stage.effect];
  if (stage.groupBy) {
    const { fields, filled } = stage.groupBy;
    parts.push(`by=${fields.length > 0 ? fields.join(',') : 'none'}`);
    if (filled === 'all') parts.push('filled=all');
    else if (filled.length > 0) parts.push(`filled=${filled.join(',')}`);
  }
  if (stage.origin) parts.push(originText(stage.origin));
  if (stage.opaque) parts.push('opaque');
  return parts.join(' ');
}

export function originText(origin: MacroOrigin): string {
  const args = origin.args.length > 0 ? `(${origin.args.join(',')})` : '';
  if (origin.definedIn === 'builtin') return `@builtin:${origin.macro}${args}`;
  const own = `@${origin.macro}${args}`;
  return origin.definedIn === `macros/${origin.macro}.yml` ? own : `${own} in ${origin.definedIn}`;
}

/**
 * A predicate tree: `and(…)`, `or(…)`, `not(…)`, atoms `field op~ values` (`~` when
 * case-insensitive). A node whose every leaf came from one macro is marked once, after it:
 * `or(a, b)@powershell`; leaves inside it are not marked again.
 */
export function tree(expr: Expr | undefined, inherited?: string): string {
  if (!expr) return '(none)';
  const own = commonOrigin(expr);
  const mark = own !== undefined && own !== inherited ? own : '';
  const within = mark ? own : inherited;
  return `${body(expr, within)}${mark}`;
}

function body(expr: Expr, within: string | undefined): string {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return `${expr.kind}(${expr.args.map((arg) => tree(arg, within)).join(', ')})`;
    case 'not':
      return `not(${tree(expr.arg, within)})`;
    case 'predicate':
      return atom(expr.predicate);
    case 'computed':
      return `computed(${computationText(expr.computed.condition)})`;
    case 'subsearch':
      return `subsearch${subsearchText(expr.subsearch)}`;
    case 'opaque':
      return `opaque(${expr.text})`;
  }
}

/** The origin every leaf of the tree shares, as text; undefined when they differ or lack one. */
function commonOrigin(expr: Expr): string | undefined {
  const origins = new Set(leaves(expr).map((leaf) => leaf && originText(leaf)));
  const [only] = origins;
  return origins.size === 1 && only ? only : undefined;
}

function leaves(expr: Expr): (MacroOrigin | undefined)[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.args.flatMap(leaves);
    case 'not':
      return leaves(expr.arg);
    case 'predicate':
      return [expr.predicate.origin];
    case 'computed':
      return [expr.computed.origin];
    case 'subsearch':
      return [expr.subsearch.origin];
    case 'opaque':
      return [expr.origin];
  }
}

function atom(predicate: Predicate): string {
  const values = predicate.values.map((value) => JSON.stringify(value)).join(' ');
  const cased = predicate.caseSensitive ? '' : '~';
  const flags = predicate.flags ? ` /${predicate.flags}` : '';
  return `${predicate.field} ${predicate.op}${cased}${values ? ` ${values}` : ''}${flags}`;
}

/** `{fields: stage | stage [tree] | …}`: what a nested search returns and how it runs. */
export function subsearchText(subsearch: SubsearchCondition): string {
  const stages = subsearch.stages.map(nestedStage).join(' | ');
  return `{${subsearch.fields.join(' ')}: ${stages}}`;
}

function nestedStage(stage: Stage): string {
  let text = stageLine(stage);
  if (stage.predicate) text += ` [${tree(stage.predicate)}]`;
  for (const subsearch of stage.subsearches ?? []) text += ` ${subsearchText(subsearch)}`;
  return text;
}
