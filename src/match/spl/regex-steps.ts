// The regular-expression commands: `rex` extracts named groups into fields, `regex` keeps
// (or with `!=` drops) events whose field matches. Both run through RE2; a pattern RE2
// cannot run makes the extracted fields unknown, or the filter undecided.

import { isLinearRegex } from '../linear-regex.js';
import { PASS, type EventStep } from './event-step.js';
import { isUnknown, textOf, valuesOf } from './field-value.js';
import { rewriteStep } from './field-steps.js';
import { unsupportedReason, type RuleRegexes } from './rule-regexes.js';
import type { SplEvent } from './spl-event.js';

export interface RexCommand {
  field: string;
  options: Record<string, string>;
  pattern: string;
}

export function rexStep(rex: RexCommand, regexes: RuleRegexes): EventStep {
  const { field, options, pattern } = rex;
  // LIMITATION: sed-mode rex (`mode=sed "s/…/…/"`) is not applied — the field it rewrites
  // is unknown afterwards.
  if (options.mode?.toLowerCase() === 'sed') return rewriteStep('rex mode=sed', [field]);
  const regex = regexes.get(pattern);
  const names = isLinearRegex(regex) && regex.groupNames ? regex.groupNames() : groupNames(pattern);
  if (!isLinearRegex(regex) || !regex.namedGroups) {
    const why = isLinearRegex(regex) ? 'groups are unavailable' : unsupportedReason(pattern, regex);
    return (event) => {
      forgetGroups(event, names, `may be extracted by rex, but ${why}`);
      return PASS;
    };
  }
  const first = regex.namedGroups.bind(regex);
  // LIMITATION: with max_match other than 1, only whether the pattern matches is known —
  // the fields it extracts are unknown when it does.
  const several = options.max_match !== undefined && options.max_match !== '1';

  return (event) => {
    const value = event.get(field);
    if (value === null) return PASS;
    if (isUnknown(value) || Array.isArray(value)) {
      forgetGroups(event, names, `is extracted by rex from \`${field}\`, whose value is unknown`);
      return PASS;
    }
    const groups = first(textOf(value));
    if (!groups) return PASS;
    if (several) {
      forgetGroups(event, names, 'is extracted by rex with max_match, from several matches');
      return PASS;
    }
    for (const [name, text] of Object.entries(groups)) {
      if (text !== null) event.set(name, text);
    }
    return PASS;
  };
}

function forgetGroups(event: SplEvent, names: readonly string[], reason: string): void {
  for (const name of names) event.set(name, { unknown: `\`${name}\` ${reason}` });
}

/** Named groups written `(?<name>` or `(?P<name>`, read from a pattern RE2 did not compile. */
function groupNames(pattern: string): string[] {
  const names: string[] = [];
  for (let i = pattern.indexOf('(?'); i >= 0; i = pattern.indexOf('(?', i + 2)) {
    if (i > 0 && pattern[i - 1] === '\\') continue;
    const open = pattern[i + 2] === 'P' ? i + 3 : i + 2;
    if (pattern[open] !== '<') continue;
    const close = pattern.indexOf('>', open);
    const name = close < 0 ? '' : pattern.slice(open + 1, close);
    if (name !== '' && !name.startsWith('=') && !name.startsWith('!')) names.push(name);
  }
  return names;
}

/** `regex [field=]"re"` keeps events whose field matches; `field!="re"` keeps the others. */
export function regexStep(
  field: string,
  pattern: string,
  negated: boolean,
  text: string,
  regexes: RuleRegexes,
): EventStep {
  const regex = regexes.get(pattern);
  return (event) => {
    if (!isLinearRegex(regex)) {
      return { kind: 'unknown', reason: `${text}: ${unsupportedReason(pattern, regex)}` };
    }
    const value = event.get(field);
    if (isUnknown(value)) return { kind: 'unknown', reason: `${text}: ${value.unknown}` };
    const matches = value !== null && valuesOf(value).some((item) => regex.test(textOf(item)));
    return matches !== negated ? PASS : { kind: 'drop', reason: text };
  };
}
