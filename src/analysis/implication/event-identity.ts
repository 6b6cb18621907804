// What the event model says of an event once a case of a rule names where it was logged: how
// each vendor collects that event (docs/event-model.md, "One event, every vendor's name for it").
//
// A case naming a Windows channel (and event code) gets the Splunk source, the Elastic dataset
// and index, the Sigma log sources and the ECS categorization the model gives such events, as
// literals of the `model` dialect. Another vendor's log-source terms are then implied by them.

import type { Op, Predicate, Scalar } from '../../ir/index.js';
import {
  categorizedEvents,
  datasetOfChannel,
  eventsOfElasticDataset,
} from '../../semantics/elastic-log-sources.js';
import {
  hasEvent,
  providersOfChannel,
  windowsChannelNamed,
} from '../../semantics/event-catalog.js';
import {
  COVERED_EVENT_FIELDS,
  knownLogSources,
  type CoveredEvents,
} from '../../semantics/sigma-log-sources.js';
import { splunkCollectionOf } from '../../semantics/splunk-log-sources.js';
import { numericValue } from '../../semantics/value-key.js';
import type { Literal } from './literal.js';

/** The dialect of the model's statements: they compare with every shared literal. */
export const MODEL_DIALECT = 'model';

/** Where an event was logged, as far as a case of a rule says. */
interface EventIdentity {
  channel?: string;
  provider?: string;
  /** The event is one of these codes. */
  codes?: number[];
  dataset?: string;
}

/** Providers writing PowerShell's script-block and module logging on its operational channel. */
const POWERSHELL_PROVIDERS: ReadonlySet<string> = new Set(['microsoft-windows-powershell']);
const POWERSHELL_CATEGORIZED_CODES: ReadonlySet<number> = new Set([4103, 4104]);

const LINUX_SYSMON_CHANNEL = 'linux-sysmon/operational';

/** The statements of each identity, made once: many cases name the same events. */
const statementsByIdentity = new Map<string, Literal[]>();

/**
 * The case with the model's statements about the events it names appended; the case itself when
 * it names no known channel or dataset, or names two (it keeps no event then).
 */
export function withModelStatements(conjunction: Literal[]): Literal[] {
  const identity = identityOf(conjunction);
  if (!identity) return conjunction;
  const key = JSON.stringify(identity);
  let statements = statementsByIdentity.get(key);
  if (!statements) {
    statements = statementsOf(identity);
    statementsByIdentity.set(key, statements);
  }
  const stated = new Set(conjunction.filter((l) => !l.negated).map((l) => l.field));
  const kept = statements.filter((statement) => !ownCollection(statement.field, stated));
  return kept.length === 0 ? conjunction : [...conjunction, ...kept];
}

/** Fields that say how one vendor collected an event, by the field of each statement. */
const COLLECTION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  source: ['source', 'sourcetype'],
  sourcetype: ['source', 'sourcetype'],
  _index: ['_index'],
};

/**
 * Whether the case states itself how its vendor collected the event (a Splunk `source`, an
 * Elastic `_index`): the model's own way is then not stated, as the rule chose another one
 * (`WinEventLog:Security`, `winlogbeat-*`) and both cannot be witnessed by one event. Leaving a
 * statement out only proves less.
 */
function ownCollection(field: string, stated: ReadonlySet<string>): boolean {
  return (COLLECTION_FIELDS[field] ?? []).some((own) => stated.has(own));
}

/** The identity a case's positive one-value equalities on the event's identity fields give. */
function identityOf(conjunction: Literal[]): EventIdentity | null {
  const identity: EventIdentity = {};
  const fields = COVERED_EVENT_FIELDS;
  for (const literal of conjunction) {
    if (literal.negated || literal.op !== 'eq' || literal.values.length === 0) continue;
    if (literal.field === fields.codes) {
      const codes = literal.values.map(numericValue);
      if (codes.some((code) => code === null)) continue;
      const known = identity.codes;
      identity.codes = known ? known.filter((c) => codes.includes(c)) : (codes as number[]);
      continue;
    }
    const [value] = literal.values;
    if (literal.values.length !== 1 || typeof value !== 'string') continue;
    const name = identityName(literal.field);
    if (!name) continue;
    const known = identity[name];
    if (known !== undefined && known.toLowerCase() !== value.toLowerCase()) return null;
    identity[name] = value;
  }
  if (identity.codes?.length === 0) return null;
  return completed(identity);
}

function identityName(field: string): 'channel' | 'provider' | 'dataset' | null {
  if (field === COVERED_EVENT_FIELDS.channel) return 'channel';
  if (field === COVERED_EVENT_FIELDS.provider) return 'provider';
  if (field === COVERED_EVENT_FIELDS.dataset) return 'dataset';
  return null;
}

/**
 * The identity with what follows from it: a Windows dataset's channel, a channel in the
 * catalog's spelling, and the provider when one writer of the channel alone has the codes.
 */
function completed(identity: EventIdentity): EventIdentity | null {
  if (identity.dataset && !identity.channel) {
    const [events] = eventsOfElasticDataset(identity.dataset);
    if (events.channel) identity.channel = events.channel;
  }
  if (!identity.channel && !identity.dataset) return null;
  if (identity.channel) {
    identity.channel = windowsChannelNamed(identity.channel) ?? identity.channel;
  }
  if (identity.channel && !identity.provider && identity.codes) {
    const codes = identity.codes;
    const writers = providersOfChannel(identity.channel).filter((provider) =>
      codes.every((code) => hasEvent(provider.name, code)),
    );
    if (writers.length === 1) identity.provider = writers[0].name;
  }
  return identity;
}

/** Every statement the model makes of events of this identity. */
function statementsOf(identity: EventIdentity): Literal[] {
  const statements: [string, Op, string][] = [];
  const state = (field: string, op: Op, value: string) => statements.push([field, op, value]);

  const windows = identity.channel !== undefined
    && identity.channel.toLowerCase() !== LINUX_SYSMON_CHANNEL;
  const channel = identity.channel;
  const dataset = identity.dataset ?? (channel ? datasetOfChannel(channel) : null);
  if (identity.channel) state('host.os.type', 'eq', windows ? 'windows' : 'linux');
  for (const [field, value] of splunkCollectionOf(identity.channel, dataset)) {
    state(field, 'eq', value);
  }
  if (dataset) {
    state(COVERED_EVENT_FIELDS.dataset, 'eq', dataset);
    state('_index', 'startswith', `logs-${dataset}-`);
  }
  for (const [attribute, value] of sigmaLogSourcesOf(identity)) {
    state(`logsource.${attribute}`, 'eq', value);
  }
  for (const [field, value] of categorizationOf(identity)) state(field, 'eq', value);
  return statements.map(([field, op, value]) => modelLiteral(field, op, value));
}

/**
 * The Sigma log sources (product, category, service) whose taxonomy entry covers every event of
 * the identity: an event carries each of them, so a rule on any of them reads it.
 */
function sigmaLogSourcesOf(identity: EventIdentity): [string, string][] {
  const found = new Map<string, string>();
  for (const entry of knownLogSources()) {
    if (!entry.covers.some((events) => covers(events, identity))) continue;
    found.set(`product\u0000${entry.product}`, entry.product ?? '');
    if (entry.category) found.set(`category\u0000${entry.category}`, entry.category);
    if (entry.service) found.set(`service\u0000${entry.service}`, entry.service);
  }
  return [...found].map(([key, value]) => [key.slice(0, key.indexOf('\u0000')), value]);
}

/** Whether every event of the identity is one of the covered events. */
function covers(events: CoveredEvents, identity: EventIdentity): boolean {
  if (events.channel && !sameName(events.channel, identity.channel)) return false;
  if (events.provider && !sameName(events.provider, identity.provider)) return false;
  if (events.dataset && !sameName(events.dataset, identity.dataset)) return false;
  if (events.codes) {
    const codes = identity.codes;
    if (!codes || !codes.every((code) => events.codes!.includes(code))) return false;
  }
  // An entry stating nothing (a provider without channel, left open) covers nothing known.
  return Boolean(events.channel || events.provider || events.dataset);
}

function sameName(expected: string, actual: string | undefined): boolean {
  return actual !== undefined && expected.toLowerCase() === actual.toLowerCase();
}

/**
 * `event.category` and `event.type` as Elastic's Windows integrations file the event: for one
 * event code of a provider they categorize (Sysmon, the Security log), and `process` for
 * PowerShell's script-block and module logging, which runs in a process.
 */
function categorizationOf(identity: EventIdentity): [string, string][] {
  const { provider, codes } = identity;
  if (!provider || !codes || codes.length !== 1) return [];
  const [code] = codes;
  if (POWERSHELL_PROVIDERS.has(provider.toLowerCase()) && POWERSHELL_CATEGORIZED_CODES.has(code)) {
    return [['event.category', 'process']];
  }
  const categorized = categorizedEvents(provider).find(([id]) => id === code)?.[1];
  if (!categorized) return [];
  // LIMITATION: a field the integration gives several values (`event.type: [group, change]`)
  // is not stated, as a witness event holds one value per field — Elastic rules selecting such
  // events by it are not shown broader than other vendors' rules.
  const single = (field: string, values: string[]): [string, string][] =>
    values.length === 1 ? [[field, values[0]]] : [];
  return [
    ...single('event.category', categorized.categories),
    ...single('event.type', categorized.types),
  ];
}

/** A statement of the model as a literal: exact (case-sensitive), positive, comparable. */
function modelLiteral(field: string, op: Op, value: string): Literal {
  const values: Scalar[] = [value];
  const mapping = field.startsWith('logsource.') || field === '_index' ? 'pseudo' : 'ecs';
  const stated: Predicate = {
    field,
    op,
    values,
    caseSensitive: true,
    text: `event model: ${field} ${op} ${value}`,
    canonical: { field, op, values, caseSensitive: true, mapping },
    canonicalField: field,
  };
  return {
    field,
    op,
    values,
    caseSensitive: true,
    flags: '',
    negated: false,
    dialect: MODEL_DIALECT,
    shared: true,
    verbatim: false,
    missingIsUnknown: false,
    predicates: [stated],
  };
}
