// Golden cases for the `search` command: precedence, NOT, IN, quoting, wildcards, bare terms,
// `!=`, subsearches and comments, in real corpus detections.

import { CTIME_FIRST_LAST, hook, type GoldenCase } from './golden-case.js';

const WINEVENTLOG_SECURITY = 'or(eventtype eq~ "wineventlog_security", Channel eq~ "security", ' +
  'source eq~ "XmlWinEventLog:Security")@wineventlog_security';

/** The VPC flow terms detect_spike_in_blocked_outbound_traffic_from_your_aws repeats. */
const VPC_FLOW_BLOCKED = 'sourcetype eq~ "aws:cloudwatchlogs:vpcflow"@cloudwatchlogs_vpcflow, ' +
  'action eq~ "blocked", or(src_ip cidr~ "10.0.0.0/8", src_ip cidr~ "172.16.0.0/12", ' +
  'src_ip cidr~ "192.168.0.0/16"), dest_ip exists~, not(dest_ip cidr~ "10.0.0.0/8"), ' +
  'dest_ip exists~, not(dest_ip cidr~ "172.16.0.0/12"), dest_ip exists~, ' +
  'not(dest_ip cidr~ "192.168.0.0/16")';

/** `map search="search `wineventlog_security` EventCode=4624 TargetLogonId=$TargetLogonId$"`. */
const LOGON_MAP = '{: map enrich}';

export const SEARCH_CASES: GoldenCase[] = [
  {
    // A parenthesized macro, implicit AND between terms, an explicit AND beside an OR group.
    id: '2a048c14-4634-11ec-a618-3e22fbd008af',
    file: 'detections/endpoint/' +
      'remote_process_instantiation_via_wmi_and_powershell_script_block.yml',
    covers: [
      'search', 'stats', 'convert', 'implicit-and', 'wildcards', 'macro-origin', 'ctime-format',
      'tuning-hook', 'search-case-insensitive',
    ],
    stages: [
      'search filter',
      'stats aggregate by=EventCode,ScriptBlockText,Computer,UserID',
      ...CTIME_FIRST_LAST,
      hook('remote_process_instantiation_via_wmi_and_powershell_script_block_filter'),
    ],
    predicates: {
      1: 'and(or(source eq~ "WinEventLog:Microsoft-Windows-PowerShell/Operational", ' +
        'source eq~ "XmlWinEventLog:Microsoft-Windows-PowerShell/Operational")@powershell, ' +
        'EventCode eq~ 4104, ScriptBlockText contains~ "Invoke-WmiMethod", ' +
        'or(ScriptBlockText contains~ "-CN", ScriptBlockText contains~ "-ComputerName"), ' +
        'ScriptBlockText contains~ "-Class Win32_Process", ' +
        'ScriptBlockText contains~ "-Name create")',
    },
    args: {
      2: {
        options: {},
        aggregations: [
          { function: 'count', field: null, as: null },
          { function: 'min', field: '_time', as: 'firstTime' },
          { function: 'max', field: '_time', as: 'lastTime' },
        ],
        by: ['EventCode', 'ScriptBlockText', 'Computer', 'UserID'],
      },
      3: {
        options: { timeformat: '%Y-%m-%dT%H:%M:%S' },
        conversions: [{ function: 'ctime', field: 'firstTime', as: null }],
      },
    },
  },
  {
    // `wineventlog_security` has no parentheses: `a OR b OR c EventCode=4662 …` still reads as
    // (a OR b OR c) AND …, because OR binds tighter. IN mixes plain and wildcard values;
    // NOT takes the parenthesized group that follows it.
    id: '51307514-1236-49f6-8686-d46d93cc2821',
    file: 'detections/endpoint/windows_ad_replication_request_initiated_by_user_account.yml',
    covers: [
      'or-binds-tighter', 'in', 'not-next-term', 'appendpipe', 'map', 'table', 'rename',
    ],
    stages: [
      'search filter',
      'stats aggregate by=SubjectDomainName,SubjectUserName,Computer,Logon_ID,ObjectName,' +
        'ObjectServer,ObjectType,OperationType,status',
      'rename format',
      'appendpipe enrich',
      'table format',
      'stats aggregate by=TargetLogonId',
      hook('windows_ad_replication_request_initiated_by_user_account_filter'),
    ],
    predicates: {
      1: `and(${WINEVENTLOG_SECURITY}, EventCode eq~ 4662, ` +
        'ObjectType in~ "%{19195a5b-6da0-11d0-afd3-00c04fd930c9}" "domainDNS", ' +
        'or(Properties contains~ "Replicating Directory Changes All", ' +
        'Properties contains~ "{1131f6ad-9c07-11d1-f79f-00c04fc2dcd2}", ' +
        'Properties contains~ "{9923a32a-3607-11d2-b9be-0000f87a36b2}", ' +
        'Properties contains~ "{1131f6ac-9c07-11d1-f79f-00c04fc2dcd2}"), ' +
        'AccessMask eq~ "0x100", ' +
        'not(or(SubjectUserSid startswith~ "NT AUT", SubjectUserSid eq~ "S-1-5-18", ' +
        'SubjectDomainName eq~ "Window Manager", SubjectUserName endswith~ "$")))',
    },
    subsearches: { 4: [LOGON_MAP] },
    args: {
      3: {
        renames: [
          { from: 'SubjectDomainName', to: 'Target_Domain' },
          { from: 'SubjectUserName', to: 'user' },
          { from: 'Logon_ID', to: 'TargetLogonId' },
          { from: '_time', to: 'attack_time' },
        ],
      },
    },
  },
  {
    // `a OR b OR c EventCode=4720 OR (EventCode=4732 Group_Name=Administrators)`: two OR groups
    // joined by the implicit AND. `transaction src_user` groups events by src_user.
    id: 'b25f6f62-0712-43c1-b203-083231ffd97d',
    file: 'detections/endpoint/detect_new_local_admin_account.yml',
    covers: ['or-binds-tighter', 'transaction'],
    stages: [
      'search filter',
      'transaction aggregate by=src_user',
      'rename format',
      'stats aggregate by=user,dest',
      ...CTIME_FIRST_LAST,
      hook('detect_new_local_admin_account_filter'),
    ],
    predicates: {
      1: `and(${WINEVENTLOG_SECURITY}, or(EventCode eq~ 4720, ` +
        'and(EventCode eq~ 4732, Group_Name eq~ "Administrators")))',
    },
  },
  {
    // Bare words match raw event text.
    id: '88fc31dd-f331-448c-9856-d3d51dd5d3a1',
    file: 'detections/cloud/aws_detect_attach_to_role_policy.yml',
    covers: ['bare-terms', 'spath'],
    stages: [
      'search filter',
      'spath enrich',
      'table format',
      hook('aws_detect_attach_to_role_policy_filter'),
    ],
    predicates: {
      1: 'and(sourcetype eq~ "aws:cloudwatchlogs:eks"@aws_cloudwatchlogs_eks, ' +
        '_raw contains~ "attach", _raw contains~ "policy")',
    },
  },
  {
    // A quoted bare term is one phrase; `\\` in quotes is one backslash.
    id: '93fbec4e-0375-440c-8db3-4508eca470c4',
    file: 'detections/endpoint/detect_baron_samedit_cve_2021_3156.yml',
    covers: ['bare-terms', 'quoted-vs-unquoted'],
    stages: ['search filter', hook('detect_baron_samedit_cve_2021_3156_filter')],
    predicates: { 1: 'and(index eq~ "unix"@linux_hosts, _raw contains~ "sudoedit -s \\\\")' },
  },
  {
    // TERM(x) is a raw-text term; a where after stats filters aggregated rows.
    id: '10f2bae0-bbe6-4984-808c-37dc1c67980d',
    file: 'detections/endpoint/detect_baron_samedit_cve_2021_3156_segfault.yml',
    covers: ['bare-terms', 'where'],
    stages: [
      'search filter',
      'stats aggregate by=host',
      'where filter-aggregated',
      hook('detect_baron_samedit_cve_2021_3156_segfault_filter'),
    ],
    predicates: {
      1: 'and(index eq~ "unix"@linux_hosts, _raw contains~ "sudoedit", _raw contains~ "segfault")',
      3: 'count gt 5',
    },
    eventFilter: 'and(index eq~ "unix"@linux_hosts, _raw contains~ "sudoedit", ' +
      '_raw contains~ "segfault")',
  },
  {
    // `f!=x` keeps only events that have f, unlike `NOT f=x`: it is `ne`, not not(eq).
    id: '826dbaae-a1e6-4c8c-b384-d16898956e73',
    file: 'detections/application/okta_multiple_failed_mfa_requests_for_user.yml',
    covers: ['ne-vs-not', 'bucket'],
    stages: [
      'search filter',
      'bucket enrich',
      'stats aggregate by=_time,src_user',
      'where filter-aggregated',
      ...CTIME_FIRST_LAST,
      hook('okta_multiple_failed_mfa_requests_for_user_filter'),
    ],
    predicates: {
      1: 'and(or(eventtype eq~ "okta_log", sourcetype eq~ "OktaIM2:log")@okta, ' +
        'eventType eq~ "user.authentication.auth_via_mfa", outcome.result eq~ "FAILURE", ' +
        'debugContext.debugData.factor ne~ "PASSWORD_AS_FACTOR")',
      4: 'count ge 10',
    },
  },
  {
    // `f!="…*…"` with a wildcard: f present and not matching the pattern. The stars in these
    // quoted values are wildcards too. A search after rex, before stats, still filters events.
    id: '38cbd42c-1098-41bb-99cf-9d6d2b296d83',
    file: 'detections/endpoint/wmi_temporary_event_subscription.yml',
    covers: ['ne-vs-not', 'wildcards', 'bare-terms', 'rex'],
    stages: [
      'search filter',
      'rex enrich',
      'search filter',
      'stats aggregate by=ComputerName,query',
      ...CTIME_FIRST_LAST,
      hook('wmi_temporary_event_subscription_filter'),
    ],
    predicates: {
      1: 'and(sourcetype eq~ "wineventlog:microsoft-windows-wmi-activity/operational"@wmi, ' +
        'EventCode eq~ 5860, _raw contains~ "Temporary")',
      3: 'and(query exists~, not(query wildcard~ "SELECT * FROM Win32_ProcessStartTrace ' +
        'WHERE ProcessName = \'wsmprovhost.exe\'"), query exists~, not(query wildcard~ ' +
        '"SELECT * FROM __InstanceOperationEvent WHERE TargetInstance ISA \'AntiVirusProduct\' ' +
        'OR TargetInstance ISA \'FirewallProduct\' OR TargetInstance ISA ' +
        '\'AntiSpywareProduct\'"))',
    },
    eventFilter: 'and(sourcetype eq~ "wineventlog:microsoft-windows-wmi-activity/operational"' +
      '@wmi, EventCode eq~ 5860, _raw contains~ "Temporary", query exists~, ' +
      'not(query wildcard~ "SELECT * FROM Win32_ProcessStartTrace WHERE ProcessName = ' +
      '\'wsmprovhost.exe\'"), query exists~, not(query wildcard~ "SELECT * FROM ' +
      '__InstanceOperationEvent WHERE TargetInstance ISA \'AntiVirusProduct\' OR ' +
      'TargetInstance ISA \'FirewallProduct\' OR TargetInstance ISA \'AntiSpywareProduct\'"))',
  },
  {
    // Backslashes: `"\\\\*\\SYSVOL"` in quotes is the pattern \\*\SYSVOL; unquoted `*\\x` is
    // the pattern *\x. NOT takes only the comparison after it. The appendpipe search returns
    // the rows of its last stats plus the gpo_guid its rex extracts, less ObjectDN.
    id: '0a2afc18-a3b5-4452-b60a-2e774214f9bf',
    file: 'detections/application/windows_ad_suspicious_gpo_modification.yml',
    covers: ['quoted-vs-unquoted', 'not-next-term', 'in', 'appendpipe', 'mvexpand'],
    stages: [
      'search filter',
      'rex enrich',
      'table format',
      'rex enrich',
      'eval enrich',
      'appendpipe enrich',
      'stats aggregate by=gpo_guid',
      'mvexpand enrich',
      'where filter-aggregated',
      hook('windows_ad_suspicious_gpo_modification_filter'),
    ],
    predicates: {
      1: `and(${WINEVENTLOG_SECURITY}, EventCode eq~ 5145, ` +
        'ShareName wildcard~ "\\\\\\\\\\\\\\\\*\\\\\\\\SYSVOL", ' +
        'or(RelativeTargetName endswith~ "\\\\ScheduledTasks.xml", ' +
        'RelativeTargetName endswith~ "\\\\Groups.xml", ' +
        'RelativeTargetName endswith~ "\\\\Registry.xml", ' +
        'RelativeTargetName endswith~ "\\\\Services.xml", ' +
        'RelativeTargetName contains~ "\\\\Scripts\\\\"), ' +
        'not(RelativeTargetName endswith~ "\\\\Scripts\\\\scripts.ini"), AccessMask eq~ "0x2")',
      9: 'not(folder fieldref "newPolicy")',
    },
    subsearches: {
      6: [
        '{OpCorrelationID newPolicy gpo_guid: map enrich | ' +
          'stats aggregate by=ObjectClass,ObjectDN,OpCorrelationID,src_user,SubjectLogonId | ' +
          'rex enrich | rex enrich | rex enrich | mvexpand enrich | where filter-aggregated ' +
          '[and(not(or(new_values in "{00000000-0000-0000-0000-000000000000}", ' +
          'new_values fieldref "old_values", new_values fieldref "policy_guid")), ' +
          'new_values regex "^\\\\{[A-Z|\\\\d]+\\\\-[A-Z|\\\\d]+\\\\-[A-Z|\\\\d]+\\\\-' +
          '[A-Z|\\\\d]+\\\\-[A-Z|\\\\d]+\\\\}")] | lookup enrich | eval enrich | ' +
          'stats aggregate by=ObjectDN | rex enrich | fields format}',
      ],
    },
  },
  {
    // A ``` comment ``` at the end of the search adds no condition.
    id: '5682052e-ce55-4f9f-8d28-59191420b7e0',
    file: 'detections/application/windows_ad_suspicious_attribute_modification.yml',
    covers: ['comment', 'in', 'appendpipe', 'map', 'fields', 'rex', 'eval'],
    stages: [
      'search filter',
      'table format',
      'rename format',
      'appendpipe enrich',
      'stats aggregate by=TargetLogonId',
      'rex enrich',
      'eval enrich',
      'fields format',
      hook('windows_ad_suspicious_attribute_modification_filter'),
    ],
    predicates: {
      1: `and(${WINEVENTLOG_SECURITY}, EventCode eq~ 5136, ` +
        'AttributeLDAPDisplayName in~ "msDS-AllowedToDelegateTo" ' +
        '"msDS-AllowedToActOnBehalfOfOtherIdentity" "scriptPath" "msTSInitialProgram", ' +
        'OperationType eq~ "%%14674")',
    },
    subsearches: { 4: [LOGON_MAP] },
    args: {
      7: {
        assignments: [
          { field: 'dest', expression: 'if(ObjectClass="computer",cn,null)' },
          { field: 'user', expression: 'if(ObjectClass="user",cn,null)' },
        ],
      },
    },
  },
  {
    // A search after eval, before any aggregation, still filters events; `False` is a value.
    id: '6c382336-22b8-4023-9b80-1689e799f21f',
    file: 'detections/cloud/o365_file_permissioned_application_consent_granted_by_user.yml',
    covers: ['makemv', 'in', 'eval', 'search-case-insensitive'],
    stages: [
      'search filter',
      'eval enrich',
      'search filter',
      'eval enrich',
      'rex enrich',
      'makemv enrich',
      'search filter',
      'stats aggregate by=Operation,user,object,ObjectId',
      'convert format @security_content_ctime(lastTime)',
      hook('o365_file_permissioned_application_consent_granted_by_user_filter'),
    ],
    predicates: {
      1: 'and(sourcetype eq~ "o365:management:activity"@o365_management_activity, ' +
        'Workload eq~ "AzureActiveDirectory", Operation eq~ "Consent to application.", ' +
        'ResultStatus eq~ "Success")',
      3: 'admin_consent eq~ "False"',
      7: 'Scope in~ "Files.Read" "Files.Read.All" "Files.ReadWrite" "Files.ReadWrite.All" ' +
        '"Files.ReadWrite.AppFolder"',
    },
    eventFilter: 'and(sourcetype eq~ "o365:management:activity"@o365_management_activity, ' +
      'Workload eq~ "AzureActiveDirectory", Operation eq~ "Consent to application.", ' +
      'ResultStatus eq~ "Success", admin_consent eq~ "False", Scope in~ "Files.Read" ' +
      '"Files.Read.All" "Files.ReadWrite" "Files.ReadWrite.All" "Files.ReadWrite.AppFolder")',
    args: {
      2: {
        assignments: [
          { field: 'admin_consent', expression: 'mvindex(\'ModifiedProperties{}.NewValue\', 0)' },
        ],
      },
    },
  },
  {
    // In search, `src_ip=10.0.0.0/8` matches the addresses of the range, and
    // `dest_ip!=10.0.0.0/8` those outside it (of events that have dest_ip). The subsearch
    // returns src_ip rows: a condition on src_ip.
    id: 'd3fffa37-492f-487b-a35d-c60fcb2acf01',
    file: 'detections/cloud/detect_spike_in_blocked_outbound_traffic_from_your_aws.yml',
    covers: ['subsearch', 'subsearch-condition', 'inputlookup', 'outputlookup'],
    stages: [
      'search filter',
      'stats aggregate by=src_ip',
      hook('detect_spike_in_blocked_outbound_traffic_from_your_aws_filter'),
    ],
    predicates: {
      1: `and(${VPC_FLOW_BLOCKED}, subsearch{src_ip: search filter [and(${VPC_FLOW_BLOCKED})] | ` +
        'stats aggregate by=src_ip | inputlookup enrich | fields format | ' +
        'stats aggregate by=src_ip | rename format | eval enrich | eval enrich | eval enrich | ' +
        'table format | outputlookup format | eval enrich | eval enrich | ' +
        'where filter-aggregated [isSpike eq 1] | table format})',
    },
  },
  {
    // A subsearch among the search terms is a condition on the fields its last table leaves;
    // its own stages are lowered like any search (inner where after stats: filter-aggregated).
    id: 'e6f1bb1b-f441-492b-9126-902acda217da',
    file: 'detections/cloud/detect_s3_access_from_a_new_ip.yml',
    covers: ['subsearch', 'subsearch-condition', 'iplocation', 'inputlookup', 'outputlookup'],
    stages: [
      'search filter',
      'iplocation enrich',
      'rename format',
      'table format',
      hook('detect_s3_access_from_a_new_ip_filter'),
    ],
    predicates: {
      1: 'and(sourcetype eq~ "aws:s3:accesslogs"@aws_s3_accesslogs, http_status eq~ 200, ' +
        'subsearch{bucket_name remote_ip: search filter [and(sourcetype eq~ ' +
        '"aws:s3:accesslogs"@aws_s3_accesslogs, http_status eq~ 200)] | ' +
        'stats aggregate by=bucket_name,remote_ip | inputlookup enrich | ' +
        'stats aggregate by=bucket_name,remote_ip | outputlookup format | eval enrich | ' +
        'where filter-aggregated [newIP eq 1] | ' +
        'convert format @security_content_ctime(firstTime) | ' +
        'convert format @security_content_ctime(lastTime) | table format})',
    },
  },
  {
    // A quoted field name; a value ending in `*` is a prefix.
    id: '892dfeaf-461d-4a78-aac8-b07e185c9bce',
    file: 'detections/application/pingid_new_mfa_method_registered_for_user.yml',
    covers: ['quoted-vs-unquoted', 'wildcards'],
    stages: [
      'search filter',
      'rex enrich',
      'eval enrich',
      'eval enrich',
      'eval enrich',
      'stats aggregate by=src,user,object,action,reason',
      ...CTIME_FIRST_LAST,
      hook('pingid_new_mfa_method_registered_for_user_filter'),
    ],
    predicates: {
      1: 'and(source eq~ "PINGID"@pingid, result.message startswith~ "Device Paired", ' +
        'result.status eq~ "SUCCESS")',
    },
  },
  {
    // The tuning hook stands before the stats here, a stage of its own where it is written.
    // Numbers in IN lists are numbers; `UserName!=NULL` compares with the text NULL; in where,
    // `SChannelName!=src` needs both fields present.
    id: 'c187ce2c-c88e-4cec-8a1c-607ca0dedd78',
    file: 'detections/endpoint/windows_multiple_ntlm_null_domain_authentications.yml',
    covers: ['tuning-hook', 'ne-vs-not', 'in', 'comment', 'eventstats'],
    stages: [
      'search filter',
      'eval enrich',
      'eval enrich',
      'where filter',
      hook('windows_multiple_ntlm_null_domain_authentications_filter'),
      'stats aggregate by=dest',
      'eventstats enrich',
      'eval enrich',
      'eval enrich',
      'where filter-aggregated',
      ...CTIME_FIRST_LAST,
    ],
    predicates: {
      1: 'and(or(sourcetype eq~ "XmlWinEventLog:Microsoft-Windows-NTLM/Operational", ' +
        'source eq~ "XmlWinEventLog:Microsoft-Windows-NTLM/Operational")@ntlm_audit, ' +
        'EventCode in~ 8004 8005 8006, DomainName eq~ "NULL", UserName ne~ "NULL")',
      4: 'and(SChannelName exists, src exists, not(SChannelName fieldref "src"))',
      10: 'isOutlier eq 1',
    },
    args: {
      6: {
        options: {},
        aggregations: [
          { function: 'count', field: null, as: null },
          { function: 'min', field: '_time', as: 'firstTime' },
          { function: 'max', field: '_time', as: 'lastTime' },
          { function: 'dc', field: 'eval(upper(user))', as: 'unique_count' },
          { function: 'dc', field: 'eval(upper(src))', as: 'src_count' },
        ],
        by: ['dest'],
      },
      7: {
        options: {},
        aggregations: [
          { function: 'avg', field: 'unique_count', as: 'unique_avg' },
          { function: 'stdev', field: 'unique_count', as: 'unique_std' },
        ],
        by: [],
      },
    },
  },
  {
    // IN lists with quoted and unquoted values, joined by AND, on aggregated rows.
    id: '8e897153-2ebd-4cb2-85d3-09ad57db2fb7',
    file: 'detections/application/windows_ad_dangerous_deny_acl_modification.yml',
    covers: ['in', 'quoted-vs-unquoted', 'mvexpand', 'lookup', 'comment'],
    stages: [
      'search filter',
      'stats aggregate by=ObjectClass,ObjectDN,OpCorrelationID,src_user,SubjectLogonId',
      'rex enrich',
      'rex enrich',
      'mvexpand enrich',
      'where filter-aggregated',
      'rex enrich',
      'rex enrich',
      'rex enrich',
      'lookup enrich',
      'lookup enrich',
      'lookup enrich',
      'lookup enrich',
      'lookup enrich',
      'eval enrich',
      'stats aggregate by=_time,ObjectClass,ObjectDN,src_user,SubjectLogonId,user,OpCorrelationID',
      'eval enrich',
      'search filter-aggregated',
      hook('windows_ad_dangerous_deny_acl_modification_filter'),
    ],
    predicates: {
      1: `and(${WINEVENTLOG_SECURITY}, EventCode eq~ 5136)`,
      6: 'not(new_ace fieldref "old_values")',
      18: 'and(aceType in~ "Access denied" "D", ' +
        'aceAccessRights in~ "Full control" "Read permissions" "RC")',
    },
    args: {
      // The two lookups inside the ``` comment ``` are not stages.
      13: {
        table: 'ace_flag_lookup',
        options: {},
        inputs: [{ field: 'flag_string', as: 'aceFlags' }],
        outputMode: 'OUTPUT',
        outputs: [{ field: 'flag_value', as: 'ace_flag_value' }],
      },
      14: {
        table: 'builtin_groups_lookup',
        options: {},
        inputs: [{ field: 'builtin_group_string', as: 'aceSid' }],
        outputMode: 'OUTPUT',
        outputs: [{ field: 'builtin_group_name', as: 'builtin_group' }],
      },
    },
  },
  {
    // Explicit AND groups joined by OR: the parentheses decide.
    id: 'ae915743-1aa8-4a94-975c-8062ebc8b723',
    file: 'detections/application/windows_ad_dcshadow_privileges_acl_addition.yml',
    covers: ['or-binds-tighter', 'in', 'comment'],
    stages: [
      'search filter',
      'stats aggregate by=ObjectClass,ObjectDN,OpCorrelationID,src_user,SubjectLogonId',
      'rex enrich',
      'rex enrich',
      'mvexpand enrich',
      'where filter-aggregated',
      'rex enrich',
      'search filter-aggregated',
      'rex enrich',
      'rex enrich',
      'lookup enrich',
      'lookup enrich',
      'lookup enrich',
      'lookup enrich',
      'lookup enrich',
      'eval enrich',
      'stats aggregate by=ObjectClass,ObjectDN,src_user,user',
      'search filter-aggregated',
      hook('windows_ad_dcshadow_privileges_acl_addition_filter'),
    ],
    predicates: {
      1: `and(${WINEVENTLOG_SECURITY}, EventCode eq~ 5136, ObjectClass eq~ "domainDNS")`,
      6: 'not(new_ace fieldref "old_values")',
      8: 'aceObjectGuid in~ "9923a32a-3607-11d2-b9be-0000f87a36b2" ' +
        '"1131f6ab-9c07-11d1-f79f-00c04fc2dcd2" "1131f6ac-9c07-11d1-f79f-00c04fc2dcd2"',
      18: 'or(and(aceControlAccessRights eq~ "Add/Remove Replica In Domain", ' +
        'aceControlAccessRights eq~ "Manage Replication Topology", ' +
        'aceControlAccessRights eq~ "Replication Synchronization"), ' +
        'and(aceControlAccessRights eq~ "9923a32a-3607-11d2-b9be-0000f87a36b2", ' +
        'aceControlAccessRights eq~ "1131f6ab-9c07-11d1-f79f-00c04fc2dcd2", ' +
        'aceControlAccessRights eq~ "1131f6ac-9c07-11d1-f79f-00c04fc2dcd2"))',
    },
    eventFilter: `and(${WINEVENTLOG_SECURITY}, EventCode eq~ 5136, ObjectClass eq~ "domainDNS")`,
  },
];
