// `foreach a* [eval x = … '<<FIELD>>' …]`: the template's evals run once per event field the
// patterns match, `<<FIELD>>` standing for the field's name and `<<MATCHSTR>>` for what the
// wildcard matched. A template of other commands or other tokens rewrites any field.
// LIMITATION: fields are taken in name order (a0, a1, a10, a2…), which may differ from
// Splunk's order when the template accumulates values (mvappend) — the values come out in
// that order; fields only a lookup or extraction might have added are not iterated.

import { parsePipeline } from '../../languages/spl/pipeline-parser.js';
import type { ArgumentItem, EvalAssignment } from '../../languages/spl/syntax.js';
import { EvalEvaluation } from './eval-evaluation.js';
import { PASS, type EventStep } from './event-step.js';
import { rewriteStep } from './field-steps.js';
import { fieldGlob, globMatches, type Glob } from './glob-pattern.js';
import type { RuleRegexes } from './rule-regexes.js';

const TOKENS = ['<<FIELD>>', '<<MATCHSTR>>'];

/** The template's evals with the tokens filled in, and the text their spans point into. */
interface Filled {
  assignments: EvalAssignment[];
  evaluation: EvalEvaluation;
}

export function foreachStep(items: ArgumentItem[], text: string, regexes: RuleRegexes): EventStep {
  const patterns = items.flatMap((item) => (item.kind === 'word' ? [item.text] : []));
  const template = items.find((item) => item.kind === 'subsearch');
  if (template?.kind !== 'subsearch' || patterns.length === 0) {
    return rewriteStep('foreach', ['*']);
  }
  const { start, end } = template.pipeline.span;
  const body = text.slice(start, end);
  if (hasOtherTokens(body)) return rewriteStep('foreach', ['*']);

  const globs = patterns.map(fieldGlob);
  const filled = new Map<string, Filled | null>();
  const fill = (field: string, match: string): Filled | null => {
    const key = `${field}\u0000${match}`;
    if (!filled.has(key)) filled.set(key, filledTemplate(body, field, match, regexes));
    return filled.get(key) ?? null;
  };

  return (event) => {
    const fields = event.names().filter((name) => globs.some((glob) => globMatches(glob, name)));
    for (const field of fields.sort()) {
      const glob = globs.find((each) => globMatches(each, field)) as Glob;
      const template = fill(field, wildcardMatch(glob, field));
      if (!template) {
        event.forget(() => true, 'is rewritten by foreach');
        return PASS;
      }
      template.evaluation.assign(template.assignments, event);
    }
    return PASS;
  };
}

function hasOtherTokens(body: string): boolean {
  let rest = body;
  for (const token of TOKENS) rest = rest.split(token).join('');
  return rest.includes('<<');
}

function filledTemplate(
  body: string,
  field: string,
  match: string,
  regexes: RuleRegexes,
): Filled | null {
  const text = body.split('<<FIELD>>').join(field).split('<<MATCHSTR>>').join(match);
  const { commands } = parsePipeline(text, 0, text.length, 'command');
  const assignments: EvalAssignment[] = [];
  for (const command of commands) {
    if (command.args.kind !== 'eval' || command.issues.length > 0) return null;
    assignments.push(...command.args.assignments);
  }
  return { assignments, evaluation: new EvalEvaluation(text, regexes) };
}

/** What the pattern's first wildcard matched in the field's name. */
function wildcardMatch(glob: Glob, field: string): string {
  const { pieces } = glob;
  if (pieces.length < 2) return '';
  return field.slice(pieces[0].text.length, field.length - pieces[pieces.length - 1].text.length);
}
