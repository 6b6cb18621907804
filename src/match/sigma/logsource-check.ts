// The rule's log source as a check on events, following the taxonomy table of src/semantics: a
// category or service stands for channels, providers, event codes or datasets (process_creation
// on Windows is Sysmon 1 or Security 4688), and the event must be one of them.

import {
  eventsOfLogSource,
  type CoveredEvents,
  type LogSourceAttributes,
} from '../../semantics/sigma-log-sources.js';
import type { EventView } from './event-view.js';
import { failing, HOLDS, type Check, type Judgement } from './judgement.js';

/** Where an event says what it is: Windows names first, then their ECS names. */
const IDENTITY_FIELDS = {
  channel: ['Channel', 'winlog.channel'],
  provider: ['Provider_Name', 'event.provider'],
  code: ['EventID', 'event.code'],
  dataset: ['event.dataset'],
} as const;

/** Answers kept per rule, one per kind of event seen (channel, provider, code, dataset). */
const MAXIMUM_REMEMBERED = 256;

/**
 * Null when the taxonomy implies nothing for the log source (a product alone, a category it
 * does not know): the rule is then judged on its detection alone. An event that carries none
 * of the identity fields (a bare document) says nothing about its log source and passes.
 */
// LIMITATION: log sources the table does not know (`webserver`, `antivirus`, macOS) are not
// checked — such a rule matches any event its detection matches.
export function logsourceCheck(logsource: unknown): Check | null {
  if (logsource === null || typeof logsource !== 'object' || Array.isArray(logsource)) return null;
  const written = logsource as Record<string, unknown>;
  const attributes: LogSourceAttributes = {};
  for (const name of ['product', 'category', 'service'] as const) {
    if (typeof written[name] === 'string') attributes[name] = written[name];
  }
  const covered = eventsOfLogSource(attributes);
  if (!covered || covered.length === 0) return null;

  const shown = Object.entries(attributes).map(([name, value]) => `${name}: ${value}`).join(', ');
  const expected = covered.map(coveredText).join(' or ');
  const judge = (identity: EventIdentity): Judgement => {
    if (covered.some((events) => covers(events, identity))) return HOLDS;
    const actual = identityText(identity);
    return failing(`logsource: ${shown} — stands for ${expected}; the event is ${actual}`);
  };

  const answers = new Map<string, Judgement>();
  return (event) => {
    const identity = identityOf(event);
    if (!identity) return HOLDS;
    let answer = answers.get(identity.key);
    if (!answer) {
      answer = judge(identity);
      if (answers.size < MAXIMUM_REMEMBERED) answers.set(identity.key, answer);
    }
    return answer;
  };
}

interface EventIdentity {
  channel: string | null;
  provider: string | null;
  code: number | null;
  dataset: string | null;
  /** The four together, as one text. */
  key: string;
}

/** Each event's identity, read once for all the rules evaluated on it. */
const identities = new WeakMap<EventView, EventIdentity | null>();

function identityOf(event: EventView): EventIdentity | null {
  let identity = identities.get(event);
  if (identity === undefined) identities.set(event, (identity = readIdentity(event)));
  return identity;
}

function readIdentity(event: EventView): EventIdentity | null {
  const text = (names: readonly string[]): string | null => {
    for (const name of names) {
      const value = event.record.fields.get(name);
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
    return null;
  };
  const code = text(IDENTITY_FIELDS.code);
  const parts = {
    channel: text(IDENTITY_FIELDS.channel),
    provider: text(IDENTITY_FIELDS.provider),
    code: code !== null && /^\d+$/.test(code.trim()) ? Number(code) : null,
    dataset: text(IDENTITY_FIELDS.dataset),
  };
  const known = Object.values(parts).some((value) => value !== null);
  return known ? { ...parts, key: JSON.stringify(parts) } : null;
}

/** Every attribute the covered events state holds for the event; names in any letter case. */
function covers(events: CoveredEvents, identity: EventIdentity): boolean {
  const same = (expected: string | undefined, actual: string | null): boolean => {
    return expected === undefined || actual?.toLowerCase() === expected.toLowerCase();
  };
  if (!same(events.channel, identity.channel)) return false;
  if (!same(events.provider, identity.provider)) return false;
  if (!same(events.dataset, identity.dataset)) return false;
  return !events.codes || (identity.code !== null && events.codes.includes(identity.code));
}

function coveredText(events: CoveredEvents): string {
  const parts: string[] = [];
  if (events.provider) parts.push(events.provider);
  else if (events.channel) parts.push(events.channel);
  if (events.dataset) parts.push(`dataset ${events.dataset}`);
  if (events.codes) parts.push(events.codes.join('/'));
  return parts.join(' ');
}

function identityText(identity: EventIdentity): string {
  const parts: string[] = [];
  if (identity.provider) parts.push(identity.provider);
  else if (identity.channel) parts.push(identity.channel);
  if (identity.dataset) parts.push(`dataset ${identity.dataset}`);
  if (identity.code !== null) parts.push(String(identity.code));
  return parts.join(' ');
}
