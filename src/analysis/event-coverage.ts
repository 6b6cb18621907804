// Event coverage of a rule: the Windows events (provider, event id) it reads, from its event-code
// predicates together with what selects the log — Splunk source, sourcetype, eventtype and data
// sources, Sigma log source, Elastic provider, channel, dataset and index patterns.

import type { EventCoverage, Expr, Predicate, Rule, Scalar } from '../ir/index.js';
import {
  ANY_WINDOWS_CHANNEL,
  channelsOfElasticDataset,
  channelsOfSigmaService,
  channelsOfSplunkEventtype,
  channelsOfSplunkLog,
  elasticIndexes,
  eventsOfSigmaCategory,
  eventTitle,
  knownChannels,
  providerNamed,
  providersOfChannelEvent,
  providersOfEvent,
  sigmaCategoryProducts,
  type EventRef,
  type Platform,
} from '../semantics/event-catalog.js';

/**
 * What one way of matching the rule selects; null means "not constrained". The rule is an OR of
 * these. Channels are lower case; the any-channel marker stands for every Windows channel.
 */
interface Selection {
  providers: Set<string> | null;
  channels: Set<string> | null;
  platform: Platform | 'other' | null;
  ids: Set<number> | null;
  events: EventRef[] | null;
}

const ANYTHING: Selection = {
  providers: null,
  channels: null,
  platform: null,
  ids: null,
  events: null,
};

/** Beyond this many alternatives they are merged into one, which may list more events. */
const MAX_ALTERNATIVES = 64;

/**
 * Most pairs of alternatives one rule may combine; past it each side of an AND is merged into
 * one first, so a rule with thousands of ANDed alternatives costs a bounded time.
 */
const PAIR_BUDGET = 100_000;

/** What is left of a rule's pair budget. */
interface Work {
  pairs: number;
}

const EVENT_CODE_FIELDS = new Set(['eventcode', 'eventid', 'event.code', 'winlog.event_id']);
/** Not `SourceName`: in Defender events it names the detection source, not the provider. */
const PROVIDER_FIELDS = new Set(['event.provider', 'winlog.provider_name', 'provider_name']);
const CHANNEL_FIELDS = new Set(['winlog.channel', 'channel', 'logname']);
const DATASET_FIELDS = new Set(['event.dataset', 'data_stream.dataset']);
const SPLUNK_SOURCE_FIELDS = new Set(['source', 'sourcetype']);
const SPLUNK_EVENT_LOG_PREFIXES = ['xmlwineventlog:', 'wineventlog:', 'syslog:'];

// LIMITATION: Elastic rules that pick Windows events by ECS category (`process where
// event.type == "start"`) rather than by event code list no events.
/**
 * A rule's events, sorted by provider then id. A log source that names a provider or channel but
 * no event id lists nothing, except a Sigma category, which stands for its events
 * (`ps_script` → PowerShell 4104).
 */
export function eventCoverage(rule: Rule): EventCoverage[] {
  const work: Work = { pairs: PAIR_BUDGET };
  let selections = selectionsOf(ruleFilter(rule), false, work);
  if (rule.source === 'elastic') {
    selections = conjoin(selections, indexSelections(rule.dataSources), work);
  }
  const channelsRead = [...new Set(selections.flatMap((s) => [...(s.channels ?? [])]))];
  const events = selections.flatMap((selection) => resolve(selection, channelsRead));
  if (rule.source !== 'elastic') {
    for (const event of rule.dataSources.flatMap(splunkDataSourceEvents)) events.push(event);
  }
  return present(events);
}

/** The event filter and the filters applied after the first aggregation (`where EventCode=…`). */
function ruleFilter(rule: Rule): Expr | null {
  const parts: Expr[] = rule.eventFilter ? [rule.eventFilter] : [];
  const aggregation = rule.pipeline.findIndex((stage) => stage.effect === 'aggregate');
  if (aggregation >= 0) {
    for (const stage of rule.pipeline.slice(aggregation + 1)) {
      const filters = stage.effect === 'filter' || stage.effect === 'filter-aggregated';
      if (filters && stage.predicate) parts.push(stage.predicate);
    }
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : { kind: 'and', args: parts };
}

/** Negated predicates select nothing, so under a NOT every branch is unconstrained. */
function selectionsOf(expr: Expr | null, negated: boolean, work: Work): Selection[] {
  if (!expr) return [ANYTHING];
  switch (expr.kind) {
    case 'not':
      return selectionsOf(expr.arg, !negated, work);
    case 'and':
    case 'or': {
      const conjunctive = (expr.kind === 'and') !== negated;
      if (conjunctive) {
        let selections = [ANYTHING];
        for (const arg of expr.args) {
          selections = conjoin(selections, selectionsOf(arg, negated, work), work);
        }
        return selections;
      }
      const alternatives = new Alternatives();
      for (const arg of expr.args) alternatives.addAll(selectionsOf(arg, negated, work));
      return alternatives.selections();
    }
    case 'predicate':
      return negated ? [ANYTHING] : selectionsOfPredicate(expr.predicate);
    case 'computed':
    case 'subsearch':
    case 'opaque':
      return [ANYTHING];
  }
}

function selectionsOfPredicate(predicate: Predicate): Selection[] {
  const field = predicate.field.toLowerCase();
  const canonical = predicate.canonicalField?.toLowerCase();
  const values = positiveValues(predicate);

  if (EVENT_CODE_FIELDS.has(field) || (canonical && EVENT_CODE_FIELDS.has(canonical))) {
    const ids = values.flatMap(eventIdOf);
    return ids.length > 0 ? [{ ...ANYTHING, ids: new Set(ids) }] : [ANYTHING];
  }
  if (PROVIDER_FIELDS.has(field)) {
    const names = values.map((v) => providerNamed(String(v))?.name ?? String(v));
    return names.length > 0 ? [{ ...ANYTHING, providers: new Set(names) }] : [ANYTHING];
  }
  if (CHANNEL_FIELDS.has(field)) return channelSelection(values.map(String));
  if (DATASET_FIELDS.has(field)) {
    return channelSelection(values.flatMap((v) => channelsOfElasticDataset(String(v))));
  }
  if (SPLUNK_SOURCE_FIELDS.has(field)) return splunkSourceSelection(predicate);
  if (field === 'eventtype') {
    return channelSelection(values.flatMap((v) => channelsOfSplunkEventtype(String(v))));
  }
  return sigmaLogSourceSelection(field, values.map(String));
}

/** Values an `eq` or `in` predicate accepts; other operators name no exact log or event. */
function positiveValues(predicate: Predicate): Scalar[] {
  if (predicate.op !== 'eq' && predicate.op !== 'in') return [];
  return predicate.values.filter((v) => v !== null && v !== '');
}

/** Windows event ids are 16-bit numbers written without leading zeros. */
function eventIdOf(value: Scalar): number[] {
  const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
  if (text === '' || text.length > 5 || (text.length > 1 && text.startsWith('0'))) return [];
  if (![...text].every((c) => c >= '0' && c <= '9')) return [];
  const id = Number(text);
  return id <= 65535 ? [id] : [];
}

function channelSelection(channels: string[]): Selection[] {
  if (channels.length === 0) return [ANYTHING];
  return [{ ...ANYTHING, channels: new Set(channels.map((c) => c.toLowerCase())) }];
}

/** `XmlWinEventLog:Security`, `WinEventLog:Microsoft-Windows-PowerShell/Operational`. */
function splunkSourceSelection(predicate: Predicate): Selection[] {
  const prefixMatch = predicate.op === 'startswith';
  const values = prefixMatch ? predicate.values : positiveValues(predicate);
  const channels: string[] = [];
  for (const value of values) {
    const text = String(value).toLowerCase();
    if (text === 'xmlwineventlog' || text === 'wineventlog') channels.push(ANY_WINDOWS_CHANNEL);
    const prefix = SPLUNK_EVENT_LOG_PREFIXES.find((p) => text.startsWith(p));
    if (!prefix) continue;
    const channel = text.slice(prefix.length);
    if (!prefixMatch) channels.push(channel);
    else {
      for (const known of knownChannels()) {
        if (known.toLowerCase().startsWith(channel)) channels.push(known);
      }
    }
  }
  return channelSelection(channels);
}

/** `logsource.product`, `logsource.service`, `logsource.category` constraints of Sigma rules. */
function sigmaLogSourceSelection(field: string, values: string[]): Selection[] {
  if (values.length === 0) return [ANYTHING];
  switch (field) {
    case 'logsource.product': {
      const alternatives = new Alternatives();
      for (const product of values) {
        alternatives.add({ ...ANYTHING, platform: platformOf(product) });
      }
      return alternatives.selections();
    }
    case 'logsource.service':
      return channelSelection(values.flatMap(channelsOfSigmaService));
    case 'logsource.category': {
      const events = values.flatMap((category) =>
        sigmaCategoryProducts().flatMap((product) => eventsOfSigmaCategory(product, category)),
      );
      return events.length > 0 ? [{ ...ANYTHING, events }] : [ANYTHING];
    }
    default:
      return [ANYTHING];
  }
}

function platformOf(product: string): Platform | 'other' {
  const name = product.toLowerCase();
  return name === 'windows' || name === 'linux' ? name : 'other';
}

/**
 * Elastic index patterns (an OR), matched against sample index names of the datasets we know;
 * a pattern matching none of them reads no Windows event log.
 */
function indexSelections(patterns: string[]): Selection[] {
  if (patterns.length === 0) return [ANYTHING];
  const alternatives = new Alternatives();
  for (const pattern of patterns) {
    const channels = elasticIndexes()
      .filter(([index]) => globMatches(pattern.trim().toLowerCase(), index))
      .flatMap(([, indexChannels]) => indexChannels);
    if (channels.length === 0) alternatives.add({ ...ANYTHING, platform: 'other' });
    else alternatives.addAll(channelSelection(channels));
  }
  return alternatives.selections();
}

/** `*` matches any run of characters, everything else itself; no regex is built from rule text. */
function globMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * The AND of two ORs of selections: every pair that does not contradict itself. Past the
 * rule's pair budget each side is merged into one selection first.
 */
function conjoin(left: Selection[], right: Selection[], work: Work): Selection[] {
  if (left.length * right.length > work.pairs) {
    left = [left.reduce(merge)];
    right = [right.reduce(merge)];
  }
  work.pairs -= left.length * right.length;

  const alternatives = new Alternatives();
  for (const a of left) {
    for (const b of right) {
      const both = conjoinPair(a, b);
      if (both) alternatives.add(both);
    }
  }
  return alternatives.selections();
}

function conjoinPair(a: Selection, b: Selection): Selection | null {
  if (a === ANYTHING) return b;
  if (b === ANYTHING) return a;
  const providers = intersect(a.providers, b.providers, (x) => x.toLowerCase());
  const channels = intersectChannels(a.channels, b.channels);
  const ids = intersect(a.ids, b.ids, (x) => x);
  if (providers?.size === 0 || channels?.size === 0 || ids?.size === 0) return null;
  if (a.platform && b.platform && a.platform !== b.platform) return null;
  const events = intersectEvents(a.events, b.events);
  if (events?.length === 0) return null;
  return { providers, channels, platform: a.platform ?? b.platform, ids, events };
}

function intersectEvents(a: EventRef[] | null, b: EventRef[] | null): EventRef[] | null {
  if (!a) return b;
  if (!b) return a;
  const keys = new Set(b.map(eventKey));
  return a.filter((e) => keys.has(eventKey(e)));
}

function intersect<T>(a: Set<T> | null, b: Set<T> | null, key: (x: T) => unknown): Set<T> | null {
  if (!a) return b;
  if (!b) return a;
  const keys = new Set([...b].map(key));
  return new Set([...a].filter((x) => keys.has(key(x))));
}

/** The any-channel marker meets any Windows channel; other channels must be equal. */
function intersectChannels(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (!a) return b;
  if (!b) return a;
  if (a.has(ANY_WINDOWS_CHANNEL)) return b;
  if (b.has(ANY_WINDOWS_CHANNEL)) return a;
  return new Set([...a].filter((c) => b.has(c)));
}

function eventKey(event: EventRef): string {
  return `${event.provider.toLowerCase()}#${event.eventId}`;
}

// LIMITATION: a rule with more than 64 ways of matching has them merged into one — its event
// list may then pair providers and ids that only occur in different branches.
/**
 * The alternatives of an OR as they are found: equal ones kept once, and past the bound all
 * merged into one as they arrive, so no list longer than the bound is ever built.
 */
class Alternatives {
  private readonly byKey = new Map<string, Selection>();
  private merged: Selection | null = null;

  add(selection: Selection): void {
    if (this.merged) {
      this.merged = merge(this.merged, selection);
      return;
    }
    this.byKey.set(selectionKey(selection), selection);
    if (this.byKey.size <= MAX_ALTERNATIVES) return;
    this.merged = [...this.byKey.values()].reduce(merge);
    this.byKey.clear();
  }

  addAll(selections: Selection[]): void {
    for (const selection of selections) this.add(selection);
  }

  selections(): Selection[] {
    return this.merged ? [this.merged] : [...this.byKey.values()];
  }
}

/** One selection standing for both: each constraint the union of the two, if both have it. */
function merge(a: Selection, b: Selection): Selection {
  if (a === b) return a;
  const unite = <T>(x: Set<T> | null, y: Set<T> | null) => (x && y ? new Set([...x, ...y]) : null);
  let events: EventRef[] | null = null;
  if (a.events && b.events) {
    const keys = new Set(a.events.map(eventKey));
    events = [...a.events, ...b.events.filter((event) => !keys.has(eventKey(event)))];
  }
  return {
    providers: unite(a.providers, b.providers),
    channels: unite(a.channels, b.channels),
    platform: a.platform === b.platform ? a.platform : null,
    ids: unite(a.ids, b.ids),
    events,
  };
}

/** Equal selections have equal keys: sets and events in sorted order. */
function selectionKey(selection: Selection): string {
  const sorted = (set: Set<string | number> | null) =>
    set ? [...set].map(String).sort().join(',') : '*';
  const events = selection.events ? selection.events.map(eventKey).sort().join(',') : '*';
  const { providers, channels, platform, ids } = selection;
  return [sorted(providers), sorted(channels), platform ?? '*', sorted(ids), events].join('|');
}

/** The events one selection stands for; `channelsRead` are every channel the rule reads. */
function resolve(selection: Selection, channelsRead: string[] = []): EventRef[] {
  if (selection.events) return selection.events.filter((event) => admits(selection, event));
  if (!selection.ids || selection.platform === 'other') return [];

  const ids = [...selection.ids];
  if (selection.providers) {
    const providers = [...selection.providers];
    return providers.flatMap((provider) => ids.map((eventId) => ({ provider, eventId })));
  }
  if (selection.channels) {
    const channels = [...selection.channels];
    return ids.flatMap((eventId) =>
      providersOfChannelEvent(channels, eventId, channelsRead).map((p) => ({
        provider: p.name,
        eventId,
      })),
    );
  }

  // LIMITATION: an event id with no provider, channel or dataset around it is credited to a
  // provider only when exactly one catalogued provider has that id — otherwise it is not listed.
  const platform = selection.platform ?? 'windows';
  return ids.flatMap((eventId) => {
    const having = providersOfEvent(eventId).filter((p) => p.platform === platform);
    return having.length === 1 ? [{ provider: having[0].name, eventId }] : [];
  });
}

/** Whether a Sigma category's event also fits the rule's other log-source constraints. */
function admits(selection: Selection, event: EventRef): boolean {
  const provider = providerNamed(event.provider);
  if (selection.ids && !selection.ids.has(event.eventId)) return false;
  const named = event.provider.toLowerCase();
  if (selection.providers && ![...selection.providers].some((p) => p.toLowerCase() === named)) {
    return false;
  }
  if (selection.platform && provider && provider.platform !== selection.platform) return false;
  if (selection.channels && provider && !selection.channels.has(ANY_WINDOWS_CHANNEL)) {
    const writes = [...provider.owns, ...provider.shares].map((c) => c.toLowerCase());
    if (!writes.some((c) => selection.channels?.has(c))) return false;
  }
  return true;
}

/**
 * Splunk data-source names: `Sysmon EventID 1`, `Windows Event Log Security 4688`, `NTLM
 * Operational 8004,8005,8006`, joined by `AND` when a rule reads several.
 */
function splunkDataSourceEvents(name: string): EventRef[] {
  const parts: string[][] = [[]];
  for (const word of name.split(' ').filter(Boolean)) {
    if (word === 'AND') parts.push([]);
    else parts[parts.length - 1].push(word);
  }
  return parts.flatMap(splunkDataSourcePartEvents);
}

function splunkDataSourcePartEvents(words: string[]): EventRef[] {
  const ids: number[] = [];
  let end = words.length;
  while (end > 0) {
    const found = words[end - 1].split(',').flatMap(eventIdOf);
    if (found.length === 0) break;
    for (const id of found) ids.push(id);
    end--;
  }
  if (ids.length === 0) return [];
  if (end > 0 && words[end - 1].toLowerCase() === 'eventid') end--;

  let start = 0;
  const lead = words.slice(0, 3).join(' ').toLowerCase();
  if (lead === 'windows event log') start = 3;
  else if (words[0]?.toLowerCase() === 'windows') start = 1;
  const channels = channelsOfSplunkLog(words.slice(start, end).join(' '));
  if (channels.length === 0) return [];
  const logChannels = new Set(channels.map((c) => c.toLowerCase()));
  return resolve({ ...ANYTHING, channels: logChannels, ids: new Set(ids) });
}

/** Deduplicated, in the catalog's spelling of providers, sorted by provider then id. */
function present(events: EventRef[]): EventCoverage[] {
  const unique = new Map<string, EventCoverage>();
  for (const { provider, eventId } of events) {
    const name = providerNamed(provider)?.name ?? provider;
    const key = `${name.toLowerCase()}#${eventId}`;
    if (unique.has(key)) continue;
    unique.set(key, { provider: name, eventId, title: eventTitle(name, eventId) });
  }
  return [...unique.values()].sort((a, b) =>
    a.provider === b.provider ? a.eventId - b.eventId : a.provider < b.provider ? -1 : 1,
  );
}
