// The field names canonical fields are checked against: ECS, detection-rules' non-ECS schema and
// the Windows event-data names of the event catalogs, compiled by
// scripts/compile-field-schema.ts into schema-fields.json.

import compiled from './schema-fields.json' with { type: 'json' };

/** The ECS version the names come from. */
export const ECS_VERSION = compiled.ecsVersion;

const ECS_FIELDS: ReadonlySet<string> = new Set(compiled.ecs);
const NON_ECS_FIELDS: ReadonlySet<string> = new Set(compiled.nonEcs);

/** Where Elastic's Windows integration keeps an event-data item with no ECS home. */
export const WINDOWS_EVENT_DATA_PREFIX = 'winlog.event_data.';

/** Catalog spelling of each Windows event-data name, by its lower-case form. */
const WINDOWS_EVENT_DATA = new Map<string, string>();
for (const name of compiled.windowsEventData) {
  const key = name.toLowerCase();
  if (!WINDOWS_EVENT_DATA.has(key)) WINDOWS_EVENT_DATA.set(key, name);
}
const WINDOWS_EVENT_DATA_EXACT: ReadonlySet<string> = new Set(compiled.windowsEventData);

/** An ECS field or one of its multi-fields (`process.name.caseless`). */
export function isEcsField(field: string): boolean {
  return ECS_FIELDS.has(field);
}

/** A field of detection-rules' non-ECS schema (integration fields such as `winlog.logon.type`). */
export function isNonEcsField(field: string): boolean {
  return NON_ECS_FIELDS.has(field);
}

/**
 * The `winlog.event_data.<Name>` field of a Windows event-data name the catalogs know, in their
 * spelling (an exact spelling first, so `LogonId` stays `LogonId` beside `LogonID`).
 */
export function windowsEventDataField(name: string, ignoreCase: boolean): string | undefined {
  if (WINDOWS_EVENT_DATA_EXACT.has(name)) return WINDOWS_EVENT_DATA_PREFIX + name;
  if (!ignoreCase) return undefined;
  const spelled = WINDOWS_EVENT_DATA.get(name.toLowerCase());
  return spelled === undefined ? undefined : WINDOWS_EVENT_DATA_PREFIX + spelled;
}

/** Whether a name is in the catalogs as written, for Elastic's `winlog.event_data.<Name>`. */
export function isWindowsEventDataName(name: string): boolean {
  return WINDOWS_EVENT_DATA_EXACT.has(name);
}
