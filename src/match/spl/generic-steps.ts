// Commands read in the shared argument syntax (words, options, subsearches) that the
// matcher models: those that only order or send results on, bin/bucket, mvexpand, makemv,
// spath, iplocation, join, foreach, extractions and rewrites. Any other such command may
// filter or rewrite the event in ways the matcher does not know.

import { itemText } from '../../languages/spl/argument-parser.js';
import { optionsOf } from '../../languages/spl/field-command-readers.js';
import type { ArgumentItem } from '../../languages/spl/syntax.js';
import { joinOf } from '../../lower/spl/join-arguments.js';
import { addingStep, iplocationStep } from './enrichment-steps.js';
import { PASS, type EventStep } from './event-step.js';
import { isUnknown } from './field-value.js';
import { makemvStep, rewriteStep } from './field-steps.js';

/** Commands that reorder, format or copy results elsewhere, or add rows of other searches. */
const PASSING = new Set([
  'sort', 'reverse', 'outputlookup', 'outputcsv', 'collect', 'format', 'fieldformat',
  'append', 'appendpipe', 'addcoltotals', 'inputlookup', 'inputcsv', 'noop', 'localop',
]);

/** Commands that extract fields from a text or a table the matcher does not read. */
const EXTRACTING = new Set([
  'xmlkv', 'fromjson', 'extract', 'kv', 'multikv', 'xpath', 'addinfo', 'appendcols', 'apply',
  'fit', 'rangemap', 'tojson',
]);

/** Commands that rewrite the values of fields they do not name. */
const REWRITING = new Set(['filldown', 'nomv', 'xmlunescape', 'cyberchef', 'strcat', 'replace']);

/** How many events one `mvexpand` may make before the verdict is left undecided. */
const MOST_EXPANDED = 1000;

/** The step for a command of the shared syntax; null when the matcher does not model it. */
export function genericStep(name: string, items: ArgumentItem[]): EventStep | null {
  const command = name.toLowerCase();
  const words = wordsOf(items);
  const options = optionsOf(items);
  if (PASSING.has(command)) return () => PASS;
  if (EXTRACTING.has(command)) return addingStep(() => true, `may be extracted by ${command}`);
  if (command === 'replace') return replaceStep(items);
  if (REWRITING.has(command)) return rewriteStep(command, ['*']);
  switch (command) {
    case 'bin':
    case 'bucket':
      return rewriteStep(command, [aliasTarget(items) ?? words[0] ?? '_time']);
    case 'mvexpand':
      return words[0] === undefined ? null : mvexpandStep(words[0]);
    case 'makemv': {
      const field = words[words.length - 1];
      if (field === undefined) return null;
      if (options.tokenizer !== undefined) return rewriteStep('makemv tokenizer', [field]);
      return makemvStep(field, options.delim ?? ' ');
    }
    case 'spath':
      return spathStep(options, words);
    case 'iplocation':
      return iplocationStep(options.prefix ?? '');
    case 'join':
      return joinStep(items);
    case 'foreach':
      return foreachStep(items, words);
    default:
      return null;
  }
}

function wordsOf(items: ArgumentItem[]): string[] {
  return items.filter((item) => item.kind === 'word').map((item) => itemText(item) ?? '');
}

/** `bin _time AS t span=1h`: the field written after AS. */
function aliasTarget(items: ArgumentItem[]): string | null {
  const at = items.findIndex((item) => item.kind === 'word' && item.text.toLowerCase() === 'as');
  const target = at < 0 ? undefined : items[at + 1];
  return target ? itemText(target) : null;
}

function mvexpandStep(field: string): EventStep {
  return (event) => {
    const value = event.get(field);
    if (isUnknown(value)) return { kind: 'unknown', reason: `mvexpand of ${value.unknown}` };
    if (value === null) {
      return { kind: 'unknown', reason: `mvexpand of \`${field}\`, which the event lacks` };
    }
    if (!Array.isArray(value)) return PASS;
    if (value.length > MOST_EXPANDED) {
      return { kind: 'unknown', reason: `mvexpand of more than ${MOST_EXPANDED} values` };
    }
    const events = value.map((item) => {
      const copy = event.copy();
      copy.set(field, item);
      return copy;
    });
    return { kind: 'fork', events };
  };
}

/**
 * `spath` without arguments extracts the JSON paths of `_raw`, which an event file's fields
 * already hold by dotted path — except array elements, which spath names `a{}.b`.
 * `spath [output=o] path` reads one path; `input=f` reads the JSON in another field.
 */
function spathStep(options: Record<string, string>, words: string[]): EventStep {
  const input = options.input;
  const path = options.path ?? words[0];
  const output = options.output ?? path;
  const fromRaw = input === undefined || input === '_raw';
  if (!fromRaw && output === undefined) {
    return addingStep(() => true, `may be extracted by spath from \`${input}\``);
  }
  if (output === undefined) {
    return addingStep((field) => field.includes('{}'), 'names a JSON array element as spath does');
  }
  return (event) => {
    const value = fromRaw && path !== undefined && !path.includes('{') ? event.get(path) : null;
    const known = value !== null && !isUnknown(value);
    event.set(output, known ? value : { unknown: `\`${output}\` is extracted by spath` });
    return PASS;
  };
}

/** An inner join keeps the event only when the subsearch has a matching row. */
function joinStep(items: ArgumentItem[]): EventStep {
  const join = joinOf(items);
  return (event) => {
    event.addUnknown({ covers: () => true, reason: 'may come from the joined subsearch' });
    if (!join.inner) return PASS;
    return { kind: 'unknown', reason: 'an inner join keeps events the subsearch has rows for' };
  };
}

/** `replace a WITH b IN f1, f2`: the listed fields (all without IN) are rewritten. */
function replaceStep(items: ArgumentItem[]): EventStep {
  const at = items.findIndex((item) => item.kind === 'word' && item.text.toLowerCase() === 'in');
  const fields = at < 0 ? ['*'] : wordsOf(items.slice(at + 1));
  return rewriteStep('replace', fields);
}

/**
 * `foreach a* [eval <<FIELD>> = …]`: the fields its template assigns are rewritten; a
 * template holding anything but evals of `<<FIELD>>` or plain fields may rewrite any field.
 */
function foreachStep(items: ArgumentItem[], patterns: string[]): EventStep {
  const template = items.find((item) => item.kind === 'subsearch');
  const assigned: string[] = [];
  let any = template?.kind !== 'subsearch';
  if (template?.kind === 'subsearch') {
    for (const command of template.pipeline.commands) {
      if (command.args.kind !== 'eval') {
        any = true;
        continue;
      }
      for (const { field } of command.args.assignments) {
        if (field === '<<FIELD>>') assigned.push(...patterns);
        else if (field.includes('<<')) any = true;
        else assigned.push(field);
      }
    }
  }
  return rewriteStep('foreach', any ? ['*'] : assigned);
}

