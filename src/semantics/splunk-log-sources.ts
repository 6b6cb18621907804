// The events a Splunk search's log-source terms cover: `source`, `sourcetype` and `eventtype`
// values as the Splunk Windows, Linux and cloud add-ons name their logs, and the CIM data models
// a `tstats` search reads. Stated with the fields of the Sigma table (see sigma-log-sources.ts),
// this is the part of the event model that Splunk rules are compared against.

import { windowsChannelNamed, soleWriterOfChannel } from './event-catalog.js';
import type { CoveredEvents } from './sigma-log-sources.js';

/** Splunk metadata fields that name the log an event came from. */
export type SplunkLogField = 'source' | 'sourcetype' | 'eventtype';

/** `XmlWinEventLog:Security`, `WinEventLog:Microsoft-Windows-PowerShell/Operational`. */
const WINDOWS_EVENT_LOG_PREFIXES = ['xmlwineventlog:', 'wineventlog:'];
/** Sysmon for Linux forwarded through syslog. */
const LINUX_SYSMON_SOURCE = 'syslog:linux-sysmon/operational';

const datasets = (...names: string[]): CoveredEvents[] => names.map((dataset) => ({ dataset }));
const LINUX_SYSMON: CoveredEvents[] = [
  { channel: 'Linux-Sysmon/Operational', provider: 'Linux-Sysmon' },
];

// LIMITATION: sourcetypes whose logs have no single Elastic dataset (`azure:monitor:aad` holds
// sign-in, audit and risk logs; Splunk Stream, CrowdStrike, osquery…) imply no event — their
// rules keep the sourcetype as written and are not compared with other vendors' rules by it.
/**
 * Sourcetypes of non-Windows logs, by the Elastic dataset that carries the same log, and those
 * naming a Windows channel without the `WinEventLog:` form. Keys are lower case.
 */
const SOURCETYPES: Record<string, CoveredEvents[]> = {
  'aws:cloudtrail': datasets('aws.cloudtrail'),
  'aws:cloudwatchlogs:vpcflow': datasets('aws.vpcflow'),
  'aws:s3:accesslogs': datasets('aws.s3access'),
  'aws:securityhub:finding': datasets('aws.securityhub_findings'),
  'mscs:azure:audit': datasets('azure.activitylogs'),
  'o365:management:activity': datasets('o365.audit'),
  'oktaim2:log': datasets('okta.system'),
  'gws:reports:admin': datasets('google_workspace.admin'),
  'gws:reports:login': datasets('google_workspace.login'),
  'linux:audit': datasets('auditd.log', 'auditd_manager.auditd'),
  'sysmon:linux': LINUX_SYSMON,
  suricata: datasets('suricata.eve'),
  'zeek:ssl:json': datasets('zeek.ssl'),
  'zeek:x509:json': datasets('zeek.x509'),
  'msexchange:management': [{ channel: 'MSExchange Management' }],
  'iis:configuration:operational': [{ channel: 'Microsoft-IIS-Configuration/Operational' }],
};

/** Event types of the Splunk add-ons for Windows and Okta. Keys are lower case. */
const EVENTTYPES: Record<string, CoveredEvents[]> = {
  wineventlog_security: [{ channel: 'Security' }],
  wineventlog_system: [{ channel: 'System' }],
  wineventlog_application: [{ channel: 'Application' }],
  okta_log: datasets('okta.system'),
};

/**
 * CIM data models (and their root datasets) by the ECS category of every event they hold. A
 * model missing here (Change, Risk, Alerts, Updates, Certificates…) implies no category.
 */
const DATA_MODEL_CATEGORIES: Record<string, string> = {
  'endpoint.processes': 'process',
  'endpoint.filesystem': 'file',
  'endpoint.registry': 'registry',
  network_traffic: 'network',
  'network_traffic.all_traffic': 'network',
  network_resolution: 'network',
  'network_resolution.dns': 'network',
  network_sessions: 'session',
  'network_sessions.all_sessions': 'session',
  authentication: 'authentication',
  'authentication.authentication': 'authentication',
  web: 'web',
  'web.web': 'web',
  email: 'email',
  'email.all_email': 'email',
  intrusion_detection: 'intrusion_detection',
  'intrusion_detection.ids_attacks': 'intrusion_detection',
  vulnerabilities: 'vulnerability',
  'vulnerabilities.vulnerabilities': 'vulnerability',
};

/**
 * The events a `field=value` log-source term covers, any one of the alternatives; null when the
 * value implies nothing beyond itself (an index, a sourcetype this table does not know, the bare
 * `XmlWinEventLog` sourcetype that any Windows channel is read with).
 */
export function eventsOfSplunkLog(field: SplunkLogField, value: string): CoveredEvents[] | null {
  const text = value.trim();
  const key = text.toLowerCase();
  if (field === 'eventtype') return Object.hasOwn(EVENTTYPES, key) ? EVENTTYPES[key] : null;

  const channel = windowsEventLogChannel(text);
  if (channel !== null) return [channelEvents(channel)];
  if (key === LINUX_SYSMON_SOURCE) return LINUX_SYSMON;
  if (field === 'sourcetype' && Object.hasOwn(SOURCETYPES, key)) return SOURCETYPES[key];
  return null;
}

/**
 * The channel name a `source` or `sourcetype` value starting `XmlWinEventLog:` or
 * `WinEventLog:` names, in the catalog's spelling when it knows the channel; null otherwise.
 */
export function windowsEventLogChannel(value: string): string | null {
  const text = value.trim();
  const prefix = WINDOWS_EVENT_LOG_PREFIXES.find((p) => text.toLowerCase().startsWith(p));
  if (!prefix) return null;
  const channel = text.slice(prefix.length).trim();
  if (channel === '') return null;
  return windowsChannelNamed(channel) ?? channel;
}

/** A channel's events; the provider too when the catalog gives the channel a single writer. */
function channelEvents(channel: string): CoveredEvents {
  const writer = soleWriterOfChannel(channel);
  return writer ? { channel, provider: writer } : { channel };
}

/**
 * How the Splunk add-ons index an event of a Windows channel or an Elastic dataset's log, as
 * `[field, value]` metadata (docs/event-model.md, "One event, every vendor's name for it"): a
 * Windows channel's event as the Windows add-on's XML input does (`source` =
 * `XmlWinEventLog:<channel>`, `sourcetype` = `XmlWinEventLog`, as the matcher reads Windows
 * events), Sysmon for Linux through syslog, and a dataset's log under the sourcetype of the same
 * log in the table above. Nothing for logs the add-ons are not modelled to collect.
 */
export function splunkCollectionOf(
  channel: string | undefined,
  dataset: string | null,
): [string, string][] {
  if (channel?.toLowerCase() === 'linux-sysmon/operational') {
    return [['source', 'Syslog:Linux-Sysmon/Operational'], ['sourcetype', 'sysmon:linux']];
  }
  if (channel) return [['source', `XmlWinEventLog:${channel}`], ['sourcetype', 'XmlWinEventLog']];
  if (!dataset) return [];
  const sourcetypes = sourcetypesOfDataset(dataset);
  // Two sourcetypes carrying one log would each be the way it is indexed: neither is stated.
  return sourcetypes.length === 1 ? [['sourcetype', sourcetypes[0]]] : [];
}

/** The sourcetypes (as the table spells them, lower case) whose log is the dataset's. */
export function sourcetypesOfDataset(dataset: string): string[] {
  const key = dataset.toLowerCase();
  return Object.entries(SOURCETYPES)
    .filter(([, covered]) => covered.some((events) => events.dataset === key))
    .map(([sourcetype]) => sourcetype);
}

/** The ECS `event.category` every event of a data model (`Endpoint.Processes`) has, or null. */
export function categoryOfDataModel(datamodel: string): string | null {
  const key = datamodel.trim().toLowerCase();
  return Object.hasOwn(DATA_MODEL_CATEGORIES, key) ? DATA_MODEL_CATEGORIES[key] : null;
}
