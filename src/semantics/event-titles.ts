// Short titles, in our own words, for the Windows events detection rules select most. They win
// over the ETW task names compiled into windows-events.json, which often say little.

type Titles = Readonly<Record<number, string>>;

const SECURITY_AUDITING: Titles = {
  4624: 'Logon succeeded',
  4625: 'Logon failed',
  4627: 'Group membership at logon',
  4634: 'Logoff',
  4647: 'Logoff started by user',
  4648: 'Logon with explicitly supplied credentials',
  4656: 'Handle to object requested',
  4657: 'Registry value modified',
  4658: 'Handle to object closed',
  4660: 'Object deleted',
  4661: 'Handle to directory or SAM object requested',
  4662: 'Operation on directory object',
  4663: 'Access to object attempted',
  4672: 'Special privileges granted at logon',
  4673: 'Privileged service called',
  4674: 'Operation on privileged object attempted',
  4688: 'Process created',
  4689: 'Process exited',
  4697: 'Service installed',
  4698: 'Scheduled task created',
  4699: 'Scheduled task deleted',
  4700: 'Scheduled task enabled',
  4701: 'Scheduled task disabled',
  4702: 'Scheduled task changed',
  4703: 'Token privileges adjusted',
  4719: 'System audit policy changed',
  4720: 'User account created',
  4722: 'User account enabled',
  4723: 'Password change attempted',
  4724: 'Password reset attempted',
  4725: 'User account disabled',
  4726: 'User account deleted',
  4727: 'Global security group created',
  4728: 'Member added to global security group',
  4729: 'Member removed from global security group',
  4730: 'Global security group deleted',
  4731: 'Local security group created',
  4732: 'Member added to local security group',
  4733: 'Member removed from local security group',
  4737: 'Global security group changed',
  4738: 'User account changed',
  4740: 'User account locked out',
  4741: 'Computer account created',
  4742: 'Computer account changed',
  4743: 'Computer account deleted',
  4754: 'Universal security group created',
  4756: 'Member added to universal security group',
  4765: 'SID history added to account',
  4766: 'SID history addition failed',
  4767: 'User account unlocked',
  4768: 'Kerberos ticket-granting ticket requested',
  4769: 'Kerberos service ticket requested',
  4770: 'Kerberos service ticket renewed',
  4771: 'Kerberos pre-authentication failed',
  4776: 'Credentials validated by NTLM',
  4778: 'Session reconnected',
  4779: 'Session disconnected',
  4781: 'Account renamed',
  4794: 'Directory Services Restore Mode password set attempted',
  4798: "User's local groups enumerated",
  4799: 'Local group members enumerated',
  4886: 'Certificate requested from certificate services',
  4887: 'Certificate issued by certificate services',
  4964: 'Special group member logged on',
  5136: 'Directory object modified',
  5137: 'Directory object created',
  5140: 'Network share accessed',
  5141: 'Directory object deleted',
  5142: 'Network share added',
  5145: 'Network share object access checked',
  5156: 'Connection allowed by filtering platform',
  5157: 'Connection blocked by filtering platform',
  5379: 'Credential Manager credentials read',
  6416: 'External device recognized',
  4649: 'Replay attack detected',
  4780: 'Permissions set on an administrator account',
  4783: 'Basic application group created',
  4790: 'LDAP query group created',
  4876: 'Certificate services backup started',
  4898: 'Certificate template loaded by certificate services',
  4899: 'Certificate template updated',
  5038: 'Code integrity found an invalid file hash',
  5382: 'Vault credentials read',
  5441: 'Filtering platform filter present at startup',
  5449: 'Filtering platform provider context changed',
  6281: 'Code integrity found an invalid page hash',
  // Windows Server 2003 numbering, still written by some forwarders and old hosts.
  528: 'Logon succeeded (Windows 2003 numbering)',
  529: 'Logon failed, unknown user or bad password (Windows 2003 numbering)',
  632: 'Member added to global security group (Windows 2003 numbering)',
  633: 'Member removed from global security group (Windows 2003 numbering)',
  634: 'Global security group deleted (Windows 2003 numbering)',
  675: 'Kerberos pre-authentication failed (Windows 2003 numbering)',
};

const SYSMON: Titles = {
  1: 'Process created',
  2: 'File creation time changed',
  3: 'Network connection',
  4: 'Sysmon service state changed',
  5: 'Process terminated',
  6: 'Driver loaded',
  7: 'Image loaded',
  8: 'Remote thread created',
  9: 'Raw disk read',
  10: 'Process opened by another process',
  11: 'File created',
  12: 'Registry key or value created or deleted',
  13: 'Registry value set',
  14: 'Registry key or value renamed',
  15: 'Alternate data stream created',
  16: 'Sysmon configuration changed',
  17: 'Named pipe created',
  18: 'Named pipe connected',
  19: 'WMI event filter registered',
  20: 'WMI event consumer registered',
  21: 'WMI consumer bound to filter',
  22: 'DNS query',
  23: 'File deleted and archived',
  24: 'Clipboard changed',
  25: 'Process image tampered with',
  26: 'File deleted',
  27: 'Executable file creation blocked',
  28: 'File shredding blocked',
  29: 'Executable file detected',
  255: 'Sysmon error',
};

/** Sysmon for Linux uses the Windows numbering for the events it shares. */
const LINUX_SYSMON: Titles = Object.fromEntries(
  [1, 3, 4, 5, 9, 11, 16, 23, 255].map((id) => [id, SYSMON[id]]),
);

const POWERSHELL: Titles = {
  4103: 'Pipeline command logged (module logging)',
  4104: 'Script block logged',
  4105: 'Script block invocation started',
  4106: 'Script block invocation finished',
};

const POWERSHELL_CLASSIC: Titles = {
  400: 'PowerShell engine started',
  403: 'PowerShell engine stopped',
  600: 'PowerShell provider started',
  800: 'Pipeline run details',
};

const EVENTLOG: Titles = {
  104: 'Event log cleared',
  1100: 'Event logging service shut down',
  1102: 'Security log cleared',
};

const SERVICE_CONTROL_MANAGER: Titles = {
  7023: 'Service stopped with an error',
  7034: 'Service stopped unexpectedly',
  7036: 'Service entered a new state',
  7040: 'Service start type changed',
  7045: 'Service installed',
};

const TASK_SCHEDULER: Titles = {
  106: 'Scheduled task registered',
  129: 'Scheduled task process launched',
  140: 'Scheduled task updated',
  141: 'Scheduled task deleted',
  200: 'Scheduled task action started',
  201: 'Scheduled task action completed',
};

const WINDOWS_DEFENDER: Titles = {
  1006: 'Malware found by scan',
  1116: 'Malware detected',
  1117: 'Action taken on malware',
  1121: 'Attack surface reduction rule blocked an action',
  1122: 'Attack surface reduction rule audited an action',
  1123: 'Controlled folder access blocked a change',
  1124: 'Controlled folder access audited a change',
  1125: 'Network protection audited a connection',
  1126: 'Network protection blocked a connection',
  5001: 'Real-time protection turned off',
  5007: 'Antivirus configuration changed',
  5010: 'Spyware scanning turned off',
  5012: 'Virus scanning turned off',
  5013: 'Tamper protection blocked a change',
  1009: 'Item restored from quarantine',
  1013: 'Malware history deleted',
  1015: 'Suspicious behavior detected',
  1119: 'Critical error while acting on malware',
  1129: 'Blocked operation allowed by the user',
  1131: 'Protection policy blocked an operation',
  1132: 'Protection policy audited an operation',
  1133: 'Protection policy blocked an operation',
  1134: 'Protection policy audited an operation',
  3002: 'Real-time protection feature failed',
  3007: 'Real-time protection feature restarted',
  5101: 'Antimalware platform out of date',
};

const WMI_ACTIVITY: Titles = {
  5857: 'WMI provider started',
  5858: 'WMI operation failed',
  5860: 'Temporary WMI event subscription registered',
  5861: 'Permanent WMI event subscription registered',
  5859: 'WMI event consumer query run',
};

const NTLM: Titles = {
  8001: 'Outgoing NTLM authentication',
  8002: 'Incoming NTLM authentication',
  8004: 'NTLM authentication checked by domain controller',
  8005: 'NTLM authentication audited (8005)',
  8006: 'NTLM authentication audited (8006)',
};

const KERBEROS_KDC: Titles = {
  16: 'No key of a usable type for a service ticket',
  27: 'No key of a usable type for a ticket-granting ticket',
  35: 'Ticket without the requesting account found',
  36: 'Ticket without a privilege attribute certificate found',
  37: 'Ticket without privilege attribute certificate attributes found',
  38: 'Ticket requester does not match the account',
  39: 'Certificate without a strong mapping to the account',
  41: 'Certificate older than the account it maps to',
  42: 'Account lacks keys of a strong encryption type',
};

const FIREWALL: Titles = {
  2002: 'Firewall setting changed',
  2003: 'Firewall profile setting changed',
  2004: 'Firewall rule added',
  2005: 'Firewall rule changed',
  2006: 'Firewall rule deleted',
  2008: 'Firewall group policy settings changed',
  2009: 'Firewall failed to load group policy',
  2032: 'Firewall reset to its defaults',
  2033: 'All firewall rules deleted',
  // Newer Windows releases write the same changes under new numbers.
  2052: 'Firewall rule deleted',
  2059: 'All firewall rules deleted',
  2060: 'Firewall reset to its defaults',
  2071: 'Firewall rule added',
  2073: 'Firewall rule changed',
  2082: 'Firewall setting changed',
  2083: 'Firewall setting changed',
  2097: 'Firewall rule added',
};

const APPX_DEPLOYMENT: Titles = {
  400: 'App package deployment started',
  401: 'App package deployment failed',
  412: 'App package deployment blocked',
  441: 'App package deployment blocked by policy',
  442: 'App package deployment blocked by policy',
  453: 'App package deployment blocked by policy',
  454: 'App package deployment blocked by policy',
  603: 'App package deployment operation started',
  854: 'App package files added to the deployment',
};

const SOFTWARE_RESTRICTION: Titles = {
  865: 'Software restricted by policy',
  866: 'Software restricted by a path rule',
  867: 'Software restricted by a certificate rule',
  868: 'Software restricted by a hash or zone rule',
  882: 'Software restricted by policy (rule details)',
};

const WINDOWS_UPDATE: Titles = {
  16: 'Windows Update could not reach the update service',
  20: 'Update installation failed',
  24: 'Update uninstallation failed',
  213: 'Update commit failed',
  217: 'Update installation reported an error',
};

const DHCP_SERVER: Titles = {
  1031: 'DHCP callout DLL failed',
  1032: 'DHCP callout DLL failed to load',
  1033: 'DHCP callout DLL loaded',
  1034: 'DHCP callout DLL raised an exception',
};

const MSI_INSTALLER: Titles = {
  1033: 'Product installed',
  1034: 'Product removed',
  1040: 'Installation transaction started',
  1042: 'Installation transaction ended',
  11724: 'Product removal completed',
};

const AUDIT_CVE: Titles = { 1: 'Exploitation attempt of a known vulnerability reported' };

const TITLES: Readonly<Record<string, Titles>> = {
  'Microsoft-Windows-Security-Auditing': SECURITY_AUDITING,
  'Microsoft-Windows-Sysmon': SYSMON,
  'Linux-Sysmon': LINUX_SYSMON,
  'Microsoft-Windows-PowerShell': POWERSHELL,
  PowerShellCore: POWERSHELL,
  PowerShell: POWERSHELL_CLASSIC,
  'Microsoft-Windows-Eventlog': EVENTLOG,
  'Service Control Manager': SERVICE_CONTROL_MANAGER,
  'Microsoft-Windows-TaskScheduler': TASK_SCHEDULER,
  'Microsoft-Windows-Windows Defender': WINDOWS_DEFENDER,
  'Microsoft-Windows-WMI-Activity': WMI_ACTIVITY,
  'Microsoft-Windows-NTLM': NTLM,
  'Microsoft-Windows-TerminalServices-RemoteConnectionManager': {
    1149: 'Remote desktop user authenticated',
  },
  'Microsoft-Windows-TerminalServices-LocalSessionManager': {
    21: 'Remote desktop logon succeeded',
    24: 'Remote desktop session disconnected',
    25: 'Remote desktop session reconnected',
  },
  'Microsoft-Windows-Bits-Client': {
    3: 'BITS job created',
    59: 'BITS transfer started',
    16403: 'File added to BITS job',
  },
  'Microsoft-Windows-DNS-Client': { 3008: 'DNS query completed' },
  'Microsoft-Windows-AppLocker': {
    8002: 'Executable or DLL allowed',
    8003: 'Executable or DLL would have been blocked (audit mode)',
    8004: 'Executable or DLL blocked',
    8005: 'Script or installer allowed',
    8006: 'Script or installer would have been blocked (audit mode)',
    8007: 'Script or installer blocked',
    8020: 'Packaged app allowed',
    8021: 'Packaged app would have been blocked (audit mode)',
    8022: 'Packaged app blocked',
    8023: 'Packaged app installation allowed',
    8024: 'Packaged app installation would have been blocked (audit mode)',
    8025: 'Packaged app installation blocked',
    8029: 'Executable or DLL blocked by application control policy',
    8040: 'Script or installer blocked by application control policy',
  },
  'Microsoft-Windows-PrintService': {
    316: 'Printer driver added or updated',
    808: 'Print spooler failed to load a plug-in',
    4909: 'Print spooler failed to load a plug-in module',
  },
  'Microsoft-Windows-CAPI2': {
    70: 'Certificate private key acquired',
    81: 'Digital signature verification failed',
  },
  'Microsoft-Windows-Kerberos-Key-Distribution-Center': KERBEROS_KDC,
  // The spelling some rules use for the same provider.
  'Kerberos-Key-Distribution-Center': KERBEROS_KDC,
  'Microsoft-Windows-Windows Firewall With Advanced Security': FIREWALL,
  'Microsoft-Windows-AppXDeployment-Server': APPX_DEPLOYMENT,
  'Microsoft-Windows-SoftwareRestrictionPolicies': SOFTWARE_RESTRICTION,
  'Microsoft-Windows-WindowsUpdateClient': WINDOWS_UPDATE,
  'Microsoft-Windows-DHCP-Server': DHCP_SERVER,
  MsiInstaller: MSI_INSTALLER,
  'Microsoft-Windows-Audit-CVE': AUDIT_CVE,
  'Audit-CVE': AUDIT_CVE,
  'Application Error': { 1000: 'Application crashed' },
  'Application Popup': { 26: 'Application popup shown' },
  ESENT: {
    216: 'Database location change detected',
    325: 'Database created',
    326: 'Database attached',
    327: 'Database detached',
  },
  LsaSrv: {
    6038: 'NTLM version 1 authentication in use',
    6039: 'NTLM version 1 authentication in use by a client',
  },
  'MSExchange CmdletLogs': {
    1: 'Exchange management cmdlet run',
    6: 'Exchange management cmdlet failed',
    8: 'Exchange management cmdlet raised an error',
  },
  'MSExchange Control Panel': { 4: 'Exchange control panel request failed' },
  MSMQ: { 2027: 'Corrupt message queuing packet received' },
  MSSQLSERVER: { 8128: 'Extended stored procedure DLL loaded' },
  'MSSQLSERVER$AUDIT': { 33205: 'SQL Server audit record written' },
  'Microsoft-IIS-Configuration': { 29: 'IIS configuration attribute changed' },
  'Microsoft-ServiceBus-Client': {
    40300: 'Relay listener connecting',
    40301: 'Relay listener connected',
    40302: 'Relay listener state changed',
  },
  'Microsoft-Windows-AppModel-Runtime': { 201: 'Packaged app process created' },
  'Microsoft-Windows-AppxPackagingOM': { 157: 'App package signature recorded' },
  'Microsoft-Windows-Backup': { 524: 'Backup catalog deleted' },
  'Microsoft-Windows-CertificateServicesClient-Lifecycle-System': {
    1007: 'Certificate exported from the machine store',
  },
  'Microsoft-Windows-CertificateServicesClient-Lifecycle-User': {
    1007: 'Certificate exported from the user store',
  },
  'Microsoft-Windows-CertificationAuthority': { 53: 'Certificate request denied' },
  'Microsoft-Windows-DNS-Server': { 257: 'DNS response sent' },
  'Microsoft-Windows-DNS-Server-Service': {
    150: 'Server plug-in DLL failed to load',
    770: 'Server plug-in DLL loaded',
    771: 'Server plug-in DLL failed to initialize',
    6004: 'Zone transfer request refused',
  },
  'Microsoft-Windows-Diagnosis-Scripted': { 101: 'Troubleshooting pack run' },
  'Microsoft-Windows-Directory-Services-SAM': {
    16990: 'Account object class check failed',
    16991: 'Account name check failed',
  },
  'Microsoft-Windows-DistributedCOM': { 10001: 'DCOM server could not be started' },
  'Microsoft-Windows-Iphlpsvc': { 4100: 'ISATAP router address set' },
  'Microsoft-Windows-Kernel-General': { 16: 'Registry hive access history cleared' },
  'Microsoft-Windows-LDAP-Client': { 30: 'LDAP search request sent' },
  'Microsoft-Windows-LSA': { 300: 'Standard user found in a privileged group' },
  'Microsoft-Windows-Ntfs': { 98: 'Volume checked and mounted' },
  'Microsoft-Windows-SMBClient': {
    30803: 'SMB connection to a server failed',
    30804: 'SMB connection to a server dropped',
    30806: 'SMB client reconnected to a server',
    31017: 'Guest logon to an SMB server rejected',
  },
  'Microsoft-Windows-SMBServer': { 4000: 'Share accessed without signing or encryption' },
  'Microsoft-Windows-Security-Mitigations': {
    11: 'Unsigned module load blocked (kernel mode)',
    12: 'Unsigned module load blocked',
  },
  'Microsoft-Windows-Shell-Core': { 28115: 'App shortcut added to the start menu' },
  'Microsoft-Windows-User Profiles Service': { 1511: 'Temporary profile loaded' },
  'Microsoft-Windows-WER-SystemErrorReporting': { 1001: 'System crash dump written' },
  NetLogon: { 5829: 'Vulnerable Netlogon secure channel allowed' },
  Ntfs: { 55: 'File system corruption detected' },
  OpenSSH: { 4: 'OpenSSH server event logged' },
  'Quick Assist': { 0: 'Quick Assist session event' },
  ScreenConnect: {
    200: 'ScreenConnect command run',
    201: 'ScreenConnect file transferred',
  },
  Security: { 517: 'Audit log cleared (Windows 2003 numbering)' },
  TermDD: {
    50: 'Remote desktop protocol error',
    56: 'Remote desktop protocol error reported by a client',
  },
  'Windows Error Reporting': { 1001: 'Error report created' },
  'Windows Server Update Services': { 7053: 'Update service console error' },
};

const TITLES_BY_NAME = new Map(
  Object.entries(TITLES).map(([provider, titles]) => [provider.toLowerCase(), titles]),
);

/** Our title for a provider's event (provider name in any letter case), if we wrote one. */
export function ownEventTitle(provider: string, eventId: number): string | undefined {
  return TITLES_BY_NAME.get(provider.toLowerCase())?.[eventId];
}

/** Every provider and event id we wrote a title for. */
export function ownTitledEvents(): { provider: string; eventId: number }[] {
  return Object.entries(TITLES).flatMap(([provider, titles]) =>
    Object.keys(titles).map((id) => ({ provider, eventId: Number(id) })),
  );
}
