// Flattens a Windows event rendered as JSON (`Event.System`, `Event.EventData`, `Event.UserData`,
// XML attributes under `#attributes`, element text under `#text`) to the field names rules use:
// `EventID`, `Channel`, `Provider_Name`, `Computer`, and each EventData field by its name.

import type { EventValue } from '../event-record.js';

type JsonObject = Record<string, unknown>;

const ATTRIBUTES = '#attributes';
const TEXT = '#text';

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `Event` element of a Windows event, or null when the document has another shape. */
export function windowsEventOf(document: JsonObject): JsonObject | null {
  const event = isJsonObject(document.Event) ? document.Event : document;
  return isJsonObject(event.System) ? event : null;
}

/**
 * The event's fields. System elements keep their name (`Channel`) and their XML attributes are
 * `<element>_<attribute>` (`Provider_Name`, `Security_UserID`, as the Sigma specification
 * names them); `TimeCreated` is its SystemTime. EventData and UserData fields are named by
 * their `Name`, and also without spaces (`Threat Name` is `ThreatName` too, as Sigma rules
 * write it). When two parts give one name, the System header's value is kept.
 */
export function windowsEventFields(event: JsonObject): Map<string, EventValue> {
  const fields = new Map<string, EventValue>();
  const set = (name: string, value: EventValue): void => {
    if (!fields.has(name)) fields.set(name, value);
  };

  for (const [name, value] of Object.entries(event.System as JsonObject)) {
    headerField(name, value, set);
  }
  const systemTime = fields.get('TimeCreated_SystemTime');
  if (systemTime !== undefined) set('TimeCreated', systemTime);

  const dataFields = (name: string, value: unknown): void => {
    const flat = valueOf(value);
    set(name, flat);
    const compact = name.replaceAll(' ', '');
    if (compact !== name) set(compact, flat);
  };
  eventDataFields(event.EventData, dataFields);
  if (isJsonObject(event.UserData)) {
    for (const [name, element] of Object.entries(event.UserData)) {
      if (name === ATTRIBUTES) continue;
      if (isJsonObject(element)) eventDataFields(element, dataFields);
      else dataFields(name, element);
    }
  }
  return fields;
}

type SetField = (name: string, value: EventValue) => void;

/** One element of the System header: its text, and its attributes as `<element>_<name>`. */
function headerField(name: string, value: unknown, set: SetField): void {
  if (!isJsonObject(value)) {
    set(name, valueOf(value));
    return;
  }
  if (Object.hasOwn(value, TEXT)) set(name, valueOf(value[TEXT]));
  const attributes = value[ATTRIBUTES];
  if (isJsonObject(attributes)) {
    for (const [attribute, text] of Object.entries(attributes)) {
      set(`${name}_${attribute}`, valueOf(text));
    }
  }
  for (const [child, inner] of Object.entries(value)) {
    if (child !== TEXT && child !== ATTRIBUTES) headerField(`${name}_${child}`, inner, set);
  }
}

/**
 * EventData as a map of names to values, or as `Data` elements each with a `Name` attribute
 * (`{"Data": [{"#attributes": {"Name": "Image"}, "#text": "…"}]}`); unnamed Data stays `Data`.
 */
function eventDataFields(data: unknown, set: (name: string, value: unknown) => void): void {
  if (!isJsonObject(data)) return;
  for (const [name, value] of Object.entries(data)) {
    if (name === ATTRIBUTES) continue;
    if (name === 'Data' && namedData(value, set)) continue;
    set(name, value);
  }
}

/** Whether the Data element(s) carried names; their values are then set by name. */
function namedData(value: unknown, set: (name: string, value: unknown) => void): boolean {
  const elements = Array.isArray(value) ? value : [value];
  const named = elements.filter((element) => typeof attributeName(element) === 'string');
  if (named.length === 0) return false;
  for (const element of named) {
    set(attributeName(element) as string, (element as JsonObject)[TEXT] ?? null);
  }
  return true;
}

function attributeName(element: unknown): unknown {
  if (!isJsonObject(element)) return undefined;
  const attributes = element[ATTRIBUTES];
  return isJsonObject(attributes) ? attributes.Name : undefined;
}

/**
 * A JSON value as a field value: scalars as they are, an element with `#text` as its text,
 * arrays element by element, and any other object as its JSON text.
 */
export function valueOf(value: unknown): EventValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) return value.map(valueOf);
  if (isJsonObject(value) && Object.hasOwn(value, TEXT)) return valueOf(value[TEXT]);
  return JSON.stringify(value);
}
