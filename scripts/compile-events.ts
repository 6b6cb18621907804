// Compiles the Windows event catalog, src/semantics/windows-events.json: for each event provider
// that detection rules read, its full name, channels and event titles. Which events a log source
// covers is not compiled: the log-source tables of src/semantics say it, each in one place.
//
// Usage: npx tsx scripts/compile-events.ts [WINDOWS_EVENTS] [--out FILE]
//   WINDOWS_EVENTS  the OSSEM data dictionaries; default ../shared/reference/windows-events.
//
// Decisions:
// - Titles come from the dictionaries' `name`: a message-like title ("Event ID 4624: ...") is
//   preferred, otherwise the ETW task name ("Event 4104 - StartingCommand"). Placeholder task
//   names (`task_0`, `None`, `RemoteFXmodule_3`) give no title. A name whose number is not the
//   event's id is distrusted. src/semantics/event-titles.ts, our own words, wins over all of these.
// - Compact form: only the providers listed below (the ones rules in ../shared/corpora select by
//   Sigma service or category, Splunk source or data source, Elastic dataset or event.provider),
//   with every event of theirs that has a title. Events without one are left out: the catalog
//   then answers "no title", which is what it would say anyway.
// - Channels are facts about Windows logging, written here as a table; the dictionaries do not
//   carry them.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultSource = path.resolve(repoRoot, '../shared/reference/windows-events');
const defaultOut = path.join(repoRoot, 'src/semantics/windows-events.json');

/** A channel every Windows provider may write to: forwarded events, Winlogbeat indices. */
const ANY_WINDOWS_CHANNEL = '*';

interface ProviderSpec {
  name: string;
  platform: 'windows' | 'linux';
  /** Channels where this provider is the usual writer: an unknown event there is its own. */
  owns: string[];
  /** Channels it shares with other providers (System, Application, Security). */
  shares?: string[];
}

const SECURITY = 'Security';
const SYSTEM = 'System';
const APPLICATION = 'Application';
const SYSMON = 'Microsoft-Windows-Sysmon/Operational';
const POWERSHELL = 'Microsoft-Windows-PowerShell/Operational';
const POWERSHELL_CLASSIC = 'Windows PowerShell';
const DEFENDER = 'Microsoft-Windows-Windows Defender/Operational';
const TASK_SCHEDULER = 'Microsoft-Windows-TaskScheduler/Operational';
const PRINT_ADMIN = 'Microsoft-Windows-PrintService/Admin';
const PRINT_OPERATIONAL = 'Microsoft-Windows-PrintService/Operational';
const APPLOCKER = [
  'Microsoft-Windows-AppLocker/EXE and DLL',
  'Microsoft-Windows-AppLocker/MSI and Script',
  'Microsoft-Windows-AppLocker/Packaged app-Deployment',
  'Microsoft-Windows-AppLocker/Packaged app-Execution',
];
const operational = (provider: string) => `${provider}/Operational`;

/** A Windows provider that is the usual writer of the given channels. */
const owner = (name: string, ...owns: string[]): ProviderSpec => ({
  name,
  platform: 'windows',
  owns,
});
/** A Windows provider writing to `<name>/Operational`. */
const ownerOfOperational = (name: string) => owner(name, operational(name));
/** A Windows provider writing to channels others write to as well. */
const sharer = (name: string, ...shares: string[]): ProviderSpec => ({
  name,
  platform: 'windows',
  owns: [],
  shares,
});

const PROVIDERS: ProviderSpec[] = [
  owner('Microsoft-Windows-Security-Auditing', SECURITY),
  sharer('Microsoft-Windows-Eventlog', SECURITY, SYSTEM),
  owner('Microsoft-Windows-Sysmon', SYSMON),
  { name: 'Linux-Sysmon', platform: 'linux', owns: ['Linux-Sysmon/Operational'] },
  owner('Microsoft-Windows-PowerShell', POWERSHELL),
  owner('PowerShell', POWERSHELL_CLASSIC),
  owner('PowerShellCore', 'PowerShellCore/Operational'),
  sharer('Service Control Manager', SYSTEM),
  sharer('Microsoft-Windows-Kernel-General', SYSTEM),
  sharer('Microsoft-Windows-Directory-Services-SAM', SYSTEM),
  owner('Microsoft-Windows-TaskScheduler', TASK_SCHEDULER),
  ownerOfOperational('Microsoft-Windows-WMI-Activity'),
  owner('Microsoft-Windows-Windows Defender', DEFENDER),
  ownerOfOperational('Microsoft-Windows-NTLM'),
  ownerOfOperational('Microsoft-Windows-TerminalServices-RemoteConnectionManager'),
  ownerOfOperational('Microsoft-Windows-TerminalServices-LocalSessionManager'),
  ownerOfOperational('Microsoft-Windows-Bits-Client'),
  owner('Microsoft-Windows-DNS-Client', 'Microsoft-Windows-DNS Client Events/Operational'),
  ownerOfOperational('Microsoft-Windows-CodeIntegrity'),
  owner('Microsoft-Windows-AppLocker', ...APPLOCKER),
  ownerOfOperational('Microsoft-Windows-DriverFrameworks-UserMode'),
  owner('Microsoft-Windows-LDAP-Client', 'Microsoft-Windows-LDAP-Client/Debug'),
  owner(
    'Microsoft-Windows-SMBClient',
    'Microsoft-Windows-SmbClient/Security',
    'Microsoft-Windows-SmbClient/Connectivity',
  ),
  owner(
    'Microsoft-Windows-SMBServer',
    'Microsoft-Windows-SMBServer/Security',
    'Microsoft-Windows-SMBServer/Connectivity',
    'Microsoft-Windows-SMBServer/Operational',
  ),
  ownerOfOperational('Microsoft-Windows-GroupPolicy'),
  ownerOfOperational('Microsoft-Windows-CAPI2'),
  owner('Microsoft-Windows-PrintService', PRINT_ADMIN, PRINT_OPERATIONAL),
  ownerOfOperational('Microsoft-Windows-CertificateServicesClient-Lifecycle-System'),
  ownerOfOperational('Microsoft-Windows-CertificateServicesClient-Lifecycle-User'),
  owner(
    'Microsoft-Windows-Security-Mitigations',
    'Microsoft-Windows-Security-Mitigations/Kernel Mode',
    'Microsoft-Windows-Security-Mitigations/User Mode',
  ),
  owner(
    'Microsoft-Windows-Windows Firewall With Advanced Security',
    'Microsoft-Windows-Windows Firewall With Advanced Security/Firewall',
  ),
  owner(
    'Microsoft-Windows-AppXDeployment-Server',
    'Microsoft-Windows-AppXDeploymentServer/Operational',
  ),
  owner('Microsoft-Windows-AppxPackagingOM', 'Microsoft-Windows-AppxPackaging/Operational'),
  owner('Microsoft-Windows-AppModel-Runtime', 'Microsoft-Windows-AppModel-Runtime/Admin'),
  ownerOfOperational('Microsoft-Windows-Shell-Core'),
  ownerOfOperational('Microsoft-Windows-Diagnosis-Scripted'),
  ownerOfOperational('Microsoft-Windows-LSA'),
  owner('OpenSSH', 'OpenSSH/Operational'),
  owner('Microsoft-Windows-DNS-Server-Service', 'DNS Server'),
  owner(
    'Microsoft-Windows-DNS-Server',
    'Microsoft-Windows-DNS-Server/Analytical',
    'Microsoft-Windows-DNS-Server/Audit',
  ),
  owner('MSExchange CmdletLogs', 'MSExchange Management'),
  ownerOfOperational('Microsoft-IIS-Configuration'),
  owner(
    'Microsoft-ServiceBus-Client',
    'Microsoft-ServiceBus-Client/Operational',
    'Microsoft-ServiceBus-Client/Admin',
  ),
  // An ETW provider read without a channel (Sigma's file_access and file_rename).
  owner('Microsoft-Windows-Kernel-File'),
  owner(
    'Microsoft-Windows-Application-Experience',
    'Microsoft-Windows-Application-Experience/Program-Telemetry',
    'Microsoft-Windows-Application-Experience/Program-Compatibility-Assistant',
  ),
  owner('Microsoft-Windows-BitLocker-API', 'Microsoft-Windows-BitLocker/BitLocker Management'),
  ownerOfOperational('Microsoft-Windows-DHCP-Server'),
  owner('Microsoft-Windows-Hyper-V-Worker', 'Microsoft-Windows-Hyper-V-Worker'),
  owner('Microsoft-Windows-Kernel-EventTracing', 'Microsoft-Windows-Kernel-EventTracing'),
  owner(
    'Microsoft-Windows-Kernel-ShimEngine',
    'Microsoft-Windows-Kernel-ShimEngine/Operational',
    'Microsoft-Windows-Kernel-ShimEngine/Diagnostic',
  ),
  ownerOfOperational('Microsoft-Windows-Ntfs'),
  ownerOfOperational('Microsoft-Windows-SENSE'),
  ownerOfOperational('Microsoft-Windows-VHDMP'),
  owner('Microsoft-Windows-Backup', 'Microsoft-Windows-Backup'),
  // Providers of the shared channels that rules of the corpora name.
  sharer('Application Error', APPLICATION),
  sharer('Windows Error Reporting', APPLICATION),
  sharer('MsiInstaller', APPLICATION),
  sharer('ESENT', APPLICATION),
  sharer('MSSQLSERVER', APPLICATION),
  sharer('MSSQLSERVER$AUDIT', APPLICATION),
  sharer('MSMQ', APPLICATION),
  sharer('MSExchange Control Panel', APPLICATION),
  sharer('Microsoft-Windows-CertificationAuthority', APPLICATION),
  sharer('Microsoft-Windows-SoftwareRestrictionPolicies', APPLICATION),
  sharer('Microsoft-Windows-User Profiles Service', APPLICATION),
  sharer('Windows Server Update Services', APPLICATION),
  sharer('Microsoft-Windows-Audit-CVE', APPLICATION, SYSTEM),
  sharer('ScreenConnect', APPLICATION),
  sharer('Application Popup', SYSTEM),
  sharer('TermDD', SYSTEM),
  sharer('NetLogon', SYSTEM),
  sharer('LsaSrv', SYSTEM),
  sharer('Ntfs', SYSTEM),
  sharer('Microsoft-Windows-WER-SystemErrorReporting', SYSTEM),
  sharer('Microsoft-Windows-DistributedCOM', SYSTEM),
  sharer('Microsoft-Windows-Iphlpsvc', SYSTEM),
  sharer('Microsoft-Windows-Kerberos-Key-Distribution-Center', SYSTEM),
  sharer('Microsoft-Windows-WindowsUpdateClient', SYSTEM),
];

interface TitleCandidate {
  title: string;
  /** 2 for a message-like title, 1 for an ETW task name. */
  quality: number;
  /** The file is the event's plain dictionary (`event-4656.yml`), not a variant of it. */
  plain: boolean;
  version: number;
  file: string;
}

function yamlFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith('.yml') && !entry.endsWith('README.yml'))
    .sort()
    .map((entry) => path.join(folder, entry));
}

/** `Event ID 4624: An account...` → quality 2; `Event 4104 - StartingCommand` → quality 1. */
function titleOf(name: string, eventId: number): { title: string; quality: number } | null {
  const words = name.trim();
  const prefix = ['Event ID ', 'Event '].find((p) => words.startsWith(p));
  if (!prefix) return null;
  const rest = words.slice(prefix.length);
  let digits = 0;
  while (digits < rest.length && rest[digits] >= '0' && rest[digits] <= '9') digits++;
  if (Number(rest.slice(0, digits)) !== eventId || digits === 0) return null;

  const after = rest.slice(digits).trimStart();
  const separator = after.startsWith(':') ? ':' : after.startsWith('-') ? '-' : '';
  if (!separator) return null;
  let title = after.slice(1).trim();
  if (title.endsWith('.')) title = title.slice(0, -1);
  if (isPlaceholder(title)) return null;
  const messageLike = separator === ':' || title.includes(' ');
  return { title, quality: messageLike ? 2 : 1 };
}

/** ETW task names that name nothing: `task_0`, `None`, `RemoteFXmodule_3`. */
function isPlaceholder(title: string): boolean {
  if (title === '' || title === 'None') return true;
  const underscore = title.lastIndexOf('_');
  const tail = title.slice(underscore + 1);
  return underscore >= 0 && tail.length > 0 && [...tail].every((c) => c >= '0' && c <= '9');
}

function isPlainFile(file: string, eventId: number): boolean {
  const base = path.basename(file, '.yml');
  const plain = `event-${eventId}`;
  if (base === plain) return true;
  const version = base.slice(plain.length);
  return base.startsWith(`${plain}_v`) && version.length > 2;
}

function better(a: TitleCandidate, b: TitleCandidate): TitleCandidate {
  if (a.quality !== b.quality) return a.quality > b.quality ? a : b;
  if (a.plain !== b.plain) return a.plain ? a : b;
  if (a.version !== b.version) return a.version > b.version ? a : b;
  return a.file <= b.file ? a : b;
}

/** Best title per provider and event id, from every dictionary under `windows/`. */
function readTitles(source: string): Map<string, Map<number, TitleCandidate>> {
  const titles = new Map<string, Map<number, TitleCandidate>>();
  for (const file of yamlFiles(path.join(source, 'windows'))) {
    const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    const provider = typeof doc?.log_source === 'string' ? doc.log_source : null;
    const eventId = Number(doc?.event_id ?? doc?.event_code);
    if (!provider || !Number.isInteger(eventId) || typeof doc?.name !== 'string') continue;
    const title = titleOf(doc.name, eventId);
    if (!title) continue;

    const candidate: TitleCandidate = {
      ...title,
      plain: isPlainFile(file, eventId),
      version: Number(doc.event_version) || 0,
      file: path.relative(source, file),
    };
    const events = titles.get(provider) ?? new Map<number, TitleCandidate>();
    const seen = events.get(eventId);
    events.set(eventId, seen ? better(seen, candidate) : candidate);
    titles.set(provider, events);
  }
  return titles;
}

/** One provider, table or event per line: small diffs when the sources change. */
function render(document: Record<string, unknown>): string {
  const providers = document.providers as { events: unknown[] }[];
  const providerLines = providers.map((provider) => {
    const { events, ...rest } = provider;
    const head = JSON.stringify(rest).slice(0, -1);
    const lines = events.map((event) => `        ${JSON.stringify(event)}`).join(',\n');
    return `    ${head},"events":[\n${lines}\n    ]}`;
  });
  const entry = (indent: string, key: string, value: unknown) =>
    `${indent}${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  const others = Object.entries(document)
    .filter(([key]) => key !== 'providers')
    .map(([key, value]) => {
      if (typeof value !== 'object' || value === null) return entry('  ', key, value);
      const entries = Object.entries(value).map(([k, v]) => entry('    ', k, v));
      return `  ${JSON.stringify(key)}: {\n${entries.join(',\n')}\n  }`;
    });
  return `{\n${others.join(',\n')},\n  "providers": [\n${providerLines.join(',\n')}\n  ]\n}\n`;
}

function parseArgs(argv: string[]): { source: string; out: string } {
  let source = defaultSource;
  let out = defaultOut;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = path.resolve(argv[++i] ?? '');
    else source = path.resolve(argv[i]);
  }
  return { source, out };
}

function main(): void {
  const { source, out } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const titles = readTitles(source);
  if (titles.size === 0) {
    console.error(`No event dictionaries found under ${source}/windows`);
    process.exit(1);
  }

  const providers = PROVIDERS.map((spec) => {
    const events = [...(titles.get(spec.name) ?? new Map<number, TitleCandidate>())]
      .sort(([a], [b]) => a - b)
      .map(([id, candidate]) => [id, candidate.title]);
    const { name, platform, owns } = spec;
    return { name, platform, owns, shares: spec.shares ?? [], events };
  }).sort((a, b) => (a.name < b.name ? -1 : 1));

  const snapshot = path.join(source, 'SNAPSHOT');
  const commit = existsSync(snapshot) ? readFileSync(snapshot, 'utf8').split(' ')[0].trim() : '';
  const licenseFile = path.join(source, 'LICENSE');
  const document = {
    source: `OSSEM data dictionaries (windows)${commit ? ` at ${commit}` : ''}`,
    license: existsSync(licenseFile) ? readFileSync(licenseFile, 'utf8').trim() : 'MIT',
    anyWindowsChannel: ANY_WINDOWS_CHANNEL,
    providers,
  };
  writeFileSync(out, render(document));

  const events = providers.reduce((sum, p) => sum + p.events.length, 0);
  const unused = [...titles.keys()].filter((name) => !PROVIDERS.some((p) => p.name === name));
  console.error(
    `${providers.length} providers, ${events} titled events → ${path.relative(repoRoot, out)} ` +
      `in ${Date.now() - started} ms; dictionaries not used: ${unused.sort().join(', ') || 'none'}`,
  );
}

main();
