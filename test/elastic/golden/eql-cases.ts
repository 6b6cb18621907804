// Golden EQL rules: operators, functions, optional fields, sequences, samples.
// Expected lowerings read from each query by hand; the query itself stays in the corpus.

import type { ElasticGoldenCase } from './golden-case.js';

export const EQL_CASES: ElasticGoldenCase[] = [
  {
    file: 'rules/macos/defense_evasion_sandboxed_office_app_suspicious_zip_file.toml',
    covers: ['eql-in', 'eql-like-insensitive'],
    stages: [
      '1 from filter {"index":["logs-endpoint.events.*"]} | _index startswith cased ' +
        '"logs-endpoint.events."',
      '2 query filter {} | and(event.category eq cased "file", host.os.type eq cased ' +
        '"macos", or(event.action eq cased "modification", event.action eq cased ' +
        '"rename"), file.name wildcard "~$*.zip")',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/network/persistence_mysql_udf_injection.toml',
    covers: ['eql-any-category'],
    stages: [
      '1 from filter {"index":["logs-network_traffic.mysql-*"]} | _index startswith ' +
        'cased "logs-network_traffic.mysql-"',
      '2 query filter {} | and(data_stream.dataset eq cased "network_traffic.mysql", ' +
        'network_traffic.mysql.query wildcard "*create*function*soname*")',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/linux/execution_process_started_from_process_id_file.toml',
    covers: ['eql-regex-insensitive'],
    stages: [
      '1 from filter ' +
        '{"index":["auditbeat-*","endgame-*","logs-auditd_manager.auditd-*","logs-cr' +
        'owdstrike.fdr*","logs-endpoint.events.process*"]} | or(_index startswith cased ' +
        '"auditbeat-", _index startswith cased "endgame-", _index startswith cased ' +
        '"logs-auditd_manager.auditd-", _index startswith cased "logs-crowdstrike.fdr", ' +
        '_index startswith cased "logs-endpoint.events.process")',
      '2 query filter {} | and(event.category eq cased "process", host.os.type eq cased ' +
        '"linux", event.type eq cased "start", user.id eq cased "0", ' +
        'process.executable regex/i "/var/run/\\\\w+\\\\.(pid|lock|reboot)")',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/windows/discovery_ad_explorer_execution.toml',
    covers: ['eql-optional-field', 'eql-colon-wildcard'],
    stages: [
      '1 from filter ' +
        '{"index":["endgame-*","logs-crowdstrike.fdr*","logs-endpoint.events.process-*' +
        '","logs-m365_defender.event-*","logs-sentinel_one_cloud_funnel.*","logs-system' +
        '.security*","logs-windows.forwarded*","logs-windows.sysmon_operational-*","win' +
        'logbeat-*"]} | or(_index startswith cased "endgame-", _index startswith cased ' +
        '"logs-crowdstrike.fdr", _index startswith cased ' +
        '"logs-endpoint.events.process-", _index startswith cased ' +
        '"logs-m365_defender.event-", _index startswith cased ' +
        '"logs-sentinel_one_cloud_funnel.", _index startswith cased ' +
        '"logs-system.security", _index startswith cased "logs-windows.forwarded", ' +
        '_index startswith cased "logs-windows.sysmon_operational-", _index startswith ' +
        'cased "winlogbeat-")',
      '2 query filter {} | and(event.category eq cased "process", host.os.type eq cased ' +
        '"windows", event.type eq cased "start", or(process.name wildcard ' +
        '"ADExplorer*.exe", process.pe.original_file_name eq cased "AdExp"))',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/windows/credential_access_saved_creds_vaultcmd.toml',
    covers: ['eql-colon'],
    stages: [
      '1 from filter ' +
        '{"index":["endgame-*","logs-crowdstrike.fdr*","logs-endpoint.events.process-*' +
        '","logs-m365_defender.event-*","logs-sentinel_one_cloud_funnel.*","logs-system' +
        '.security*","logs-windows.forwarded*","logs-windows.sysmon_operational-*","win' +
        'logbeat-*"]} | or(_index startswith cased "endgame-", _index startswith cased ' +
        '"logs-crowdstrike.fdr", _index startswith cased ' +
        '"logs-endpoint.events.process-", _index startswith cased ' +
        '"logs-m365_defender.event-", _index startswith cased ' +
        '"logs-sentinel_one_cloud_funnel.", _index startswith cased ' +
        '"logs-system.security", _index startswith cased "logs-windows.forwarded", ' +
        '_index startswith cased "logs-windows.sysmon_operational-", _index startswith ' +
        'cased "winlogbeat-")',
      '2 query filter {} | and(event.category eq cased "process", host.os.type eq cased ' +
        '"windows", event.type eq cased "start", or(process.pe.original_file_name eq ' +
        '"vaultcmd.exe", process.name eq "vaultcmd.exe"), process.args startswith ' +
        '"/list")',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/cross-platform/defense_evasion_missing_events_after_alert.toml',
    covers: ['eql-sequence', 'eql-maxspan', 'eql-missing-step'],
    stages: [
      '1 from filter {"index":["logs-endpoint.*"]} | _index startswith cased ' +
        '"logs-endpoint."',
      '2 sequence aggregate ' +
        '{"by":["host.id"],"steps":2,"maxspan":"5m","until":null} | ' +
        'data_stream.dataset eq cased "endpoint.alerts"',
      '3 step filter-aggregated {"step":1,"by":[]} | data_stream.dataset eq cased ' +
        '"endpoint.alerts"',
      '4 step filter-aggregated {"step":2,"by":[],"missing":true} | ' +
        'not(or(event.category eq cased "process", event.category eq cased "library", ' +
        'event.category eq cased "registry", event.category eq cased "network", ' +
        'event.category eq cased "dns", event.category eq cased "file"))',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/integrations/azure/initial_access_entra_id_protection_alerts_for_user.toml',
    covers: ['eql-runs'],
    stages: [
      '1 from filter {"index":["logs-azure.identity_protection-*"]} | _index ' +
        'startswith cased "logs-azure.identity_protection-"',
      '2 sequence aggregate ' +
        '{"by":["azure.identityprotection.properties.user_principal_name"],"steps":1,"' +
        'maxspan":"10m","until":null} | and(event.module eq cased "azure", ' +
        'data_stream.dataset eq cased "azure.identity_protection")',
      '3 step filter-aggregated {"step":1,"by":[],"runs":2} | and(event.module eq ' +
        'cased "azure", data_stream.dataset eq cased "azure.identity_protection")',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/linux/execution_shell_via_meterpreter_linux.toml',
    covers: ['eql-sample'],
    stages: [
      '1 from filter {"index":["auditbeat-*","logs-auditd_manager.auditd-*"]} | ' +
        'or(_index startswith cased "auditbeat-", _index startswith cased ' +
        '"logs-auditd_manager.auditd-")',
      '2 sample aggregate {"by":["host.id","process.pid","user.id"],"steps":5} | ' +
        'or(and(event.category eq cased "file", host.os.type eq cased "linux", ' +
        'auditd.data.syscall eq cased "open", auditd.data.a2 eq cased "1b6", file.path ' +
        'eq cased "/etc/machine-id"), and(event.category eq cased "file", host.os.type ' +
        'eq cased "linux", auditd.data.syscall eq cased "open", auditd.data.a2 eq cased ' +
        '"1b6", file.path eq cased "/etc/passwd"), and(event.category eq cased "file", ' +
        'host.os.type eq cased "linux", auditd.data.syscall eq cased "open", ' +
        'auditd.data.a2 eq cased "1b6", file.path eq cased "/proc/net/route"), ' +
        'and(event.category eq cased "file", host.os.type eq cased "linux", ' +
        'auditd.data.syscall eq cased "open", auditd.data.a2 eq cased "1b6", file.path ' +
        'eq cased "/proc/net/ipv6_route"), and(event.category eq cased "file", ' +
        'host.os.type eq cased "linux", auditd.data.syscall eq cased "open", ' +
        'auditd.data.a2 eq cased "1b6", file.path eq cased "/proc/net/if_inet6"))',
      '3 step filter-aggregated {"step":1,"by":[]} | and(event.category eq cased ' +
        '"file", host.os.type eq cased "linux", auditd.data.syscall eq cased "open", ' +
        'auditd.data.a2 eq cased "1b6", file.path eq cased "/etc/machine-id")',
      '4 step filter-aggregated {"step":2,"by":[]} | and(event.category eq cased ' +
        '"file", host.os.type eq cased "linux", auditd.data.syscall eq cased "open", ' +
        'auditd.data.a2 eq cased "1b6", file.path eq cased "/etc/passwd")',
      '5 step filter-aggregated {"step":3,"by":[]} | and(event.category eq cased ' +
        '"file", host.os.type eq cased "linux", auditd.data.syscall eq cased "open", ' +
        'auditd.data.a2 eq cased "1b6", file.path eq cased "/proc/net/route")',
      '6 step filter-aggregated {"step":4,"by":[]} | and(event.category eq cased ' +
        '"file", host.os.type eq cased "linux", auditd.data.syscall eq cased "open", ' +
        'auditd.data.a2 eq cased "1b6", file.path eq cased "/proc/net/ipv6_route")',
      '7 step filter-aggregated {"step":5,"by":[]} | and(event.category eq cased ' +
        '"file", host.os.type eq cased "linux", auditd.data.syscall eq cased "open", ' +
        'auditd.data.a2 eq cased "1b6", file.path eq cased "/proc/net/if_inet6")',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/integrations/okta/credential_access_okta_mfa_bombing_via_push_notifications.toml',
    covers: ['eql-until'],
    stages: [
      '1 from filter {"index":["filebeat-*","logs-okta.system*"]} | or(_index ' +
        'startswith cased "filebeat-", _index startswith cased "logs-okta.system")',
      '2 sequence aggregate ' +
        '{"by":["okta.actor.id"],"steps":1,"maxspan":"10m","until":"[ any\\n    ' +
        'where data_stream.dataset == \\"okta.system\\"\\n      and okta.event_type in ' +
        '(\\n        \\"user.authentication.sso\\",\\n        ' +
        '\\"user.authentication.auth_via_mfa\\",\\n        ' +
        '\\"user.authentication.verify\\",\\n        \\"user.session.start\\"\\n      ' +
        ')\\n      and okta.outcome.result == \\"SUCCESS\\"\\n  ]"} | ' +
        'and(data_stream.dataset eq cased "okta.system", or(okta.event_type eq cased ' +
        '"user.mfa.okta_verify.deny_push", and(okta.event_type eq cased ' +
        '"user.authentication.auth_via_mfa", okta.debug_context.debug_data.factor eq cased ' +
        '"OKTA_VERIFY_PUSH", okta.outcome.reason eq cased "INVALID_CREDENTIALS")))',
      '3 step filter-aggregated {"step":1,"by":[],"runs":5} | ' +
        'and(data_stream.dataset eq cased "okta.system", or(okta.event_type eq cased ' +
        '"user.mfa.okta_verify.deny_push", and(okta.event_type eq cased ' +
        '"user.authentication.auth_via_mfa", okta.debug_context.debug_data.factor eq cased ' +
        '"OKTA_VERIFY_PUSH", okta.outcome.reason eq cased "INVALID_CREDENTIALS")))',
      '4 until filter-aggregated {"by":[]} | not(and(data_stream.dataset eq cased ' +
        '"okta.system", or(okta.event_type eq cased "user.authentication.sso", ' +
        'okta.event_type eq cased "user.authentication.auth_via_mfa", okta.event_type eq ' +
        'cased "user.authentication.verify", okta.event_type eq cased ' +
        '"user.session.start"), okta.outcome.result eq cased "SUCCESS"))',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/integrations/aws/exfiltration_s3_bucket_replicated_to_external_account.toml',
    covers: ['eql-stringcontains', 'category-override'],
    stages: [
      '1 from filter {"index":["filebeat-*","logs-aws.cloudtrail-*"]} | or(_index ' +
        'startswith cased "filebeat-", _index startswith cased "logs-aws.cloudtrail-")',
      '2 query filter {} | and(event.type eq cased "info", data_stream.dataset eq cased ' +
        '"aws.cloudtrail", event.action eq cased "PutBucketReplication", event.outcome ' +
        'eq cased "success", aws.cloudtrail.request_parameters contains cased "Account=")',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/cross-platform/initial_access_ollama_api_external_access.toml',
    covers: ['eql-cidrmatch', 'eql-null'],
    stages: [
      '1 from filter {"index":["logs-endpoint.events.network-*"]} | _index startswith ' +
        'cased "logs-endpoint.events.network-"',
      '2 query filter {} | and(event.category eq cased "network", event.action eq cased ' +
        '"connection_accepted", or(process.name eq cased "ollama", process.name eq cased ' +
        '"ollama.exe"), destination.port eq cased 11434, source.ip exists cased, source.ip ' +
        'ne cased "0.0.0.0", not(or(source.ip cidr "10.0.0.0/8", source.ip cidr ' +
        '"127.0.0.0/8", source.ip cidr "169.254.0.0/16", source.ip cidr ' +
        '"172.16.0.0/12", source.ip cidr "192.168.0.0/16", source.ip cidr ' +
        '"100.64.0.0/10", source.ip cidr "::1", source.ip cidr "fe80::/10", source.ip ' +
        'cidr "fc00::/7", source.ip cidr "ff00::/8")))',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/windows/lateral_movement_defense_evasion_lanman_nullsessionpipe_modification.toml',
    covers: ['eql-length', 'computed-condition'],
    stages: [
      '1 from filter ' +
        '{"index":["logs-endpoint.events.registry-*","endgame-*","logs-windows.sysmon_' +
        'operational-*","winlogbeat-*","logs-m365_defender.event-*","logs-sentinel_one_' +
        'cloud_funnel.*","logs-crowdstrike.fdr*"]} | or(_index startswith cased ' +
        '"logs-endpoint.events.registry-", _index startswith cased "endgame-", _index ' +
        'startswith cased "logs-windows.sysmon_operational-", _index startswith cased ' +
        '"winlogbeat-", _index startswith cased "logs-m365_defender.event-", _index ' +
        'startswith cased "logs-sentinel_one_cloud_funnel.", _index startswith cased ' +
        '"logs-crowdstrike.fdr")',
      '2 query filter {} | and(event.category eq cased "registry", host.os.type eq cased ' +
        '"windows", event.type eq cased "change", registry.value eq ' +
        '"NullSessionPipes", computed(length(registry.data.strings) > 0), ' +
        'not(registry.data.strings eq "(empty)"))',
    ],
    diagnostics: [],
  },
  {
    file: 'rules_building_block/defense_evasion_invalid_codesign_imageload.toml',
    covers: ['eql-startswith-fields', 'eql-order'],
    stages: [
      '1 from filter {"index":["logs-endpoint.events.library-*"]} | _index startswith ' +
        'cased "logs-endpoint.events.library-"',
      '2 query filter {} | and(event.category eq cased "library", host.os.type eq cased ' +
        '"windows", event.action eq cased "load", or(dll.code_signature.status eq ' +
        '"errorUntrustedRoot", dll.code_signature.status eq "errorBadDigest", ' +
        'dll.code_signature.status eq "errorUntrustedRoot"), ' +
        'or(dll.Ext.relative_file_creation_time le cased 500, ' +
        'dll.Ext.relative_file_name_modify_time le cased 500), ' +
        'not(computed(startswith~(dll.name, process.name))), not(dll.path wildcard ' +
        '"?:\\\\\\\\Windows\\\\\\\\System32\\\\\\\\DriverStore\\\\\\\\FileRepository\\\\\\\\' +
        '*"))',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/windows/defense_evasion_suspicious_short_program_name.toml',
    covers: ['eql-not-null'],
    stages: [
      '1 from filter ' +
        '{"index":["winlogbeat-*","logs-endpoint.events.process-*","logs-windows.sysmo' +
        'n_operational-*","endgame-*","logs-m365_defender.event-*","logs-crowdstrike.fd' +
        'r*"]} | or(_index startswith cased "winlogbeat-", _index startswith cased ' +
        '"logs-endpoint.events.process-", _index startswith cased ' +
        '"logs-windows.sysmon_operational-", _index startswith cased "endgame-", _index ' +
        'startswith cased "logs-m365_defender.event-", _index startswith cased ' +
        '"logs-crowdstrike.fdr")',
      '2 query filter {} | and(event.category eq cased "process", host.os.type eq cased ' +
        '"windows", event.type eq cased "start", process.name regex/i ' +
        '"[a-z0-9]\\\\.exe", process.pe.original_file_name exists cased)',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/windows/credential_access_machine_account_smb_relay.toml',
    covers: ['eql-substring', 'eql-endswith'],
    stages: [
      '1 from filter ' +
        '{"index":["logs-system.security*","logs-windows.forwarded*","winlogbeat-*"]}' +
        ' | or(_index startswith cased "logs-system.security", _index startswith cased ' +
        '"logs-windows.forwarded", _index startswith cased "winlogbeat-")',
      '2 query filter {} | and(event.category eq cased "file", host.os.type eq cased ' +
        '"windows", event.code eq cased "5145", user.name endswith cased "$", ' +
        'computed(startswith~(concat(winlog.computer_name, "."), ' +
        'concat(substring(user.name, 0, -1), "."))), ' +
        'not(computed(endswith(string(source.ip), string(host.ip)))), source.ip ne cased ' +
        '"::", source.ip exists cased, source.ip ne cased "::1", source.ip ne cased ' +
        '"127.0.0.1")',
    ],
    diagnostics: [],
  },
];
