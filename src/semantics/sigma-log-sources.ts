// The events each Sigma log source (product, category, service) covers, under the default
// `sigma` taxonomy: Windows channels, providers and event codes, and the Elastic datasets that
// carry the other platforms' and the cloud services' logs. This is the event model that
// log-source constraints and later cross-vendor comparisons are sound against.

/** One kind of event a log source covers: every attribute given holds for such an event. */
export interface CoveredEvents {
  /** Windows event log channel (`winlog.channel`). */
  channel?: string;
  /** Event log or ETW provider that writes the events (`event.provider`). */
  provider?: string;
  /** Event codes (`event.code`): the event is one of these. */
  codes?: number[];
  /** Elastic dataset that carries the events (`event.dataset`). */
  dataset?: string;
}

/**
 * The ECS fields the covered events are stated on. Analyses may tell a Sigma rule's log-source
 * constraints from its own conditions by them.
 */
export const COVERED_EVENT_FIELDS = {
  channel: 'winlog.channel',
  provider: 'event.provider',
  codes: 'event.code',
  dataset: 'event.dataset',
} as const;

export interface LogSourceAttributes {
  product?: string;
  category?: string;
  service?: string;
}

/** What one product's categories and services cover. */
interface ProductTable {
  categories?: Record<string, CoveredEvents[]>;
  services?: Record<string, CoveredEvents[]>;
}

const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';
const SYSMON_PROVIDER = 'Microsoft-Windows-Sysmon';
const LINUX_SYSMON_CHANNEL = 'Linux-Sysmon/Operational';
const LINUX_SYSMON_PROVIDER = 'Linux-Sysmon';
const POWERSHELL_CHANNEL = 'Microsoft-Windows-PowerShell/Operational';
const POWERSHELL_CORE_CHANNEL = 'PowerShellCore/Operational';
const POWERSHELL_CLASSIC_CHANNEL = 'Windows PowerShell';
const KERNEL_FILE_PROVIDER = 'Microsoft-Windows-Kernel-File';

const sysmon = (...codes: number[]): CoveredEvents[] => [
  { channel: SYSMON_CHANNEL, provider: SYSMON_PROVIDER, codes },
];
const linuxSysmon = (...codes: number[]): CoveredEvents[] => [
  { channel: LINUX_SYSMON_CHANNEL, provider: LINUX_SYSMON_PROVIDER, codes },
];
/** Script-block and module logging: Windows PowerShell 5 and PowerShell 7 write the same ids. */
const powershell = (code: number): CoveredEvents[] => [
  { channel: POWERSHELL_CHANNEL, provider: 'Microsoft-Windows-PowerShell', codes: [code] },
  { channel: POWERSHELL_CORE_CHANNEL, provider: 'PowerShellCore', codes: [code] },
];
const powershellClassic = (code: number): CoveredEvents[] => [
  { channel: POWERSHELL_CLASSIC_CHANNEL, provider: 'PowerShell', codes: [code] },
];
const channels = (...names: string[]): CoveredEvents[] => names.map((channel) => ({ channel }));
const datasets = (...names: string[]): CoveredEvents[] => names.map((dataset) => ({ dataset }));

/**
 * Windows categories. Process creation is generic: Sysmon's event and the Security log's own
 * process-creation event both carry it. The Kernel-File categories come from an ETW provider
 * whose events have no channel; which of its event ids each one means is left open.
 */
const WINDOWS_CATEGORIES: Record<string, CoveredEvents[]> = {
  process_creation: [
    ...sysmon(1),
    { channel: 'Security', provider: 'Microsoft-Windows-Security-Auditing', codes: [4688] },
  ],
  file_change: sysmon(2),
  network_connection: sysmon(3),
  sysmon_status: sysmon(4, 16),
  process_termination: sysmon(5),
  driver_load: sysmon(6),
  image_load: sysmon(7),
  create_remote_thread: sysmon(8),
  raw_access_thread: sysmon(9),
  process_access: sysmon(10),
  file_event: sysmon(11),
  registry_event: sysmon(12, 13, 14),
  // Sysmon writes key creation and deletion as one event id, told apart by its EventType.
  registry_add: sysmon(12),
  registry_delete: sysmon(12),
  registry_set: sysmon(13),
  registry_rename: sysmon(14),
  create_stream_hash: sysmon(15),
  pipe_created: sysmon(17, 18),
  wmi_event: sysmon(19, 20, 21),
  dns_query: sysmon(22),
  file_delete: sysmon(23),
  clipboard_capture: sysmon(24),
  process_tampering: sysmon(25),
  file_delete_detected: sysmon(26),
  file_block_executable: sysmon(27),
  file_block_shredding: sysmon(28),
  file_executable_detected: sysmon(29),
  sysmon_error: sysmon(255),
  file_access: [{ provider: KERNEL_FILE_PROVIDER }],
  file_rename: [{ provider: KERNEL_FILE_PROVIDER }],
  ps_classic_start: powershellClassic(400),
  ps_classic_provider_start: powershellClassic(600),
  ps_classic_script: powershellClassic(800),
  ps_module: powershell(4103),
  ps_script: powershell(4104),
};

/** Windows services: each is one event log channel (a few are several). */
const WINDOWS_SERVICES: Record<string, CoveredEvents[]> = {
  application: channels('Application'),
  'application-experience': channels(
    'Microsoft-Windows-Application-Experience/Program-Telemetry',
    'Microsoft-Windows-Application-Experience/Program-Compatibility-Assistant',
  ),
  applocker: channels(
    'Microsoft-Windows-AppLocker/EXE and DLL',
    'Microsoft-Windows-AppLocker/MSI and Script',
    'Microsoft-Windows-AppLocker/Packaged app-Deployment',
    'Microsoft-Windows-AppLocker/Packaged app-Execution',
  ),
  'appmodel-runtime': channels('Microsoft-Windows-AppModel-Runtime/Admin'),
  'appxdeployment-server': channels('Microsoft-Windows-AppXDeploymentServer/Operational'),
  'appxpackaging-om': channels('Microsoft-Windows-AppxPackaging/Operational'),
  bitlocker: channels('Microsoft-Windows-BitLocker/BitLocker Management'),
  'bits-client': channels('Microsoft-Windows-Bits-Client/Operational'),
  capi2: channels('Microsoft-Windows-CAPI2/Operational'),
  'certificateservicesclient-lifecycle-system': channels(
    'Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational',
  ),
  'codeintegrity-operational': channels('Microsoft-Windows-CodeIntegrity/Operational'),
  dhcp: channels('Microsoft-Windows-DHCP-Server/Operational'),
  'diagnosis-scripted': channels('Microsoft-Windows-Diagnosis-Scripted/Operational'),
  'dns-client': channels('Microsoft-Windows-DNS Client Events/Operational'),
  'dns-server': channels('DNS Server'),
  'dns-server-analytic': channels('Microsoft-Windows-DNS-Server/Analytical'),
  'dns-server-audit': channels('Microsoft-Windows-DNS-Server/Audit'),
  'driver-framework': channels('Microsoft-Windows-DriverFrameworks-UserMode/Operational'),
  'firewall-as': channels('Microsoft-Windows-Windows Firewall With Advanced Security/Firewall'),
  'hyper-v-worker': channels('Microsoft-Windows-Hyper-V-Worker'),
  'iis-configuration': channels('Microsoft-IIS-Configuration/Operational'),
  'kernel-event-tracing': channels('Microsoft-Windows-Kernel-EventTracing'),
  'kernel-shimengine': channels(
    'Microsoft-Windows-Kernel-ShimEngine/Operational',
    'Microsoft-Windows-Kernel-ShimEngine/Diagnostic',
  ),
  ldap: channels('Microsoft-Windows-LDAP-Client/Debug'),
  'lsa-server': channels('Microsoft-Windows-LSA/Operational'),
  'msexchange-management': channels('MSExchange Management'),
  ntfs: channels('Microsoft-Windows-Ntfs/Operational'),
  ntlm: channels('Microsoft-Windows-NTLM/Operational'),
  openssh: channels('OpenSSH/Operational'),
  powershell: channels(POWERSHELL_CHANNEL),
  'powershell-classic': channels(POWERSHELL_CLASSIC_CHANNEL),
  'printservice-admin': channels('Microsoft-Windows-PrintService/Admin'),
  'printservice-operational': channels('Microsoft-Windows-PrintService/Operational'),
  security: channels('Security'),
  'security-mitigations': channels(
    'Microsoft-Windows-Security-Mitigations/Kernel Mode',
    'Microsoft-Windows-Security-Mitigations/User Mode',
  ),
  sense: channels('Microsoft-Windows-SENSE/Operational'),
  // The taxonomy's name and the one SigmaHQ rules use for the same two channels.
  'servicebus-client': channels(
    'Microsoft-ServiceBus-Client/Operational',
    'Microsoft-ServiceBus-Client/Admin',
  ),
  'microsoft-servicebus-client': channels(
    'Microsoft-ServiceBus-Client/Operational',
    'Microsoft-ServiceBus-Client/Admin',
  ),
  'shell-core': channels('Microsoft-Windows-Shell-Core/Operational'),
  'smbclient-connectivity': channels('Microsoft-Windows-SmbClient/Connectivity'),
  'smbclient-security': channels('Microsoft-Windows-SmbClient/Security'),
  'smbserver-connectivity': channels('Microsoft-Windows-SMBServer/Connectivity'),
  sysmon: channels(SYSMON_CHANNEL),
  system: channels('System'),
  taskscheduler: channels('Microsoft-Windows-TaskScheduler/Operational'),
  'terminalservices-localsessionmanager': channels(
    'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational',
  ),
  vhdmp: channels('Microsoft-Windows-VHDMP/Operational'),
  windefend: channels('Microsoft-Windows-Windows Defender/Operational'),
  wmi: channels('Microsoft-Windows-WMI-Activity/Operational'),
};

// LIMITATION: Linux services without a dataset of their own (sshd, sudo, cron, clamav, vsftpd,
// guacamole: their lines land in auth or syslog files depending on the distribution) and macOS
// categories (no taxonomy source) keep only their written attributes — no event is implied.
/**
 * Products other than Windows, by category or service. Linux categories come from Sysmon for
 * Linux; services are the Elastic datasets of the integration that collects those logs.
 */
const OTHER_PRODUCTS: Record<string, ProductTable> = {
  linux: {
    categories: {
      process_creation: linuxSysmon(1),
      network_connection: linuxSysmon(3),
      file_event: linuxSysmon(11),
    },
    services: {
      auditd: datasets('auditd.log', 'auditd_manager.auditd'),
      auth: datasets('system.auth'),
      syslog: datasets('system.syslog'),
    },
  },
  aws: { services: { cloudtrail: datasets('aws.cloudtrail') } },
  azure: {
    services: {
      activitylogs: datasets('azure.activitylogs'),
      auditlogs: datasets('azure.auditlogs'),
      signinlogs: datasets('azure.signinlogs'),
      riskdetection: datasets('azure.identity_protection'),
    },
  },
  gcp: {
    services: {
      'gcp.audit': datasets('gcp.audit'),
      'google_workspace.admin': datasets('google_workspace.admin'),
      'google_workspace.login': datasets('google_workspace.login'),
    },
  },
  github: { services: { audit: datasets('github.audit') } },
  kubernetes: { services: { audit: datasets('kubernetes.audit_logs') } },
  m365: { services: { audit: datasets('o365.audit') } },
  okta: { services: { okta: datasets('okta.system') } },
  zeek: {
    services: {
      dce_rpc: datasets('zeek.dce_rpc'),
      dns: datasets('zeek.dns'),
      http: datasets('zeek.http'),
      kerberos: datasets('zeek.kerberos'),
      rdp: datasets('zeek.rdp'),
      smb_files: datasets('zeek.smb_files'),
      x509: datasets('zeek.x509'),
    },
  },
};

const TABLES: Record<string, ProductTable> = {
  windows: { categories: WINDOWS_CATEGORIES, services: WINDOWS_SERVICES },
  ...OTHER_PRODUCTS,
};

/**
 * The events a log source covers, any one of the alternatives; null when the taxonomy implies
 * nothing beyond the attributes as written (a product alone, a generic category such as
 * `webserver`, a log source this table does not know). A category and a service that are both
 * known cover the events both describe.
 */
export function eventsOfLogSource(logsource: LogSourceAttributes): CoveredEvents[] | null {
  const table = TABLES[lower(logsource.product)];
  if (!table) return null;
  const byCategory = entry(table.categories, logsource.category);
  const byService = entry(table.services, logsource.service);
  if (!byCategory) return byService;
  if (!byService) return byCategory;
  return byCategory.flatMap((a) => byService.flatMap((b) => bothOf(a, b) ?? []));
}

/** Every product, category and service the table knows, for checks and documentation. */
export function knownLogSources(): (LogSourceAttributes & { covers: CoveredEvents[] })[] {
  return Object.entries(TABLES).flatMap(([product, table]) => {
    const categories = Object.entries(table.categories ?? {});
    const services = Object.entries(table.services ?? {});
    return [
      ...categories.map(([category, covers]) => ({ product, category, covers })),
      ...services.map(([service, covers]) => ({ product, service, covers })),
    ];
  });
}

function entry(
  table: Record<string, CoveredEvents[]> | undefined,
  name: string | undefined,
): CoveredEvents[] | null {
  if (!table || name === undefined) return null;
  const key = lower(name);
  return Object.hasOwn(table, key) ? table[key] : null;
}

/** Events described by both, or null when they cannot be the same event. */
function bothOf(a: CoveredEvents, b: CoveredEvents): CoveredEvents | null {
  const both: CoveredEvents = { ...a };
  for (const key of ['channel', 'provider', 'dataset'] as const) {
    const other = b[key];
    if (other === undefined) continue;
    if (both[key] !== undefined && lower(both[key]) !== lower(other)) return null;
    both[key] = other;
  }
  if (b.codes) {
    const codes = a.codes ? a.codes.filter((code) => b.codes?.includes(code)) : b.codes;
    if (codes.length === 0) return null;
    both.codes = codes;
  }
  return both;
}

function lower(text: string | undefined): string {
  return (text ?? '').toLowerCase();
}
