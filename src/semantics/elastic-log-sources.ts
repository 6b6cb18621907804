// The events an Elastic rule's log-source terms cover: index patterns (`logs-<dataset>-*`), the
// datasets and Winlogbeat modules of Elastic's Windows integrations, and how those integrations
// categorize each Windows event (`event.category`, `event.type`, `event.action`). This is the
// part of the event model that Elastic rules are compared against (docs/event-model.md).

import { soleWriterOfChannel } from './event-catalog.js';
import type { CoveredEvents } from './sigma-log-sources.js';

const SECURITY = 'Security';
const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';
const POWERSHELL_CHANNEL = 'Microsoft-Windows-PowerShell/Operational';
const POWERSHELL_CLASSIC_CHANNEL = 'Windows PowerShell';
const APPLOCKER = 'Microsoft-Windows-AppLocker';

/** A channel's events; the provider too when the catalog gives the channel a single writer. */
function channel(name: string): CoveredEvents {
  const writer = soleWriterOfChannel(name);
  return writer ? { channel: name, provider: writer } : { channel: name };
}

/** Datasets of the Elastic `system` and `windows` integrations: each reads one channel. */
const WINDOWS_DATASETS: Record<string, CoveredEvents> = {
  'system.security': channel(SECURITY),
  'system.system': channel('System'),
  'system.application': channel('Application'),
  'windows.sysmon_operational': channel(SYSMON_CHANNEL),
  'windows.powershell': channel(POWERSHELL_CLASSIC_CHANNEL),
  'windows.powershell_operational': channel(POWERSHELL_CHANNEL),
  'windows.windows_defender': channel('Microsoft-Windows-Windows Defender/Operational'),
  'windows.applocker_exe_and_dll': channel(`${APPLOCKER}/EXE and DLL`),
  'windows.applocker_msi_and_script': channel(`${APPLOCKER}/MSI and Script`),
  'windows.applocker_packaged_app_deployment': channel(`${APPLOCKER}/Packaged app-Deployment`),
  'windows.applocker_packaged_app_execution': channel(`${APPLOCKER}/Packaged app-Execution`),
};

/** Datasets that carry events of any Windows channel: forwarded events. */
const ANY_CHANNEL_DATASETS: ReadonlySet<string> = new Set(['windows.forwarded']);

/**
 * Datasets a `logs-<dataset>*` pattern (no `-` before the `*`) is taken to name: those of the
 * Windows integrations and the Elastic Defend, cloud and identity ones the rules read.
 */
const KNOWN_DATASETS: ReadonlySet<string> = new Set([
  ...Object.keys(WINDOWS_DATASETS),
  ...ANY_CHANNEL_DATASETS,
  'endpoint.events.process',
  'endpoint.events.file',
  'endpoint.events.network',
  'endpoint.events.registry',
  'endpoint.events.library',
  'endpoint.events.api',
  'endpoint.events.security',
  'endpoint.alerts',
  'aws.cloudtrail',
  'o365.audit',
  'okta.system',
  'github.audit',
  'kubernetes.audit_logs',
  'gcp.audit',
  'google_workspace.admin',
  'google_workspace.login',
  'azure.activitylogs',
  'azure.auditlogs',
  'azure.signinlogs',
  'azure.identity_protection',
  'auditd_manager.auditd',
  'system.auth',
  'system.syslog',
]);

/** Winlogbeat modules (`event.module`) and the channels they read. */
const WINLOGBEAT_MODULES: Record<string, CoveredEvents[]> = {
  sysmon: [channel(SYSMON_CHANNEL)],
  security: [channel(SECURITY)],
  powershell: [channel(POWERSHELL_CLASSIC_CHANNEL), channel(POWERSHELL_CHANNEL)],
};

/**
 * The events of an Elastic dataset (`event.dataset`, `data_stream.dataset`): the dataset itself,
 * with the channel (and provider) a Windows dataset reads.
 */
export function eventsOfElasticDataset(dataset: string): CoveredEvents[] {
  const key = dataset.trim().toLowerCase();
  const windows = Object.hasOwn(WINDOWS_DATASETS, key) ? WINDOWS_DATASETS[key] : {};
  return [{ ...windows, dataset: key }];
}

/** The channels a Winlogbeat module (`event.module: sysmon`) reads; null for other modules. */
export function eventsOfWinlogbeatModule(module: string): CoveredEvents[] | null {
  const key = module.trim().toLowerCase();
  return Object.hasOwn(WINLOGBEAT_MODULES, key) ? WINLOGBEAT_MODULES[key] : null;
}

/** Whether a dataset is one of Elastic's Windows event log datasets. */
export function isWindowsDataset(dataset: string): boolean {
  const key = dataset.trim().toLowerCase();
  return Object.hasOwn(WINDOWS_DATASETS, key) || ANY_CHANNEL_DATASETS.has(key);
}

/**
 * The dataset an index pattern reads, by the data stream naming scheme `logs-<dataset>-<namespace>`
 * (a dataset has no `-`): `logs-aws.cloudtrail-*` reads `aws.cloudtrail`; `logs-okta*` or
 * `winlogbeat-*` name no dataset. A pattern `logs-<dataset>*` reads a dataset the table knows
 * when no other known dataset starts with the same name.
 */
export function datasetOfIndexPattern(pattern: string): string | null {
  const text = pattern.trim();
  if (!text.startsWith('logs-')) return null;
  const rest = text.slice('logs-'.length);
  const dash = rest.indexOf('-');
  const star = rest.search(/[*?]/);
  if (dash > 0 && (star < 0 || star > dash)) return rest.slice(0, dash).toLowerCase();
  const candidate = rest.endsWith('*') ? rest.slice(0, -1).toLowerCase() : '';
  if (candidate.includes('*') || candidate.includes('?')) return null;
  if (!KNOWN_DATASETS.has(candidate)) return null;
  // `logs-windows.powershell*` also reads `windows.powershell_operational`: no single dataset.
  const longer = [...KNOWN_DATASETS].some((d) => d !== candidate && d.startsWith(candidate));
  return longer ? null : candidate;
}

/**
 * The dataset Elastic Agent's Windows integrations collect a channel's events into, or null when
 * no integration of the model collects that channel (docs/event-model.md).
 */
export function datasetOfChannel(channel: string): string | null {
  const key = channel.trim().toLowerCase();
  for (const [dataset, events] of Object.entries(WINDOWS_DATASETS)) {
    if (events.channel?.toLowerCase() === key) return dataset;
  }
  return null;
}

/**
 * Sample index names of the Windows datasets, with what each reads (null: any Windows channel):
 * an index pattern reads the Windows logs of the samples it matches (`logs-windows.*` reads
 * every `windows.` dataset, `winlogbeat-*` any channel).
 */
export function windowsIndexSamples(): { index: string; events: CoveredEvents | null }[] {
  return [
    { index: 'winlogbeat-default', events: null },
    ...[...ANY_CHANNEL_DATASETS].map((d) => ({ index: `logs-${d}-default`, events: null })),
    ...Object.entries(WINDOWS_DATASETS).map(([dataset, events]) => ({
      index: `logs-${dataset}-default`,
      events,
    })),
  ];
}

/** How Elastic's Windows integrations categorize one event (ECS categorization fields). */
export interface EventCategorization {
  categories: string[];
  types: string[];
  /** `event.action` values it is written with; empty when not known. */
  actions: string[];
}

/** `categories/types[/action|action…]`, each list comma-separated. */
type Written = string;

function categorized(written: Record<number, Written>): Map<number, EventCategorization> {
  const table = new Map<number, EventCategorization>();
  for (const [id, text] of Object.entries(written)) {
    const [categories, types, actions] = text.split('/');
    table.set(Number(id), {
      categories: categories ? categories.split(',') : [],
      types: types ? types.split(',') : [],
      actions: actions ? actions.split('|') : [],
    });
  }
  return table;
}

/**
 * Sysmon events as the `windows.sysmon_operational` integration (and Winlogbeat's sysmon module)
 * categorize them. Actions: the integration's name, then Sysmon's task name where it differs.
 */
const SYSMON_EVENTS = categorized({
  1: 'process/start/Process creation|Process Create (rule: ProcessCreate)',
  2: 'file/change/A process changed a file creation time',
  3: 'network/start,connection,protocol/Network connection|Network connection detected',
  4: 'process/change/Sysmon service state changed',
  5: 'process/end/Process terminated',
  6: 'driver/start/Driver loaded',
  7: 'process/change/Image loaded|Image loaded (rule: ImageLoad)',
  8: 'process/change/CreateRemoteThread',
  9: 'process/access/RawAccessRead',
  10: 'process/access/ProcessAccess|Process accessed (rule: ProcessAccess)',
  11: 'file/creation/FileCreate|File created (rule: FileCreate)',
  12: 'configuration,registry/change/RegistryEvent (Object create and delete)',
  13: 'configuration,registry/change/RegistryEvent (Value Set)',
  14: 'configuration,registry/change/RegistryEvent (Key and Value Rename)',
  15: 'file/access/FileCreateStreamHash',
  16: 'configuration/change/ServiceConfigurationChange',
  17: 'file/creation/PipeEvent (Pipe Created)',
  18: 'file/access/PipeEvent (Pipe Connected)',
  19: 'process/info/WmiEvent (WmiEventFilter activity detected)',
  20: 'process/change/WmiEvent (WmiEventConsumer activity detected)',
  21: 'process/access/WmiEvent (WmiEventConsumerToFilter activity detected)',
  22: 'network/connection,protocol,info/DNSEvent (DNS query)',
  23: 'file/deletion/FileDelete (File Delete archived)',
  24: '/change/ClipboardChange (New content in the clipboard)',
  25: 'process/change/ProcessTampering (Process image change)',
  26: 'file/deletion/FileDeleteDetected (File Delete logged)',
  27: 'file/creation/FileBlockExecutable',
  28: 'file/deletion/FileBlockShredding',
  29: 'file/creation/FileExecutableDetected',
  255: 'process//Error',
});

/**
 * Security log events as the `system.security` integration categorizes them; service and driver
 * state events it files under `process` and `driver` are left out, as their subject is not one.
 */
const SECURITY_EVENTS = categorized({
  4610: 'configuration/access/authentication-package-loaded',
  4611: 'configuration/change/trusted-logon-process-registered',
  4616: 'configuration/change/system-time-changed',
  4624: 'authentication/start/logged-in',
  4625: 'authentication/start/logon-failed',
  4634: 'authentication/end/logged-out',
  4647: 'authentication/end/logged-out',
  4648: 'authentication/start/logged-in-explicit',
  4657: 'registry,configuration/change/registry-value-modified',
  4670: 'iam,configuration/admin,change/permissions-changed',
  4672: 'iam/admin/logged-in-special',
  4673: 'iam/admin/privileged-service-called',
  4674: 'iam/admin/privileged-operation',
  4688: 'process/start/created-process',
  4689: 'process/end/exited-process',
  4697: 'iam,configuration/admin,change/service-installed',
  4698: 'iam,configuration/creation,admin/scheduled-task-created',
  4699: 'iam,configuration/deletion,admin/scheduled-task-deleted',
  4700: 'iam,configuration/change,admin/scheduled-task-enabled',
  4701: 'iam,configuration/change,admin/scheduled-task-disabled',
  4702: 'iam,configuration/change,admin/scheduled-task-updated',
  4706: 'configuration/creation/domain-trust-added',
  4707: 'configuration/deletion/domain-trust-removed',
  4713: 'configuration/change/kerberos-policy-changed',
  4719: 'iam,configuration/admin,change/changed-audit-config',
  4720: 'iam/user,creation/added-user-account',
  4722: 'iam/user,change/enabled-user-account',
  4723: 'iam/user,change/changed-password',
  4724: 'iam/user,change/reset-password',
  4725: 'iam/user,deletion/disabled-user-account',
  4726: 'iam/user,deletion/deleted-user-account',
  4727: 'iam/group,creation/added-group-account',
  4728: 'iam/group,change/added-member-to-group',
  4729: 'iam/group,change/removed-member-from-group',
  4730: 'iam/group,deletion/deleted-group-account',
  4731: 'iam/group,creation/added-group-account',
  4732: 'iam/group,change/added-member-to-group',
  4733: 'iam/group,change/removed-member-from-group',
  4734: 'iam/group,deletion/deleted-group-account',
  4735: 'iam/group,change/modified-group-account',
  4737: 'iam/group,change/modified-group-account',
  4738: 'iam/user,change/modified-user-account',
  4739: 'configuration/change/domain-policy-changed',
  4740: 'iam/user,change/locked-out-user-account',
  4741: 'iam/creation,admin/added-computer-account',
  4742: 'iam/change,admin/changed-computer-account',
  4743: 'iam/deletion,admin/deleted-computer-account',
  4754: 'iam/group,creation/added-group-account',
  4755: 'iam/group,change/modified-group-account',
  4756: 'iam/group,change/added-member-to-group',
  4757: 'iam/group,change/removed-member-from-group',
  4758: 'iam/group,deletion/deleted-group-account',
  4764: 'iam/group,change/type-changed-group-account',
  4767: 'iam/user,change/unlocked-user-account',
  4768: 'authentication/start/kerberos-authentication-ticket-requested',
  4769: 'authentication/start/kerberos-service-ticket-requested',
  4770: 'authentication/start/kerberos-service-ticket-renewed',
  4771: 'authentication/start/kerberos-preauth-failed',
  4776: 'authentication/start/credential-validated',
  4778: 'authentication,session/start/session-reconnected',
  4779: 'authentication,session/end/session-disconnected',
  4781: 'iam/user,change/renamed-user-account',
  4798: 'iam/user,info/group-membership-enumerated',
  4799: 'iam/group,info/user-member-enumerated',
  4817: 'iam,configuration/admin,change/object-audit-changed',
  4902: 'iam,configuration/admin,creation/user-audit-policy-created',
  4904: 'iam,configuration/admin,change/security-event-source-added',
  4905: 'iam,configuration/admin,deletion/security-event-source-removed',
  4906: 'iam,configuration/admin,change/crash-on-audit-changed',
  4907: 'iam,configuration/admin,change/audit-setting-changed',
  4912: 'iam,configuration/admin,change/per-user-audit-policy-changed',
  4950: 'configuration/change/windows-firewall-setting-changed',
  4964: 'iam/admin,group/logged-in-special',
  5140: 'network,file/info,access/network-share-object-accessed',
  5145: 'network,file/info,access/network-share-object-access-checked',
});

/** Event log service events the `system.security` integration reads on the Security channel. */
const EVENTLOG_EVENTS = categorized({
  1102: 'iam/admin,change/audit-log-cleared',
  1104: 'iam/admin/logging-full',
});

// LIMITATION: PowerShell, System and other channels' events are not categorized here — an
// Elastic rule selecting them by ECS category alone (without an event code or a field only they
// carry) lists none of them.
/**
 * The providers whose events ECS categories stand for. The PowerShell integrations file every
 * event under `process` because a script runs in one: a process rule does not read them in any
 * useful sense, so they are found by event code or by their own fields instead.
 */
const CATEGORIZED: Record<string, Map<number, EventCategorization>> = {
  'microsoft-windows-sysmon': SYSMON_EVENTS,
  'microsoft-windows-security-auditing': SECURITY_EVENTS,
  'microsoft-windows-eventlog': EVENTLOG_EVENTS,
};

/** Every event of a provider the integrations categorize, with its categorization. */
export function categorizedEvents(provider: string): [number, EventCategorization][] {
  const key = provider.toLowerCase();
  return Object.hasOwn(CATEGORIZED, key) ? [...CATEGORIZED[key]] : [];
}

/** Providers whose events the integrations categorize. */
export function categorizedProviders(): string[] {
  return Object.keys(CATEGORIZED);
}
