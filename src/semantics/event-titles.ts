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
};

const WMI_ACTIVITY: Titles = {
  5857: 'WMI provider started',
  5858: 'WMI operation failed',
  5860: 'Temporary WMI event subscription registered',
  5861: 'Permanent WMI event subscription registered',
};

const NTLM: Titles = {
  8001: 'Outgoing NTLM authentication',
  8002: 'Incoming NTLM authentication',
  8004: 'NTLM authentication checked by domain controller',
};

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
  },
  'Microsoft-Windows-PrintService': {
    316: 'Printer driver added or updated',
    808: 'Print spooler failed to load a plug-in',
  },
  'Microsoft-Windows-CAPI2': { 70: 'Certificate private key acquired' },
};

/** Our title for a provider's event (provider spelled as in the catalog), if we wrote one. */
export function ownEventTitle(provider: string, eventId: number): string | undefined {
  return TITLES[provider]?.[eventId];
}

/** Every provider and event id we wrote a title for. */
export function ownTitledEvents(): { provider: string; eventId: number }[] {
  return Object.entries(TITLES).flatMap(([provider, titles]) =>
    Object.keys(titles).map((id) => ({ provider, eventId: Number(id) })),
  );
}
