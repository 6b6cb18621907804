// How a witness becomes an event document in the shape a rule's source reads: a Windows event
// (`Event.System` header, `Event.EventData`) for Sigma and Splunk rules on Windows logs, an ECS
// document (nested by dotted path) for Elastic rules, flat fields otherwise (data-model rows,
// cloud logs). The document is then read exactly as `ruledex match` reads event files.

import { predicatesOf, RAW_FIELD, type Rule, type Scalar } from '../ir/index.js';
import type { EventRecord } from '../match/event-record.js';
import { fieldsOf } from '../match/events/read-events.js';

export type EventShape = 'windows' | 'ecs' | 'flat';

/** Where a witness's raw-text terms go in every shape: ECS's field for the original text. */
const MESSAGE_FIELD = 'message';

/** Pseudo fields of the log-source constraints: no event carries them. */
const LOGSOURCE_PREFIX = 'logsource.';

/**
 * Windows System header elements by the flattened name rules use, and where each sits: the
 * element's text, or one of its attributes. ECS names of the event's identity (the log-source
 * constraints' fields) are written to the same elements.
 */
const SYSTEM_ELEMENTS: Record<string, { element: string; attribute?: string }> = {
  Channel: { element: 'Channel' },
  EventID: { element: 'EventID' },
  Computer: { element: 'Computer' },
  Level: { element: 'Level' },
  Task: { element: 'Task' },
  Opcode: { element: 'Opcode' },
  Keywords: { element: 'Keywords' },
  Version: { element: 'Version' },
  EventRecordID: { element: 'EventRecordID' },
  Provider_Name: { element: 'Provider', attribute: 'Name' },
  Provider_Guid: { element: 'Provider', attribute: 'Guid' },
  Security_UserID: { element: 'Security', attribute: 'UserID' },
  TimeCreated: { element: 'TimeCreated', attribute: 'SystemTime' },
  'winlog.channel': { element: 'Channel' },
  'event.provider': { element: 'Provider', attribute: 'Name' },
  'event.code': { element: 'EventID' },
};

/** Splunk fields that show a search reads Windows event logs. */
const WINDOWS_SPLUNK_FIELDS: ReadonlySet<string> = new Set(['EventCode', 'source', 'sourcetype']);

/**
 * The shape of the events a rule reads: Windows events for Sigma rules on Windows and Splunk
 * searches that select Windows event logs (by `EventCode`, or a WinEventLog source or
 * sourcetype), ECS documents for Elastic rules, flat fields for the others.
 */
export function shapeOf(rule: Rule): EventShape {
  if (rule.source === 'elastic' || rule.source === 'elastic-hunting') return 'ecs';
  if (rule.source === 'sigma') {
    const logsource = rule.pipeline.find((stage) => stage.command === 'logsource')?.args ?? {};
    return String(logsource.product ?? '').toLowerCase() === 'windows' ? 'windows' : 'flat';
  }
  if (rule.pipeline[0]?.command.toLowerCase() === 'tstats' || !rule.eventFilter) return 'flat';
  for (const { predicate, negated } of predicatesOf(rule.eventFilter)) {
    if (negated || !WINDOWS_SPLUNK_FIELDS.has(predicate.field)) continue;
    const values = predicate.values.map((value) => String(value).toLowerCase());
    if (predicate.field === 'EventCode' || values.some((v) => v.includes('wineventlog'))) {
      return 'windows';
    }
  }
  return 'flat';
}

/** The event document holding the witness's values under the given field names. */
export function documentOf(shape: EventShape, written: ReadonlyMap<string, Scalar>): object {
  const fields = new Map<string, Scalar>();
  for (const [field, value] of written) {
    if (field.startsWith(LOGSOURCE_PREFIX)) continue;
    fields.set(field === RAW_FIELD ? MESSAGE_FIELD : field, value);
  }
  if (shape === 'windows') return windowsDocument(fields);
  if (shape === 'ecs') return ecsDocument(fields);
  const flat = record();
  for (const [field, value] of fields) flat[field] = value;
  return flat;
}

/**
 * The event as `ruledex match` reads it from a file. Its raw text starts with the raw-text
 * terms as written, so that SPL bare words find them unescaped.
 */
export function eventOf(document: object, rawTerms: Scalar | undefined): EventRecord {
  const json = JSON.stringify(document);
  const raw = rawTerms === undefined ? json : `${String(rawTerms)} ${json}`;
  return { file: 'witness', index: 0, fields: fieldsOf(document as Record<string, unknown>), raw };
}

/** A header element written with XML attributes, as Windows event JSON has them. */
type Attributed = { '#attributes': Record<string, unknown> };

function windowsDocument(fields: Map<string, Scalar>): object {
  const system = record();
  const data = record();
  for (const [field, value] of fields) {
    const place = SYSTEM_ELEMENTS[field];
    if (!place) {
      data[field] = value;
      continue;
    }
    const shown = place.element === 'EventID' ? eventCode(value) : value;
    if (!place.attribute) {
      system[place.element] ??= shown;
      continue;
    }
    const element = (system[place.element] ??= { '#attributes': record() }) as Attributed;
    const attributes = element['#attributes'];
    attributes[place.attribute] ??= shown;
  }
  return { Event: { System: system, EventData: data } };
}

/** Windows event ids are numbers; ECS keeps them as keyword text. */
function eventCode(value: Scalar): Scalar {
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
}

/** Fields nested by dotted path; a path that would clash with a value keeps its dotted name. */
function ecsDocument(fields: Map<string, Scalar>): object {
  const document = record();
  for (const [field, value] of fields) {
    const path = field.split('.');
    let object = document;
    let clash = false;
    for (const key of path.slice(0, -1)) {
      const next = object[key];
      if (next === undefined) object = object[key] = record();
      else if (isObject(next)) object = next;
      else {
        clash = true;
        break;
      }
    }
    const last = path[path.length - 1];
    if (clash || isObject(object[last])) document[field] = value;
    else object[last] = value;
  }
  return document;
}

/** Field names come from rule text: objects without a prototype take any name as a key. */
function record(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
