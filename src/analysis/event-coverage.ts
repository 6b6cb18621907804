// Event coverage of a rule: the Windows events (provider, event id) it reads, from its event-code
// predicates together with what selects the log — the log-source constraints on ECS fields
// (winlog.channel, event.provider, event.dataset) every source states, Splunk source, sourcetype
// and eventtype terms, Elastic index patterns and ECS categories — and Splunk data sources.

import type {
  DataSourceDefinition,
  EventCoverage,
  Expr,
  Predicate,
  Rule,
  Scalar,
} from '../ir/index.js';
import {
  categorizedEvents,
  categorizedProviders,
  eventsOfElasticDataset,
  eventsOfWinlogbeatModule,
  isWindowsDataset,
  windowsIndexSamples,
  type EventCategorization,
} from '../semantics/elastic-log-sources.js';
import {
  ANY_WINDOWS_CHANNEL,
  eventsCarryingField,
  eventTitle,
  hasEvent,
  knownChannels,
  providerNamed,
  providersOfChannel,
  providersOfChannelEvent,
  providersOfEvent,
  type EventProvider,
  type EventRef,
  type Platform,
} from '../semantics/event-catalog.js';
import type { CoveredEvents } from '../semantics/sigma-log-sources.js';
import {
  eventsOfSplunkLog,
  windowsEventLogChannel,
  type SplunkLogField,
} from '../semantics/splunk-log-sources.js';

/** Why a rule lists no event; the reasons `ruledex report events` counts. */
export type MissingEvents =
  /** Nothing in the rule selects a log: no channel, provider, dataset, index or source. */
  | 'no log source'
  /** Every log it reads is outside the Windows event logs (cloud, network, EDR, Linux logs). */
  | 'not a Windows event log'
  /** It names a log (a sourcetype, an index) the event model does not describe. */
  | 'unknown log source'
  /** It reads a Windows channel or provider the event catalog does not know. */
  | 'unknown channel'
  /** It reads Windows event logs but names no event id, category or event-specific field. */
  | 'no event id'
  /** It names event ids, categories or actions no catalogued event of its logs has. */
  | 'no matching event';

/** What coverage reads of a rule. */
export type CoveredRule = Pick<Rule, 'eventFilter' | 'pipeline' | 'dataSourceDefinitions'>;

export interface EventResolution {
  events: EventCoverage[];
  /** Why `events` is empty; null when it is not. */
  missing: MissingEvents | null;
}

/** Conditions on a multi-valued ECS field: every entry is an any-of list the event must meet. */
type AnyOfLists = string[][];

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
  /** ECS `event.category`, `event.type` and `event.action` conditions, lower case. */
  categories: AnyOfLists | null;
  types: AnyOfLists | null;
  actions: ActionTest[][] | null;
  /** It reads a log outside the Windows event logs (a cloud, EDR or network dataset). */
  elsewhere: boolean;
  /** It names a log the event model does not describe (an index, an unknown sourcetype). */
  unresolved: boolean;
}

/** An `event.action` condition: the value compared, lower case, by an operator. */
interface ActionTest {
  op: 'eq' | 'startswith' | 'endswith' | 'contains';
  value: string;
}

const ANYTHING: Selection = {
  providers: null,
  channels: null,
  platform: null,
  ids: null,
  events: null,
  categories: null,
  types: null,
  actions: null,
  elsewhere: false,
  unresolved: false,
};

/** Most predicates select anything: its key is made once. */
const ANYTHING_KEY = keyOf(ANYTHING);

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
const SPLUNK_LOG_FIELDS = new Set(['source', 'sourcetype', 'eventtype']);
/** Log names that stand for every Windows channel: `sourcetype=XmlWinEventLog`. */
const ANY_CHANNEL_LOGS = new Set(['xmlwineventlog', 'wineventlog']);
/** Stages of a sequence's steps (EQL), after the `sequence` stage. */
const SEQUENCE_STEPS = new Set(['step']);

/**
 * A rule's events, sorted by provider then id. A log source that names a provider or channel but
 * no event id lists nothing, except where it stands for particular events: a Sigma category
 * (`ps_script` → PowerShell 4104), an ECS category of an Elastic Windows dataset (`process`
 * and `start` → Sysmon 1, Security 4688), a field only some events carry.
 */
export function eventCoverage(rule: CoveredRule): EventCoverage[] {
  return eventResolution(rule).events;
}

/** The rule's events, and why there are none when there are none. */
export function eventResolution(rule: CoveredRule): EventResolution {
  const work: Work = { pairs: PAIR_BUDGET };
  const selections = selectionsOf(ruleFilter(rule), false, work);
  const channelsRead = [...new Set(selections.flatMap((s) => [...(s.channels ?? [])]))];
  const found = selections.flatMap((selection) => resolve(selection, channelsRead));
  const documented = dataSourceSelections(rule);
  for (const selection of documented) for (const event of resolve(selection)) found.push(event);

  const events = present(found);
  if (events.length > 0) return { events, missing: null };
  return { events, missing: missingReason([...selections, ...documented]) };
}

/**
 * The event filter and the filters applied after the first aggregation (`where EventCode=…`),
 * but not the steps of a sequence: each selects other events, and the sequence's own filter
 * already holds any of them.
 */
function ruleFilter(rule: CoveredRule): Expr | null {
  const parts: Expr[] = rule.eventFilter ? [rule.eventFilter] : [];
  const aggregation = rule.pipeline.findIndex((stage) => stage.effect === 'aggregate');
  if (aggregation >= 0) {
    for (const stage of rule.pipeline.slice(aggregation + 1)) {
      const filters = stage.effect === 'filter' || stage.effect === 'filter-aggregated';
      if (filters && stage.predicate && !SEQUENCE_STEPS.has(stage.command)) {
        parts.push(stage.predicate);
      }
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
  const canonical = (predicate.canonical?.field ?? predicate.canonicalField)?.toLowerCase();

  if (isAmong(EVENT_CODE_FIELDS, field, canonical)) {
    const ids = positiveValues(predicate).flatMap(eventIdOf);
    return ids.length > 0 ? [{ ...ANYTHING, ids: new Set(ids) }] : [ANYTHING];
  }
  if (isAmong(PROVIDER_FIELDS, field, canonical)) {
    const names = textValues(predicate).map((v) => providerNamed(v)?.name ?? v);
    return names.length > 0 ? [{ ...ANYTHING, providers: new Set(names) }] : [ANYTHING];
  }
  if (isAmong(CHANNEL_FIELDS, field, canonical)) {
    if (predicate.op === 'startswith') return channelPrefixSelection(predicate.values);
    return channelSelection(textValues(predicate));
  }
  if (isAmong(DATASET_FIELDS, field, canonical)) {
    return coveredSelections(textValues(predicate).map(eventsOfElasticDataset));
  }
  if (field === 'event.module') {
    return coveredSelections(textValues(predicate).map((v) => eventsOfWinlogbeatModule(v) ?? []));
  }
  if (SPLUNK_LOG_FIELDS.has(field)) return splunkLogSelection(field as SplunkLogField, predicate);
  if (field === '_index') return indexSelection(predicate);
  // A Splunk index is each installation's choice: it names a log the model does not describe.
  if (field === 'index') return [{ ...ANYTHING, unresolved: true }];
  if (field === 'event.category') return ecsSelection('categories', textValues(predicate));
  if (field === 'event.type') return ecsSelection('types', textValues(predicate));
  if (field === 'event.action') return actionSelection(predicate);
  if (field === 'logsource.product') return platformSelection(textValues(predicate));
  // The events a category or service covers are constraints of their own, beside it.
  if (field.startsWith('logsource.')) return [{ ...ANYTHING, unresolved: true }];

  const carried = eventsCarryingField(predicate.canonical?.field ?? predicate.field)
    ?? eventsCarryingField(predicate.field);
  return carried ? [{ ...ANYTHING, events: carried }] : [ANYTHING];
}

/** Whether the field, as written or canonical (both lower case), is one of `fields`. */
function isAmong(fields: Set<string>, field: string, canonical: string | undefined): boolean {
  return fields.has(field) || (canonical !== undefined && fields.has(canonical));
}

/** The accepted values as text; made only for the fields that select logs (few predicates). */
function textValues(predicate: Predicate): string[] {
  return positiveValues(predicate).map(String);
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

/** `winlog.channel startswith Microsoft-Windows-AppLocker/`: the known channels it names. */
function channelPrefixSelection(values: Scalar[]): Selection[] {
  const prefixes = values.map((v) => String(v).toLowerCase());
  const channels = knownChannels().filter((known) =>
    prefixes.some((prefix) => known.toLowerCase().startsWith(prefix)),
  );
  return channels.length > 0 ? channelSelection(channels) : [{ ...ANYTHING, unresolved: true }];
}

/** One alternative per kind of covered events a log-source term stands for. */
function coveredSelections(covered: CoveredEvents[][]): Selection[] {
  const alternatives = new Alternatives();
  for (const events of covered.flat()) alternatives.add(coveredSelection(events));
  const found = alternatives.selections();
  return found.length > 0 ? found : [ANYTHING];
}

function coveredSelection(events: CoveredEvents): Selection {
  const selection: Selection = { ...ANYTHING };
  if (events.channel) selection.channels = new Set([events.channel.toLowerCase()]);
  if (events.provider) selection.providers = new Set([events.provider]);
  if (events.codes) selection.ids = new Set(events.codes);
  if (events.dataset && !events.channel) {
    if (isWindowsDataset(events.dataset)) selection.channels = new Set([ANY_WINDOWS_CHANNEL]);
    else selection.elsewhere = true;
  }
  return selection;
}

/** `source=XmlWinEventLog:Security`, `sourcetype=aws:cloudtrail`, `eventtype=…`. */
function splunkLogSelection(field: SplunkLogField, predicate: Predicate): Selection[] {
  if (predicate.op === 'startswith' && field !== 'eventtype') {
    const channels = predicate.values.flatMap((v) => windowsEventLogChannel(String(v)) ?? []);
    return channels.length > 0 ? channelPrefixSelection(channels) : [ANYTHING];
  }
  const values = textValues(predicate);
  if (values.length === 0) return [ANYTHING];

  const alternatives = new Alternatives();
  for (const value of values) {
    if (ANY_CHANNEL_LOGS.has(value.trim().toLowerCase())) {
      alternatives.add({ ...ANYTHING, channels: new Set([ANY_WINDOWS_CHANNEL]) });
      continue;
    }
    const covered = eventsOfSplunkLog(field, value);
    if (covered) alternatives.addAll(coveredSelections([covered]));
    else alternatives.add({ ...ANYTHING, unresolved: true });
  }
  return alternatives.selections();
}

/**
 * An Elastic index pattern, matched against sample index names of the Windows datasets; a
 * pattern matching none of them reads no Windows event log.
 */
function indexSelection(predicate: Predicate): Selection[] {
  const pattern = predicate.text.trim().toLowerCase();
  const read = windowsIndexSamples().filter(({ index }) => globMatches(pattern, index));
  if (read.length === 0) return [{ ...ANYTHING, elsewhere: true }];
  const alternatives = new Alternatives();
  for (const { events } of read) {
    const channel = events?.channel ?? ANY_WINDOWS_CHANNEL;
    alternatives.add({ ...ANYTHING, channels: new Set([channel.toLowerCase()]) });
  }
  return alternatives.selections();
}

function ecsSelection(key: 'categories' | 'types', values: string[]): Selection[] {
  if (values.length === 0) return [ANYTHING];
  return [{ ...ANYTHING, [key]: [values.map((v) => v.toLowerCase())] }];
}

/** `event.action` compared whole, by prefix, suffix or part, in any letter case. */
function actionSelection(predicate: Predicate): Selection[] {
  const op = predicate.op === 'in' ? 'eq' : predicate.op;
  if (op !== 'eq' && op !== 'startswith' && op !== 'endswith' && op !== 'contains') {
    return [ANYTHING];
  }
  const tests = predicate.values
    .filter((v) => v !== null && v !== '')
    .map((v) => ({ op, value: String(v).toLowerCase() }));
  return tests.length > 0 ? [{ ...ANYTHING, actions: [tests] }] : [ANYTHING];
}

function platformSelection(values: string[]): Selection[] {
  const alternatives = new Alternatives();
  for (const value of values) {
    const name = value.toLowerCase();
    const platform = name === 'windows' || name === 'linux' ? name : 'other';
    alternatives.add({ ...ANYTHING, platform });
  }
  const found = alternatives.selections();
  return found.length > 0 ? found : [ANYTHING];
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
  // Most conditions select nothing (they test no log field): ANDing them changes nothing, and
  // both sides are already lists of distinct selections.
  if (isAnything(right)) return left;
  if (isAnything(left)) return right;

  const alternatives = new Alternatives();
  for (const a of left) {
    for (const b of right) {
      const both = conjoinPair(a, b);
      if (both) alternatives.add(both);
    }
  }
  return alternatives.selections();
}

function isAnything(selections: Selection[]): boolean {
  return selections.length === 1 && selections[0] === ANYTHING;
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
  return {
    providers,
    channels,
    platform: a.platform ?? b.platform,
    ids,
    events,
    categories: both(a.categories, b.categories),
    types: both(a.types, b.types),
    actions: both(a.actions, b.actions),
    elsewhere: a.elsewhere || b.elsewhere,
    unresolved: a.unresolved || b.unresolved,
  };
}

/** Conditions that must all hold: the lists of both. */
function both<T>(a: T[] | null, b: T[] | null): T[] | null {
  if (!a) return b;
  if (!b) return a;
  return [...a, ...b];
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
  const same = <T>(x: T | null, y: T | null) =>
    JSON.stringify(x) === JSON.stringify(y) ? x : null;
  return {
    providers: unite(a.providers, b.providers),
    channels: unite(a.channels, b.channels),
    platform: a.platform === b.platform ? a.platform : null,
    ids: unite(a.ids, b.ids),
    events,
    categories: same(a.categories, b.categories),
    types: same(a.types, b.types),
    actions: same(a.actions, b.actions),
    elsewhere: a.elsewhere && b.elsewhere,
    unresolved: a.unresolved || b.unresolved,
  };
}

/** Equal selections have equal keys: sets and events in sorted order. */
function selectionKey(selection: Selection): string {
  return selection === ANYTHING ? ANYTHING_KEY : keyOf(selection);
}

function keyOf(selection: Selection): string {
  const events = selection.events ? selection.events.map(eventKey).sort().join(',') : '*';
  const { providers, channels, platform, ids, categories, types, actions } = selection;
  const ecs = JSON.stringify([categories, types, actions]);
  const flags = `${selection.elsewhere ? 'elsewhere' : ''}${selection.unresolved ? '?' : ''}`;
  const sets = [sortedKey(providers), sortedKey(channels), platform ?? '*', sortedKey(ids)];
  return [...sets, events, ecs, flags].join('|');
}

function sortedKey(set: Set<string | number> | null): string {
  return set ? [...set].map(String).sort().join(',') : '*';
}

/** The events one selection stands for; `channelsRead` are every channel the rule reads. */
function resolve(selection: Selection, channelsRead: string[] = []): EventRef[] {
  if (selection.platform === 'other' || selection.elsewhere) return [];
  if (selection.events) return selection.events.filter((event) => admits(selection, event));
  if (!selection.ids) return categorizedEventsOf(selection);

  const ids = [...selection.ids];
  if (selection.providers) {
    // `event.provider` is ECS for any log: a name the catalog does not know is a Windows
    // provider only beside a Windows channel (AWS rules name `iam.amazonaws.com` there).
    const providers = [...selection.providers]
      .filter((provider) => selection.channels !== null || providerNamed(provider));
    return providers.flatMap((provider) =>
      ids.filter((eventId) => creditable(provider, eventId, channelsRead))
        .map((eventId) => ({ provider, eventId })),
    );
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

/**
 * Whether an id can be a named provider's: the catalog has it, or no owner of a channel the
 * rule reads has it (`sysmon` reads Windows and Linux Sysmon: 7 is Windows Sysmon's only), so
 * that an id the catalog does not know stays with the provider named.
 */
function creditable(provider: string, eventId: number, channelsRead: string[]): boolean {
  if (hasEvent(provider, eventId)) return true;
  const owns = (channel: string) => (p: EventProvider) =>
    p.owns.some((owned) => owned.toLowerCase() === channel);
  const owners = channelsRead
    .flatMap((channel) => providersOfChannel(channel).filter(owns(channel)));
  return !owners.some((owner) => hasEvent(owner.name, eventId));
}

/**
 * The events of the selection's logs whose ECS categorization meets its category, type and
 * action conditions, as Elastic's Windows integrations write them; nothing without conditions.
 */
function categorizedEventsOf(selection: Selection): EventRef[] {
  if (!selection.categories && !selection.types && !selection.actions) return [];
  const providers = categorizedProvidersOf(selection);
  return providers.flatMap((provider) =>
    categorizedEvents(provider)
      .filter(([, categorization]) => meets(selection, categorization))
      .map(([eventId]) => ({ provider, eventId })),
  );
}

/** The categorized providers the selection reads: those named, or the writers of its channels. */
function categorizedProvidersOf(selection: Selection): string[] {
  const categorized = categorizedProviders().flatMap((key) => providerNamed(key)?.name ?? []);
  const isCategorized = (name: string) =>
    categorized.some((c) => c.toLowerCase() === name.toLowerCase());
  if (selection.providers) return [...selection.providers].filter(isCategorized);
  if (!selection.channels) return [];
  if (selection.channels.has(ANY_WINDOWS_CHANNEL)) {
    return categorized.filter((name) => providerNamed(name)?.platform === 'windows');
  }
  const writers = [...selection.channels].flatMap((c) => providersOfChannel(c).map((p) => p.name));
  return [...new Set(writers)].filter(isCategorized);
}

function meets(selection: Selection, categorization: EventCategorization): boolean {
  const categories = lowerCased(categorization.categories);
  const types = lowerCased(categorization.types);
  if (!meetsAll(selection.categories, categories)) return false;
  if (!meetsAll(selection.types, types)) return false;

  // An event whose action is not known is not ruled out by an action condition.
  const actions = lowerCased(categorization.actions);
  if (!selection.actions || actions.length === 0) return true;
  return selection.actions.every((tests) =>
    tests.some((test) => actions.some((action) => passes(test, action))),
  );
}

function lowerCased(list: string[]): string[] {
  return list.map((x) => x.toLowerCase());
}

/** Whether the values meet every any-of list of the conditions (no conditions: they do). */
function meetsAll(conditions: AnyOfLists | null, values: string[]): boolean {
  return !conditions || conditions.every((allowed) => allowed.some((v) => values.includes(v)));
}

function passes(test: ActionTest, action: string): boolean {
  switch (test.op) {
    case 'eq':
      return action === test.value;
    case 'startswith':
      return action.startsWith(test.value);
    case 'endswith':
      return action.endsWith(test.value);
    case 'contains':
      return action.includes(test.value);
  }
}

/** Whether an event a log source or field stands for also fits the rule's other constraints. */
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
 * What a Splunk rule's data sources document it reads: a definition's source (else its
 * sourcetype) names the log, the name ends with the event ids (`Sysmon EventID 1`, `NTLM
 * Operational 8004,8005`). A data source without ids still names its log, for the reasons.
 */
function dataSourceSelections(rule: CoveredRule): Selection[] {
  const selections: Selection[] = [];
  for (const definition of rule.dataSourceDefinitions ?? []) {
    const ids = trailingEventIds(definition.name);
    for (const log of definedLog(definition)) {
      selections.push(ids.length > 0 ? { ...log, ids: new Set(ids) } : log);
    }
  }
  return selections;
}

/** The log a data source's source names, else the one its sourcetype names; none if unknown. */
function definedLog(definition: DataSourceDefinition): Selection[] {
  const named = (field: SplunkLogField, value: string | null) => value === null
    ? []
    : splunkLogSelection(field, logTerm(value))
      .filter((selection) => selection !== ANYTHING && !selection.unresolved);
  const bySource = named('source', definition.source);
  return bySource.length > 0 ? bySource : named('sourcetype', definition.sourcetype);
}

function logTerm(value: string): Predicate {
  return { field: 'source', op: 'eq', values: [value], caseSensitive: false, text: value };
}

/** The event ids a data-source name ends with: `… 4688`, `… EventID 1`, `… 8004,8005`. */
function trailingEventIds(name: string): number[] {
  const words = name.split(' ').filter(Boolean);
  const ids: number[] = [];
  for (let end = words.length; end > 0; end--) {
    const found = words[end - 1].split(',').flatMap(eventIdOf);
    if (found.length === 0) break;
    ids.push(...found);
  }
  return ids;
}

/**
 * Why a rule lists no event, from what its alternatives select: Windows logs first (the rule
 * reads one but no event of it is named or known), then other logs, then logs not described.
 */
function missingReason(selections: Selection[]): MissingEvents {
  const windows = selections.filter(readsWindows);
  if (windows.length > 0) {
    if (windows.some((s) => s.ids || s.categories || s.types || s.actions || s.events)) {
      return 'no matching event';
    }
    if (windows.every(namesUnknownLog)) return 'unknown channel';
    return 'no event id';
  }
  const elsewhere = (s: Selection) => s.elsewhere || s.platform !== null;
  if (selections.some(elsewhere)) return 'not a Windows event log';
  const unresolved = (s: Selection) => s.unresolved || s.categories !== null || s.providers;
  if (selections.some(unresolved)) return 'unknown log source';
  return 'no log source';
}

function readsWindows(selection: Selection): boolean {
  if (selection.elsewhere || selection.platform === 'other') return false;
  const knownProvider = [...(selection.providers ?? [])].some((name) => providerNamed(name));
  return selection.channels !== null || knownProvider
    || selection.platform === 'windows' || selection.events !== null;
}

/** Channels or providers the catalog has no writer or entry for. */
function namesUnknownLog(selection: Selection): boolean {
  const channels = [...(selection.channels ?? [])].filter((c) => c !== ANY_WINDOWS_CHANNEL);
  if (channels.some((channel) => providersOfChannel(channel).length === 0)) return true;
  return [...(selection.providers ?? [])].some((provider) => !providerNamed(provider));
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
