// Splunk's metadata fields as the matcher models them. An event file records the event, not
// where Splunk indexed it: `index`, `host`, `eventtype`, `tag` are unknown unless the event
// has them, so a condition on them is undecided rather than guessed. Windows events
// (flattened, with `Channel`) are read as the Splunk Add-on for Windows indexes them:
// `source` = `XmlWinEventLog:<Channel>`, `sourcetype` = `XmlWinEventLog`, `EventCode` =
// `EventID` — so `source=XmlWinEventLog:Security` holds for a Security-channel event and
// `sourcetype=WinEventLog:Security` (the classic, non-XML input) does not.

import { textOf, type FieldValue } from './field-value.js';
import type { UnknownFields } from './spl-event.js';

/** Fields every Splunk event has, whatever its data. */
const ALWAYS_PRESENT = new Set([
  '_time', '_raw', 'host', 'source', 'sourcetype', 'index', 'splunk_server',
]);

/** Fields Splunk adds from its own configuration (event types, tags) or at index time. */
const CONFIGURED = new Set([
  'eventtype', 'tag', 'punct', 'linecount', 'timestartpos', 'timeendpos', '_indextime',
  'splunk_server_group', '_cd', '_bkt', '_si', '_serial', '_sourcetype',
]);

const REASON = 'is Splunk metadata the event does not record';

/**
 * The metadata an event lacks, as unknown fields: those every event has are present with an
 * unknown value (a group-by on them drops nothing), the configured ones may be absent.
 */
export const METADATA_FIELDS: readonly UnknownFields[] = [
  { covers: (field) => ALWAYS_PRESENT.has(field), reason: REASON, present: true },
  {
    covers: (field) => CONFIGURED.has(field) || field.startsWith('tag::')
      || field.startsWith('date_'),
    reason: REASON,
  },
];

/** The fields the Splunk Add-on for Windows derives, for those the event lacks. */
export function windowsDerivedFields(
  fields: ReadonlyMap<string, FieldValue>,
): [string, FieldValue][] {
  const channel = fields.get('Channel');
  const eventId = fields.get('EventID');
  if (channel === undefined || Array.isArray(channel) || eventId === undefined) return [];
  const derived: [string, FieldValue][] = [
    ['source', `XmlWinEventLog:${textOf(channel)}`],
    ['sourcetype', 'XmlWinEventLog'],
    ['EventCode', eventId],
  ];
  return derived.filter(([name]) => !fields.has(name));
}
