// The steps of commands that neither filter nor aggregate: they pass the event on, add
// fields (extractions, geo-IP, joins, models), rewrite fields (bin, replace, foreach), or
// turn it into several events (mvexpand). A command the matcher does not model gets no
// step here (null): it may then drop the event or set any field.

import type { ArgumentItem, CommandArgs, CommandNode } from '../../languages/spl/syntax.js';
import { joinOf } from '../../lower/spl/join-arguments.js';
import { dataModelRead, membershipStep } from './data-model-membership.js';
import { addingStep, iplocationStep, lookupStep } from './enrichment-steps.js';
import { PASS, type EventStep } from './event-step.js';
import { isUnknown, textOf, valuesOf } from './field-value.js';
import {
  convertStep,
  fieldsStep,
  fillnullStep,
  makemvStep,
  renameStep,
  rewriteStep,
} from './field-steps.js';

/** Commands of the shared argument syntax that only order, copy or add rows of others. */
const PASSING = new Set(['reverse', 'append', 'outputcsv', 'noop', 'localop']);

/** How many events one `mvexpand` may make before the verdict is left undecided. */
const MOST_EXPANDED = 1000;

export function commandStep(command: CommandNode, first: boolean): EventStep | null {
  const { args } = command;
  switch (args.kind) {
    case 'fillnull':
      return fillnullStep(args.value, args.fields);
    case 'rename':
      return renameStep(args.renames);
    case 'fields':
      return fieldsStep(args.mode, args.fields);
    case 'convert':
      return convertStep(args.conversions);
    case 'lookup':
      return args.table === null
        ? null
        : lookupStep(args.table, args.inputs, args.outputMode, args.outputs);
    case 'sort':
    case 'outputlookup':
    case 'collect':
      return () => PASS;
    case 'bin': {
      const field = args.field ?? '_time';
      return rewriteStep('bin', [args.as ?? field]);
    }
    case 'mvexpand':
      return args.field === null ? null : mvexpandStep(args.field);
    case 'makemv':
      if (args.field === null) return null;
      if (args.tokenizer !== null) return rewriteStep('makemv tokenizer', [args.field]);
      return makemvStep(args.field, args.delim ?? ' ');
    case 'nomv':
      return args.field === null ? null : rewriteStep('nomv', [args.field]);
    case 'spath':
      return spathStep(args.input, args.output, args.path);
    case 'fromjson': {
      const prefix = args.prefix ?? '';
      const source = args.field ?? 'a field';
      return addingStep((field) => field.startsWith(prefix), `may come from fromjson ${source}`);
    }
    case 'xmlkv':
    case 'extract':
      return addingStep(() => true, `may be extracted by ${args.kind}`);
    case 'iplocation':
      return iplocationStep(args.prefix ?? '');
    case 'addtotals':
      return rewriteStep('addtotals', [args.fieldname ?? 'Total']);
    case 'strcat':
      return args.target === null ? null : strcatStep(args, args.target);
    case 'rangemap':
      return rewriteStep('rangemap', ['range']);
    case 'delta':
      return args.field === null ? null : rewriteStep('delta', [args.as ?? `delta(${args.field})`]);
    case 'accum':
      return args.field === null ? null : rewriteStep('accum', [args.as ?? args.field]);
    case 'filldown':
      return addingStep(fieldCovers(args.fields), 'may be filled down from an earlier event');
    case 'addinfo':
      return addingStep((field) => field.startsWith('info_'), 'is search information');
    case 'tojson':
      return rewriteStep('tojson', ['_raw']);
    case 'replace':
      return rewriteStep('replace', args.fields.length === 0 ? ['*'] : args.fields);
    case 'cyberchef':
      return rewriteStep('cyberchef', [args.outfield ?? args.infield ?? '*']);
    case 'apply':
    case 'fit':
      return addingStep(() => true, `may be added by the model of ${args.kind}`);
    case 'inputlookup':
      return isTrue(args.options.append) ? () => PASS : null;
    case 'from':
      if (!first) return null;
      if (args.datasetType?.toLowerCase() !== 'datamodel' || args.dataset === null) {
        return () => PASS;
      }
      return membershipStep(dataModelRead(args.dataset, []));
    case 'datamodel': {
      if (!first || args.model === null) return null;
      const name = args.dataset === null ? args.model : `${args.model}.${args.dataset}`;
      return membershipStep(dataModelRead(name, []));
    }
    case 'arguments':
      return argumentStep(command.name.toLowerCase(), args.items);
    default:
      return null;
  }
}

function argumentStep(name: string, items: ArgumentItem[]): EventStep | null {
  if (PASSING.has(name)) return () => PASS;
  if (name === 'xpath' || name === 'appendcols') {
    return addingStep(() => true, `may be added by ${name}`);
  }
  if (name === 'xmlunescape') return rewriteStep(name, ['_raw']);
  if (name === 'join') return joinStep(items);
  if (name === 'appendpipe') return () => PASS;
  return null;
}

function fieldCovers(fields: readonly string[]): (field: string) => boolean {
  if (fields.length === 0) return () => true;
  const names = new Set(fields);
  return (field) => names.has(field);
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['true', 't', '1'].includes(value.toLowerCase());
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
function spathStep(input: string | null, output: string | null, path: string | null): EventStep {
  const fromRaw = input === null || input === '_raw';
  const target = output ?? path;
  if (target === null && !fromRaw) {
    return addingStep(() => true, `may be extracted by spath from \`${input}\``);
  }
  if (target === null) {
    return addingStep((field) => field.includes('{}'), 'names a JSON array element as spath does');
  }
  return (event) => {
    const value = fromRaw && path !== null && !path.includes('{') ? event.get(path) : null;
    const known = value !== null && !isUnknown(value);
    event.set(target, known ? value : { unknown: `\`${target}\` is extracted by spath` });
    return PASS;
  };
}

/** `strcat a "-" b target`: the texts joined; an absent field adds nothing. */
function strcatStep(args: Extract<CommandArgs, { kind: 'strcat' }>, target: string): EventStep {
  return (event) => {
    let text = '';
    for (const source of args.sources) {
      if (source.kind === 'string') {
        text += source.value;
        continue;
      }
      const value = event.get(source.value);
      if (isUnknown(value)) {
        event.set(target, { unknown: `\`${target}\` joins ${value.unknown}` });
        return PASS;
      }
      if (value === null && args.allrequired) return PASS;
      if (value !== null) text += valuesOf(value).map(textOf).join(' ');
    }
    event.set(target, text);
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
