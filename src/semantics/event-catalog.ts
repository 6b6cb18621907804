// The Windows event catalog: windows-events.json (made by scripts/compile-events.ts) plus our own
// titles. It says which providers write to a channel, which events a provider has, and what an
// event is called. Names and channels match case-insensitively, as Windows does. Which events a
// log source covers is said by the log-source tables (sigma-, splunk-, elastic-log-sources.ts).

import eventData from './windows-events.json' with { type: 'json' };
import { ownEventTitle, ownTitledEvents } from './event-titles.js';

export type Platform = 'windows' | 'linux';

export interface EventProvider {
  /** Full provider name: `Microsoft-Windows-PowerShell`, `Service Control Manager`. */
  name: string;
  platform: Platform;
  /** Channels this provider usually writes alone: an unknown event there is its own. */
  owns: string[];
  /** Channels it writes along with other providers (System, Security). */
  shares: string[];
}

/** One event of one provider. */
export interface EventRef {
  provider: string;
  eventId: number;
}

interface EventData {
  anyWindowsChannel: string;
  providers: (EventProvider & { events: [number, string][] })[];
}

const data = eventData as unknown as EventData;

/** Channel name that stands for every channel of the Windows platform. */
export const ANY_WINDOWS_CHANNEL = data.anyWindowsChannel;

const lower = (text: string) => text.toLowerCase();

const providersByName = new Map<string, EventProvider>();
const compiledTitles = new Map<string, Map<number, string>>();
for (const { events, ...provider } of data.providers) {
  providersByName.set(lower(provider.name), provider);
  compiledTitles.set(provider.name, new Map(events));
}

const writersByChannel = new Map<string, EventProvider[]>();
const ownerByChannel = new Map<string, EventProvider>();
for (const provider of providersByName.values()) {
  for (const channel of [...provider.owns, ...provider.shares]) {
    const writers = writersByChannel.get(lower(channel)) ?? [];
    writersByChannel.set(lower(channel), [...writers, provider]);
  }
  for (const channel of provider.owns) ownerByChannel.set(lower(channel), provider);
}

const knownEvents = new Set<string>();
const eventKey = (provider: string, eventId: number) => `${lower(provider)}#${eventId}`;
for (const [provider, titles] of compiledTitles) {
  for (const eventId of titles.keys()) knownEvents.add(eventKey(provider, eventId));
}
for (const { provider, eventId } of ownTitledEvents()) knownEvents.add(eventKey(provider, eventId));

/** The catalog's entry for a provider name in any letter case. */
export function providerNamed(name: string): EventProvider | undefined {
  return providersByName.get(lower(name));
}

/** Every channel the catalog knows a writer for, in its own spelling. */
export function knownChannels(): string[] {
  return [...providersByName.values()].flatMap((p) => [...p.owns, ...p.shares]);
}

/** A channel name in the catalog's spelling (`security` → `Security`), or null if unknown. */
export function windowsChannelNamed(name: string): string | null {
  return channelsByName.get(lower(name.trim())) ?? null;
}

/** Every known channel by its lower-case name, first spelling first: asked once per case. */
const channelsByName = new Map<string, string>();
for (const channel of knownChannels()) {
  if (!channelsByName.has(lower(channel))) channelsByName.set(lower(channel), channel);
}

/**
 * The provider that alone writes a channel (it owns the channel and nobody shares it), or null:
 * the Sysmon channel is Sysmon's, while several providers write to Security and System.
 */
export function soleWriterOfChannel(channel: string): string | null {
  const writers = writersByChannel.get(lower(channel.trim())) ?? [];
  if (writers.length !== 1) return null;
  return ownerByChannel.get(lower(channel.trim()))?.name ?? null;
}

/** Providers that write to a channel; the any-channel marker gives every Windows provider. */
export function providersOfChannel(channel: string): EventProvider[] {
  if (channel === ANY_WINDOWS_CHANNEL) {
    return [...providersByName.values()].filter((p) => p.platform === 'windows');
  }
  return writersByChannel.get(lower(channel)) ?? [];
}

/**
 * The providers an event id read from some channels comes from: the writers of those channels
 * that have the event; else the channels' usual writers (System and Application have none, as
 * many providers write there) — unless a writer of a channel the rule reads elsewhere has the
 * event, which then explains it (`sysmon` reads Windows and Linux Sysmon: 7 is Windows only).
 * With the any-channel marker, only a provider alone in having the id is a safe answer.
 */
export function providersOfChannelEvent(
  channels: string[],
  eventId: number,
  alsoRead: string[] = [],
): EventProvider[] {
  if (channels.includes(ANY_WINDOWS_CHANNEL)) {
    const having = providersOfEvent(eventId).filter((p) => p.platform === 'windows');
    return having.length === 1 ? having : [];
  }
  const having = (list: string[]) =>
    list.flatMap(providersOfChannel).filter((p) => hasEvent(p.name, eventId));
  const writers = having(channels);
  if (writers.length > 0) return [...new Set(writers)];
  if (having(alsoRead.filter((c) => c !== ANY_WINDOWS_CHANNEL)).length > 0) return [];
  const owners = channels.flatMap((channel) => ownerByChannel.get(lower(channel)) ?? []);
  return [...new Set(owners)];
}

/** Providers the catalog knows an event id for. */
export function providersOfEvent(eventId: number): EventProvider[] {
  return [...providersByName.values()].filter((p) => hasEvent(p.name, eventId));
}

export function hasEvent(provider: string, eventId: number): boolean {
  return knownEvents.has(eventKey(provider, eventId));
}

/** Our own title when we wrote one, else the compiled ETW title, else null. */
export function eventTitle(provider: string, eventId: number): string | null {
  const name = providerNamed(provider)?.name ?? provider;
  return ownEventTitle(name, eventId) ?? compiledTitles.get(name)?.get(eventId) ?? null;
}

/** Script-block logging's own fields: the event's `ScriptBlockText`, Elastic's `script_block_*`. */
const SCRIPT_BLOCK_FIELD = 'scriptblocktext';
const SCRIPT_BLOCK_ECS_PREFIX = 'powershell.file.script_block_';
const SCRIPT_BLOCK_EVENTS: EventRef[] = [
  { provider: 'Microsoft-Windows-PowerShell', eventId: 4104 },
  { provider: 'PowerShellCore', eventId: 4104 },
];

/**
 * The only events that carry a field, or null when any event may carry it: a rule requiring the
 * field reads only those. Script-block text and its measures come from script-block logging.
 */
export function eventsCarryingField(field: string): EventRef[] | null {
  const name = lower(field);
  if (name === SCRIPT_BLOCK_FIELD || name.startsWith(SCRIPT_BLOCK_ECS_PREFIX)) {
    return SCRIPT_BLOCK_EVENTS;
  }
  return null;
}
