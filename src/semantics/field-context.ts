// What decides how a rule's field names map to ECS: its source, and for Sigma its log source
// (the same `ImageLoaded` is a library in image_load and a driver in driver_load), for Splunk
// the data models it reads, the sourcetypes its search selects and the fields it computes.

import { predicatesOf, type Expr, type Rule, type Stage } from '../ir/index.js';
import { SPLUNK_MACRO_FIELDS } from './field-maps/splunk-macro-fields.js';

export interface FieldContext {
  source: Rule['source'];
  /** Sigma log source attributes as written (`product`, `category`, `service`), lower case. */
  logsource: Record<string, string>;
  /** Splunk data models `tstats` reads, as written (`Endpoint.Processes`, `Web`). */
  dataModels: string[];
  /**
   * Splunk data-model datasets whose prefix the rule drops (`drop_dm_object_name(Processes)`,
   * i.e. `rename Processes.* AS *`): their fields appear unprefixed afterwards.
   */
  droppedDatasets: string[];
  /** Values the rule's Splunk search compares `sourcetype`, `source` and `eventtype` with. */
  sourcetypes: string[];
  sources: string[];
  eventtypes: string[];
  // LIMITATION: computed and renamed fields are known per rule, not per stage — a filter on
  // `user` before an `eval user=lower(user)` is left unmapped too.
  /** Fields the rule computes itself (`eval`, `rex`, `lookup`…): no vendor's names. */
  computedFields: string[];
  /**
   * Computed fields that only normalization macros compute (field-maps/splunk-macro-fields):
   * field → the ECS field the macro's value is.
   */
  macroFields: Record<string, string>;
  /** Fields the rule renames (`rename host AS dest`, `spath`): new name → the name it had. */
  renamedFrom: Record<string, string>;
}

/** Sigma log-source attributes as the lowering states them on pseudo fields. */
const LOGSOURCE_PREFIX = 'logsource.';

/** Splunk's fields naming where an event came from, and the context list each one feeds. */
const SELECTORS = {
  sourcetype: 'sourcetypes',
  source: 'sources',
  eventtype: 'eventtypes',
} as const;

/** The context of a rule's fields, from its source, pipeline and event filter. */
export function fieldContextOf(
  rule: Pick<Rule, 'source' | 'pipeline' | 'eventFilter'>,
): FieldContext {
  const context: FieldContext = {
    source: rule.source,
    logsource: {},
    dataModels: [],
    droppedDatasets: [],
    sourcetypes: [],
    sources: [],
    eventtypes: [],
    computedFields: [],
    macroFields: {},
    renamedFrom: {},
  };
  const computedElsewhere = new Set<string>();
  for (const stage of rule.pipeline) {
    readStage(stage, context);
    readMacroFields(stage, context.macroFields, computedElsewhere);
  }
  for (const field of computedElsewhere) delete context.macroFields[field];
  if (rule.eventFilter) readSelectors(rule.eventFilter, context);
  return context;
}

/**
 * Records the fields a normalization macro's stage computes; fields any other stage computes
 * go to `computedElsewhere`, since the rule's own value is no longer the macro's.
 */
function readMacroFields(
  stage: Stage,
  macroFields: Record<string, string>,
  computedElsewhere: Set<string>,
): void {
  const macro = stage.origin?.macro;
  const defined =
    macro !== undefined && Object.hasOwn(SPLUNK_MACRO_FIELDS, macro)
      ? SPLUNK_MACRO_FIELDS[macro]
      : undefined;
  for (const field of computedBy(stage)) {
    const ecs = defined && Object.hasOwn(defined, field) ? defined[field] : undefined;
    if (ecs === undefined) computedElsewhere.add(field);
    else macroFields[field] = ecs;
  }
}

function readStage(stage: Stage, context: FieldContext): void {
  if (stage.command === 'logsource') {
    for (const [name, value] of Object.entries(stage.args)) {
      if (typeof value === 'string') context.logsource[name] = value.toLowerCase();
    }
  }
  const dataModel = stage.args.datamodel;
  if (typeof dataModel === 'string') addOnce(context.dataModels, dataModel);
  for (const dataset of droppedPrefixes(stage.args.renames)) {
    addOnce(context.droppedDatasets, dataset);
  }
  for (const [from, to] of plainRenames(stage.args.renames)) context.renamedFrom[to] = from;
  const fromPath = spathRename(stage);
  if (fromPath) context.renamedFrom[fromPath[1]] = fromPath[0];
  for (const field of computedBy(stage)) addOnce(context.computedFields, field);
  if (stage.predicate) readSelectors(stage.predicate, context);
}

/** `rename X.* AS *` drops the prefix `X`; other renames say nothing about data models. */
function droppedPrefixes(renames: unknown): string[] {
  if (!Array.isArray(renames)) return [];
  return renames.flatMap((rename: { from?: unknown; to?: unknown }) => {
    const { from, to } = rename ?? {};
    if (typeof from !== 'string' || to !== '*' || !from.endsWith('.*')) return [];
    return [from.slice(0, -2).replace(/^"|"$/g, '')];
  });
}

/** `rename a AS b` of single fields (patterns are data-model prefixes, read above). */
function plainRenames(renames: unknown): [from: string, to: string][] {
  if (!Array.isArray(renames)) return [];
  return renames.flatMap((rename: { from?: unknown; to?: unknown }) => {
    const { from, to } = rename ?? {};
    if (typeof from !== 'string' || typeof to !== 'string') return [];
    if (from.includes('*') || to.includes('*') || from === to) return [];
    return [[from, to] as [string, string]];
  });
}

/** Fields `iplocation` adds, after its optional prefix. */
const IPLOCATION_FIELDS = ['City', 'Country', 'Region', 'lat', 'lon', 'MetroCode', 'Timezone'];

/**
 * Names a stage computes: `eval` assignments (SPL `assignments[].field`, ES|QL
 * `columns[].name`), `rex` named groups, `lookup` outputs, `iplocation` fields and the output of
 * an `spath` without a path.
 */
function computedBy(stage: Stage): string[] {
  const { args } = stage;
  switch (stage.command.toLowerCase()) {
    case 'eval':
      return [...namesIn(args.assignments, 'field'), ...namesIn(args.columns, 'name')];
    case 'rex':
      return typeof args.pattern === 'string' ? namedGroups(args.pattern) : [];
    case 'lookup':
      return listOf(args.outputs).flatMap((output) => {
        const name = output.as ?? output.field;
        return typeof name === 'string' ? [name] : [];
      });
    case 'iplocation': {
      const prefix = typeof args.prefix === 'string' ? args.prefix : '';
      return IPLOCATION_FIELDS.map((name) => prefix + name);
    }
    case 'spath':
      return typeof args.output === 'string' && typeof args.path !== 'string' ? [args.output] : [];
    default:
      return [];
  }
}

/** `spath output=user path=userIdentity.arn` names a JSON path anew, as a rename does. */
function spathRename(stage: Stage): [from: string, to: string] | null {
  if (stage.command.toLowerCase() !== 'spath') return null;
  const { output, path } = stage.args;
  return typeof output === 'string' && typeof path === 'string' ? [path, output] : null;
}

/**
 * The names of `(?P<name>…)` and `(?<name>…)` groups in a regular expression's text, found by
 * scanning it (rule text never becomes a pattern of ours).
 */
function namedGroups(pattern: string): string[] {
  const names: string[] = [];
  for (let at = pattern.indexOf('(?'); at >= 0; at = pattern.indexOf('(?', at + 2)) {
    let start = at + 2;
    if (pattern[start] === 'P') start += 1;
    const lookaround = pattern[start + 1] === '=' || pattern[start + 1] === '!';
    if (pattern[start] !== '<' || lookaround) continue;
    const end = pattern.indexOf('>', start);
    if (end > start + 1) names.push(pattern.slice(start + 1, end));
  }
  return names;
}

function namesIn(list: unknown, key: string): string[] {
  return listOf(list).flatMap((item) => {
    const name = item[key];
    return typeof name === 'string' ? [name] : [];
  });
}

/** The objects of a stage argument that should be a list of them. */
function listOf(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is Record<string, unknown> => {
    return typeof item === 'object' && item !== null;
  });
}

/**
 * Values of the selector fields; for a Sigma rule without a log source of its own (a
 * correlation), the `logsource.*` constraints its filter takes from the rules it refers to.
 */
function readSelectors(expr: Expr, context: FieldContext): void {
  for (const { predicate, negated } of predicatesOf(expr)) {
    if (negated) continue;
    const [value] = predicate.values;
    if (predicate.field.startsWith(LOGSOURCE_PREFIX) && typeof value === 'string') {
      // LIMITATION: a correlation over rules of different log sources is read with the first
      // one's — fields of the others may map as that log source names them.
      context.logsource[predicate.field.slice(LOGSOURCE_PREFIX.length)] ??= value.toLowerCase();
      continue;
    }
    if (!(predicate.field in SELECTORS)) continue;
    const list = context[SELECTORS[predicate.field as keyof typeof SELECTORS]];
    for (const value of predicate.values) {
      if (typeof value === 'string') addOnce(list, value.toLowerCase());
    }
  }
}

function addOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
