// Golden KQL rules: values, lists, wildcards, escapes, ranges, nested queries, text fields.
// Expected lowerings read from each query by hand; the query itself stays in the corpus.

import type { ElasticGoldenCase } from './golden-case.js';

export const KUERY_CASES: ElasticGoldenCase[] = [
  {
    file: 'rules/apm/apm_403_response_to_a_post.toml',
    covers: ['kuery-value-list', 'kuery-number', 'index-patterns'],
    stages: [
      '1 from filter {"index":["apm-*-transaction*","traces-apm*"]} | or(_index ' +
        'wildcard cased "apm-*-transaction*", _index startswith cased "traces-apm")',
      '2 query filter {} | and(http.response.status_code eq cased 403, ' +
        'or(http.request.method eq cased "POST", http.request.method eq cased "post"))',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/integrations/endpoint/elastic_endpoint_security.toml',
    covers: ['kuery-precedence', 'kuery-not', 'exceptions'],
    stages: [
      '1 from filter {"index":["logs-endpoint.alerts-*"]} | _index startswith cased ' +
        '"logs-endpoint.alerts-"',
      '2 query filter {} | and(event.kind eq cased "alert", event.module eq cased ' +
        '"endpoint", not(event.module eq cased "endgame"))',
      '3 exceptions tuning-hook {"lists":["endpoint_list"]}',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/windows/command_and_control_quick_assist_fullcontrol_sharing.toml',
    covers: ['kuery-quoted', 'kuery-contains'],
    stages: [
      '1 from filter ' +
        '{"index":["logs-system.application*","logs-windows.forwarded*","winlogbeat-*' +
        '"]} | or(_index startswith cased "logs-system.application", _index startswith ' +
        'cased "logs-windows.forwarded", _index startswith cased "winlogbeat-")',
      '2 query filter {} | and(host.os.type eq cased "windows", winlog.channel eq cased ' +
        '"Application", event.provider eq cased "Quick Assist", event.code eq cased ' +
        '"0", winlog.event_data.param1 contains cased "FullControl", ' +
        'winlog.event_data.param1 contains cased "setsharingmode")',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/integrations/aws/defense_evasion_eks_control_plane_logging_disabled.toml',
    covers: ['kuery-wildcard'],
    stages: [
      '1 from filter {"index":["logs-aws.cloudtrail-*"]} | _index startswith cased ' +
        '"logs-aws.cloudtrail-"',
      '2 query filter {} | and(data_stream.dataset eq cased "aws.cloudtrail", ' +
        'event.provider eq cased "eks.amazonaws.com", event.action eq cased ' +
        '"UpdateClusterConfig", event.outcome eq cased "success", ' +
        'aws.cloudtrail.request_parameters wildcard cased "*logging*enabled=false*")',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/windows/privilege_escalation_newcreds_logon_rare_process.toml',
    covers: ['kuery-escapes', 'new_terms'],
    stages: [
      '1 from filter ' +
        '{"index":["winlogbeat-*","logs-system.security*","logs-windows.forwarded*"]}' +
        ' | or(_index startswith cased "winlogbeat-", _index startswith cased ' +
        '"logs-system.security", _index startswith cased "logs-windows.forwarded")',
      '2 query filter {} | and(event.category eq cased "authentication", host.os.type eq ' +
        'cased "windows", winlog.logon.type eq cased "NewCredentials", ' +
        'winlog.event_data.LogonProcessName startswith cased "Advapi", ' +
        'not(winlog.event_data.SubjectUserName endswith cased "$"), ' +
        'not(or(process.executable wildcard cased ' +
        '"C:\\\\\\\\Program*Files*(x86)\\\\\\\\*.exe", process.executable wildcard cased ' +
        '"C:\\\\\\\\Program*Files\\\\\\\\*.exe")))',
      '3 new_terms aggregate ' +
        '{"fields":["process.executable"],"historyWindowStart":"now-7d"}',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/windows/credential_access_protected_storage_service_access.toml',
    covers: ['kuery-ip-field', 'kuery-quoted-escapes'],
    stages: [
      '1 from filter ' +
        '{"index":["logs-system.security*","logs-windows.forwarded*","winlogbeat-*"]}' +
        ' | or(_index startswith cased "logs-system.security", _index startswith cased ' +
        '"logs-windows.forwarded", _index startswith cased "winlogbeat-")',
      '2 query filter {} | and(host.os.type eq cased "windows", event.category eq cased ' +
        '"file", event.code eq cased 5145, winlog.event_data.ShareName eq cased ' +
        '"\\\\\\\\*\\\\IPC$", winlog.event_data.RelativeTargetName eq cased ' +
        '"protected_storage", not(or(source.ip eq "::", source.ip eq "::1", source.ip ' +
        'eq "0.0.0.0", source.ip eq "127.0.0.1")))',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/integrations/dga/command_and_control_ml_dns_request_high_dga_probability.toml',
    covers: ['kuery-range'],
    stages: [
      '1 from filter {"index":["logs-endpoint.events.*","logs-network_traffic.*"]} | ' +
        'or(_index startswith cased "logs-endpoint.events.", _index startswith cased ' +
        '"logs-network_traffic.")',
      '2 query filter {} | ml_is_dga.malicious_probability gt cased 0.98',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/integrations/okta/persistence_administrator_role_assigned_to_okta_user.toml',
    covers: ['kuery-flattened'],
    stages: [
      '1 from filter {"index":["logs-okta*"]} | _index startswith cased "logs-okta"',
      '2 query filter {} | and(data_stream.dataset eq cased "okta.system", ' +
        'or(event.action eq cased "user.account.privilege.grant", event.action eq cased ' +
        '"group.privilege.grant"), ' +
        'okta.debug_context.debug_data.flattened.privilegeGranted contains cased ' +
        '"administrator")',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/integrations/gcp/persistence_gcp_service_account_impersonation_role_grant.toml',
    covers: ['kuery-nested'],
    stages: [
      '1 from filter {"index":["logs-gcp.audit-*"]} | _index startswith cased ' +
        '"logs-gcp.audit-"',
      '2 query filter {} | and(data_stream.dataset eq cased "gcp.audit", event.action ' +
        'wildcard cased "google.iam.admin.v*.SetIAMPolicy", event.outcome eq cased ' +
        '"success", gcp.audit.service_data.policy_delta.binding_deltas.action eq cased ' +
        '"ADD", or(gcp.audit.service_data.policy_delta.binding_deltas.role eq cased ' +
        '"roles/iam.serviceAccountTokenCreator", ' +
        'gcp.audit.service_data.policy_delta.binding_deltas.role eq cased ' +
        '"roles/iam.serviceAccountUser", ' +
        'gcp.audit.service_data.policy_delta.binding_deltas.role eq cased ' +
        '"roles/iam.serviceAccountOpenIdTokenCreator"))',
      '3 new_terms aggregate {"fields":["user.id"],"historyWindowStart":"now-10d"}',
    ],
    diagnostics: ['warning kuery.nested'],
  },
  {
    file: 'rules/windows/defense_evasion_posh_compressed.toml',
    covers: ['kuery-text-field', 'filters'],
    stages: [
      '1 from filter {"index":["logs-windows.powershell*","winlogbeat-*"]} | ' +
        'or(_index startswith cased "logs-windows.powershell", _index startswith cased ' +
        '"winlogbeat-")',
      '2 filters filter {"count":1} | not(file.path wildcard ' +
        '"?:\\\\\\\\ProgramData\\\\\\\\Microsoft\\\\\\\\Windows Defender Advanced Threat ' +
        'Protection\\\\\\\\Downloads\\\\\\\\*")',
      '3 query filter {} | and(event.category eq cased "process", host.os.type eq cased ' +
        '"windows", powershell.file.script_block_entropy_bits ge cased 4.5, ' +
        'or(powershell.file.script_block_text contains ' +
        '"System.IO.Compression.DeflateStream", powershell.file.script_block_text contains ' +
        '"System.IO.Compression.GzipStream", powershell.file.script_block_text contains ' +
        '"IO.Compression.DeflateStream", powershell.file.script_block_text contains ' +
        '"IO.Compression.GzipStream"), powershell.file.script_block_text contains ' +
        '"FromBase64String", not(user.id eq cased "S-1-5-18"))',
    ],
    diagnostics: [],
  },
  {
    file: 'rules_building_block/persistence_transport_agent_exchange.toml',
    covers: ['query-dsl-wildcard'],
    stages: [
      '1 from filter {"index":["winlogbeat-*","logs-windows.powershell*"]} | ' +
        'or(_index startswith cased "winlogbeat-", _index startswith cased ' +
        '"logs-windows.powershell")',
      '2 filters filter {"count":4} | and(not(file.path wildcard ' +
        '"?:\\\\\\\\Users\\\\\\\\*\\\\\\\\AppData\\\\\\\\Roaming\\\\\\\\Microsoft\\\\\\\\Exc' +
        'hange\\\\\\\\RemotePowerShell\\\\\\\\*"), not(file.path wildcard ' +
        '"?:\\\\\\\\Users\\\\\\\\*\\\\\\\\AppData\\\\\\\\Local\\\\\\\\Temp\\\\\\\\tmp_??????' +
        '??.???\\\\\\\\tmp_????????.???.ps?1"), not(file.path wildcard ' +
        '"?:\\\\\\\\Windows\\\\\\\\TEMP\\\\\\\\tmp_????????.???\\\\\\\\tmp_????????.???.ps?1' +
        '"), not(file.path wildcard ' +
        '"?:\\\\\\\\Users\\\\\\\\*\\\\\\\\AppData\\\\\\\\Local\\\\\\\\Temp\\\\\\\\*\\\\\\\\t' +
        'mp_????????.???\\\\\\\\tmp_????????.???.ps?1"))',
      '3 query filter {} | and(event.category eq cased "process", host.os.type eq cased ' +
        '"windows", or(powershell.file.script_block_text contains ' +
        '"Install-TransportAgent", powershell.file.script_block_text contains ' +
        '"Enable-TransportAgent"), not(user.id eq cased "S-1-5-18"), ' +
        'not(or(powershell.file.script_block_text contains "\'Install-TransportAgent\', ' +
        '\'Invoke-MonitoringProbe\', \'Mount-Database\', \'Move-ActiveMailboxDatabase\',", ' +
        'powershell.file.script_block_text contains "\'Enable-TransportAgent\', ' +
        '\'Enable-TransportRule\', \'Export-ActiveSyncLog\', \'Export-AutoDiscoverConfig\',", ' +
        'and(powershell.file.script_block_text contains "scriptCmd.GetSteppablePipeline", ' +
        'powershell.file.script_block_text contains "ForwardHelpTargetName ' +
        'Install-TransportAgent"))))',
    ],
    diagnostics: [],
  },
];
