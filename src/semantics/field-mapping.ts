// A rule's field name in the cross-vendor vocabulary: an ECS field where a mapping exists, else
// the integration field Elastic keeps the same data in (`winlog.event_data.GrantedAccess`), else
// the name as written. The tables live in field-maps/, one file per vendor or log family.
//
// Case: Sigma field names are looked up ignoring case (Sigma matches field names that way);
// Splunk and Elastic names exactly, as those products compare them.

import { RAW_FIELD, type FieldMapping, type SourceName } from '../ir/index.js';
import type { FieldContext } from './field-context.js';
import {
  lookupField,
  lookupName,
  type FieldMap,
  type NameCase,
} from './field-maps/field-table.js';
import {
  isEcsField,
  isNonEcsField,
  isWindowsEventDataName,
  WINDOWS_EVENT_DATA_PREFIX,
  windowsEventDataField,
} from './field-maps/schema-fields.js';
import { isWindowsLogSource, sigmaFieldMaps } from './field-maps/sigma-fields.js';
import {
  CIM_COMMON_FIELDS,
  CIM_DATA_MODEL_DATASETS,
  CIM_DATASET_FIELDS,
} from './field-maps/splunk-cim.js';
import {
  SPLUNK_EVENT_FIELDS,
  SPLUNK_WINDOWS_FIELDS,
  splunkSourcetypeMaps,
} from './field-maps/splunk-sourcetypes.js';
import { isTableTarget } from './field-maps/table-targets.js';

export interface MappedField {
  field: string;
  mapping: FieldMapping;
}

/**
 * Splunk's fields that pick which stored events a search reads (the log source, as Sigma's
 * `logsource` and Elastic's `_index` do) rather than say anything the events say.
 */
const SPLUNK_SELECTORS: ReadonlySet<string> = new Set([
  'index',
  'source',
  'sourcetype',
  'eventtype',
  'nodename',
  'splunk_server',
]);

/** Fields of ours, and fields that select the log source: kept as they are. */
function isPseudoField(field: string, context: FieldContext): boolean {
  if (field === RAW_FIELD || field === '_index' || field.startsWith('logsource.')) return true;
  return context.source === 'splunk' && SPLUNK_SELECTORS.has(field);
}

/** How a source's field names are matched to the tables. */
export function fieldNameCase(source: SourceName): NameCase {
  return source === 'sigma' ? 'ignore-case' : 'exact';
}

export function mapField(field: string, context: FieldContext): MappedField {
  if (isPseudoField(field, context)) return { field, mapping: 'pseudo' };
  switch (context.source) {
    case 'sigma':
      return mapSigmaField(field, context);
    case 'splunk':
      return mapSplunkField(field, context);
    case 'elastic':
    case 'elastic-hunting':
      return mapElasticField(field, context);
  }
}

const unmapped = (field: string): MappedField => ({ field, mapping: 'unmapped' });
const fromTable = (field: string): MappedField => ({ field, mapping: 'table' });

function mapSigmaField(field: string, context: FieldContext): MappedField {
  const logsource = context.logsource;
  const mapped = lookupInMaps(sigmaFieldMaps(logsource), field, fieldNameCase('sigma'));
  if (mapped !== undefined) return fromTable(mapped);
  if (isWindowsLogSource(logsource)) {
    const eventData = windowsEventDataField(field, true);
    if (eventData !== undefined) return fromTable(eventData);
  }
  // Sigma rules for some products already write ECS or integration names.
  if (isEcsField(field)) return { field, mapping: 'ecs' };
  if (isTableTarget(field)) return fromTable(field);
  return unmapped(field);
}

/**
 * Splunk: a data-model field by its dataset prefix (or, after `drop_dm_object_name`, by the
 * datasets the rule reads); a raw field by the sourcetypes the search selects, then by the CIM
 * names every add-on extracts. JSON paths lose their multivalue marks (`user.groups{}`).
 */
function mapSplunkField(field: string, context: FieldContext): MappedField {
  const macroField = context.macroFields[field];
  if (macroField !== undefined) return fromTable(macroField);
  if (context.computedFields.includes(field)) return unmapped(field);
  const renamed = context.renamedFrom[field];
  if (renamed !== undefined && renamed !== field) {
    const original = mapSplunkField(renamed, { ...context, renamedFrom: {} });
    if (original.mapping !== 'unmapped') return original;
  }

  const name = field.replaceAll('{}', '');
  const dataset = datasetOf(name);
  if (dataset !== undefined) {
    const mapped = lookupName(CIM_DATASET_FIELDS[dataset], name.slice(dataset.length + 1), 'exact');
    return mapped === undefined ? unmapped(field) : fromTable(mapped);
  }
  for (const read of datasetsRead(context)) {
    const mapped = lookupName(CIM_DATASET_FIELDS[read], name, 'exact');
    if (mapped !== undefined) return fromTable(mapped);
  }
  // LIMITATION: a raw field of a sourcetype without a table (CrowdStrike, Active Directory
  // admon, Ping…) maps only when it is a CIM name every add-on extracts — the rest stay as
  // written and show in `report fields`.
  const selected = splunkSourcetypeMaps(context);
  const mapped = lookupInMaps(selected, name, 'exact')
    ?? (selected.includes(SPLUNK_WINDOWS_FIELDS) ? windowsEventDataField(name, false) : undefined)
    ?? lookupName(SPLUNK_EVENT_FIELDS, name, 'exact')
    ?? lookupName(CIM_COMMON_FIELDS, name, 'exact');
  if (mapped !== undefined) return fromTable(mapped);
  // Constraints the log source implies are stated in the canonical vocabulary already.
  if (isEcsField(field)) return { field, mapping: 'ecs' };
  return isTableTarget(field) ? fromTable(field) : unmapped(field);
}

/** The data-model dataset a field is prefixed with (`Processes.process` → `Processes`). */
function datasetOf(field: string): string | undefined {
  let found: string | undefined;
  for (const dataset of Object.keys(CIM_DATASET_FIELDS)) {
    if (!field.startsWith(`${dataset}.`)) continue;
    if (found === undefined || dataset.length > found.length) found = dataset;
  }
  return found;
}

/** Datasets whose fields the rule may name without their prefix. */
function datasetsRead(context: FieldContext): string[] {
  const datasets = context.droppedDatasets.filter((d) => Object.hasOwn(CIM_DATASET_FIELDS, d));
  for (const model of context.dataModels) {
    const dataset = CIM_DATA_MODEL_DATASETS[model];
    if (dataset !== undefined && !datasets.includes(dataset)) datasets.push(dataset);
  }
  return datasets;
}

/** Multi-fields Elastic indexes a keyword under (`process.name.caseless`, `….text`). */
const MULTI_FIELD_SUFFIXES = ['.caseless', '.text'] as const;

/**
 * Elastic: ECS and the non-ECS schema are the vocabulary already; integration fields are when a
 * table maps to them; a multi-field stands for its parent field.
 */
function mapElasticField(field: string, context: FieldContext): MappedField {
  if (context.computedFields.includes(field)) return unmapped(field);
  const suffix = MULTI_FIELD_SUFFIXES.find((s) => field.endsWith(s));
  const parent = suffix === undefined ? field : field.slice(0, -suffix.length);
  if (isEcsField(parent) || isNonEcsField(parent)) return { field: parent, mapping: 'ecs' };
  if (isTableTarget(parent)) return fromTable(parent);
  if (parent.startsWith(WINDOWS_EVENT_DATA_PREFIX)
    && isWindowsEventDataName(parent.slice(WINDOWS_EVENT_DATA_PREFIX.length))) {
    return fromTable(parent);
  }
  return unmapped(field);
}

function lookupInMaps(
  maps: readonly FieldMap[],
  field: string,
  nameCase: NameCase,
): string | undefined {
  for (const map of maps) {
    const mapped = lookupField(map, field, nameCase);
    if (mapped !== undefined) return mapped;
  }
  return undefined;
}
