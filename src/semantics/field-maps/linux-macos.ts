// Linux and macOS logs: Sysmon for Linux and the generic process, file and network categories
// of Sigma's taxonomy (Sysmon names), and Linux audit records (Sigma's `linux/auditd`, Splunk's
// `linux:audit`), mapped to ECS and to Elastic's Auditd integrations (`auditd.*`).

import type { FieldMap, FieldTable } from './field-table.js';

const PROCESS: FieldTable = {
  Image: 'process.executable',
  CommandLine: 'process.command_line',
  CurrentDirectory: 'process.working_directory',
  ProcessId: 'process.pid',
  ProcessGuid: 'process.entity_id',
  User: 'user.name',
  ParentImage: 'process.parent.executable',
  ParentCommandLine: 'process.parent.command_line',
  ParentProcessId: 'process.parent.pid',
  ParentUser: 'process.parent.user.name',
  OriginalFileName: 'process.pe.original_file_name',
};

/** Sigma's generic categories on Linux and macOS, by category. */
export const UNIX_CATEGORY_FIELDS: Readonly<Record<string, FieldMap>> = {
  process_creation: { names: PROCESS },
  file_event: { names: { ...PROCESS, TargetFilename: 'file.path' } },
  network_connection: {
    names: {
      ...PROCESS,
      DestinationIp: 'destination.ip',
      DestinationPort: 'destination.port',
      DestinationHostname: 'destination.domain',
      SourceIp: 'source.ip',
      SourcePort: 'source.port',
      Protocol: 'network.transport',
    },
  },
};

/** Linux audit records, in raw (lower case) and interpreted (upper case) spellings. */
export const AUDITD_FIELDS: FieldMap = {
  names: {
    type: 'auditd.message_type',
    a0: 'auditd.data.a0',
    a1: 'auditd.data.a1',
    a2: 'auditd.data.a2',
    a3: 'auditd.data.a3',
    a4: 'auditd.data.a4',
    a5: 'auditd.data.a5',
    a6: 'auditd.data.a6',
    a7: 'auditd.data.a7',
    argc: 'process.args_count',
    syscall: 'auditd.data.syscall',
    SYSCALL: 'auditd.data.syscall',
    exe: 'process.executable',
    comm: 'process.name',
    proctitle: 'process.title',
    pid: 'process.pid',
    ppid: 'process.parent.pid',
    cwd: 'process.working_directory',
    name: 'file.path',
    nametype: 'auditd.paths.nametype',
    key: 'tags',
    uid: 'user.id',
    UID: 'user.name',
    euid: 'user.effective.id',
    EUID: 'user.effective.name',
    terminal: 'auditd.data.terminal',
    unit: 'auditd.data.unit',
    success: 'event.outcome',
    res: 'event.outcome',
  },
};
