// Fields Splunk's normalization macros compute, with the ECS field each one stands for as the
// macro's own definition and description say. A rule reading such a field reads that value,
// whatever raw records the macro rebuilt it from.

/** Per macro name, the fields it computes and their ECS names. */
export const SPLUNK_MACRO_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // Both rebuild the process command line of an auditd record: from the hex or plain
  // PROCTITLE, or by joining an EXECVE record's arguments a0, a1, … with spaces.
  linux_auditd_normalized_proctitle_process: { process_exec: 'process.command_line' },
  linux_auditd_normalized_execve_process: { process_exec: 'process.command_line' },
};
