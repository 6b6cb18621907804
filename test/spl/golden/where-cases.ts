// Golden cases for `where`: case-sensitive comparisons, like/match/isnull/isnotnull/len/lower/
// in, fields compared with fields, computed conditions, in real corpus detections.

import { CTIME_FIRST_LAST, dropObjectName, hook, type GoldenCase } from './golden-case.js';

const WINEVENTLOG_SECURITY = 'or(eventtype eq~ "wineventlog_security", Channel eq~ "security", ' +
  'source eq~ "XmlWinEventLog:Security")@wineventlog_security';

/** The join subsearch of windows_ad_gpo_new_cse_addition: group policy containers by DN. */
const GPO_CONTAINERS = '{ObjectDN: search filter [and(source eq~ "ActiveDirectory"@admon, ' +
  'objectCategory startswith~ "CN=Group-Policy-Container", admonEventType eq~ "Update")] | ' +
  'stats aggregate by=distinguishedName | eval enrich}';

/** `join user HourOfDay isWeekend [ summary cloud_excessive_api_calls_v1]`. */
const API_CALLS_SUMMARY = '{user HourOfDay isWeekend: search filter [and(_raw contains~ ' +
  '"summary", _raw contains~ "cloud_excessive_api_calls_v1")]}';

export const WHERE_CASES: GoldenCase[] = [
  {
    // Parentheses group an OR under the AND; numbers compare as numbers.
    id: '71ad47d1-d6bd-4e0a-b35c-020ad9a6959e',
    file: 'detections/application/okta_suspicious_use_of_a_session_cookie.yml',
    covers: ['where', 'in'],
    stages: [
      'search filter',
      'stats aggregate by=debugContext.debugData.dtHash,user',
      'where filter-aggregated',
      hook('okta_suspicious_use_of_a_session_cookie_filter'),
    ],
    predicates: {
      1: 'and(or(eventtype eq~ "okta_log", sourcetype eq~ "OktaIM2:log")@okta, ' +
        'eventType in~ "policy.evaluate_sign_on", outcome.result in~ "ALLOW" "SUCCESS")',
      3: 'and(dc_src_ip gt 1, or(dc_userAgentOS gt 1, dc_userAgentBrowser gt 1))',
    },
    eventFilter: 'and(or(eventtype eq~ "okta_log", sourcetype eq~ "OktaIM2:log")@okta, ' +
      'eventType in~ "policy.evaluate_sign_on", outcome.result in~ "ALLOW" "SUCCESS")',
  },
  {
    // LIKE patterns: `%x%` is contains, `_` one character (a wildcard `?`). The execve macro
    // expands into a search term and four stages, each keeping its origin.
    id: 'e2d2bd10-dcd1-4b2f-8a76-0198eab32ba5',
    file: 'detections/endpoint/linux_auditd_find_ssh_private_keys.yml',
    covers: ['like', 'where-case-sensitive', 'macro-origin', 'foreach'],
    stages: [
      'search filter',
      'eval enrich @linux_auditd_normalized_execve_process',
      'foreach enrich @linux_auditd_normalized_execve_process',
      'eval enrich @linux_auditd_normalized_execve_process',
      'eval enrich @linux_auditd_normalized_execve_process',
      'rename format',
      'where filter',
      'stats aggregate by=argc,process_exec,dest',
      ...CTIME_FIRST_LAST,
      hook('linux_auditd_find_ssh_private_keys_filter'),
    ],
    predicates: {
      1: 'and(sourcetype eq~ "linux:audit"@linux_auditd, ' +
        'type eq~ "EXECVE"@linux_auditd_normalized_execve_process)',
      7: 'and(or(process_exec contains "find", process_exec contains "grep"), ' +
        'or(process_exec wildcard "*id?rsa*", process_exec wildcard "*id?dsa*", ' +
        'process_exec contains ".key", process_exec wildcard "*ssh?key*", ' +
        'process_exec wildcard "*authorized?keys*"))',
    },
    subsearches: { 3: ['{: eval enrich @linux_auditd_normalized_execve_process}'] },
    eventFilter: 'and(sourcetype eq~ "linux:audit"@linux_auditd, ' +
      'type eq~ "EXECVE"@linux_auditd_normalized_execve_process, ' +
      'or(process_exec contains "find", process_exec contains "grep"), ' +
      'or(process_exec wildcard "*id?rsa*", process_exec wildcard "*id?dsa*", ' +
      'process_exec contains ".key", process_exec wildcard "*ssh?key*", ' +
      'process_exec wildcard "*authorized?keys*"))',
  },
  {
    // NOT LIKE(…) negates the pattern; LIKE is case-sensitive, unlike search values.
    id: '69e2860c-0e4b-40ae-9dc4-bf9e3bf2a548',
    file: 'detections/endpoint/crowdstrike_privilege_escalation_for_non_admin_user.yml',
    covers: ['like', 'where-case-sensitive', 'rename'],
    stages: [
      'search filter',
      'rename format',
      'stats aggregate by=src_ip,src_host,user,description,type,count_alerts,severity',
      'where filter-aggregated',
      ...CTIME_FIRST_LAST,
      hook('crowdstrike_privilege_escalation_for_non_admin_user_filter'),
    ],
    predicates: {
      1: 'and(sourcetype eq~ "CrowdStrike:Event:Streams:JSON"@crowdstrike_stream, ' +
        'tag eq~ "alert")',
      4: 'and(type contains "Privilege escalation", not(user contains "adm"), ' +
        'not(user contains "svc"), not(user contains "admin"))',
    },
  },
  {
    // isnull(f) is NOT (f exists); a comparison with a function of the time is computed.
    id: '37a0ec8d-827e-4d6d-8025-cedf31f3a149',
    file: 'detections/cloud/cloud_compute_instance_created_by_previously_unseen_user.yml',
    covers: ['isnull', 'computed-condition', 'eventstats', 'lookup', 'datamodel-fields'],
    stages: [
      'tstats aggregate by=All_Changes.user,All_Changes.vendor_region filled=all',
      dropObjectName('"All_Changes"'),
      'lookup enrich',
      'eventstats enrich',
      'where filter-aggregated',
      'eval enrich',
      'where filter-aggregated',
      'table format',
      'convert format @security_content_ctime(firstTime)',
      hook('cloud_compute_instance_created_by_previously_unseen_user_filter'),
    ],
    predicates: {
      1: 'All_Changes.action eq~ "created"',
      5: 'enough_data eq 1',
      7: 'or(not(firstTimeSeenUser exists), ' +
        'computed(firstTimeSeenUser > relative_time(now(), "-24h@h")))',
    },
    args: {
      3: {
        table: 'previously_seen_cloud_compute_creations_by_user',
        options: {},
        inputs: [{ field: 'user', as: 'user' }],
        outputMode: 'OUTPUTNEW',
        outputs: [{ field: 'firstTimeSeen', as: null }, { field: 'enough_data', as: null }],
      },
      4: {
        options: {},
        aggregations: [{ function: 'max', field: 'enough_data', as: 'enough_data' }],
        by: [],
      },
    },
  },
  {
    // len(f) > n names the computed length; the tokenizing macro expands into three stages.
    id: '9c53c446-757e-11ec-871d-acde48001122',
    file: 'detections/endpoint/potentially_malicious_code_on_commandline.yml',
    covers: ['len', 'makemv', 'apply', 'fields'],
    stages: [
      'tstats aggregate by=Processes.parent_process_name,Processes.process_name,' +
        'Processes.process,Processes.user,Processes.dest filled=all',
      dropObjectName('Processes'),
      'where filter-aggregated',
      'eval enrich @potentially_malicious_code_on_cmdline_tokenize_score',
      'makemv enrich @potentially_malicious_code_on_cmdline_tokenize_score',
      'eval enrich @potentially_malicious_code_on_cmdline_tokenize_score',
      'apply enrich',
      'eval enrich',
      'fields format',
      'where filter-aggregated',
      ...CTIME_FIRST_LAST,
      hook('potentially_malicious_code_on_commandline_filter'),
    ],
    predicates: { 3: 'len(process) gt 200', 10: 'score gt 0.5' },
    eventFilter: '(none)',
  },
  {
    // match(f, "re") is a case-sensitive regex; eval strings turn `\\` into one backslash.
    id: 'd6e464e4-5c6a-474e-82d2-aed616a3a492',
    file: 'detections/endpoint/impacket_lateral_movement_wmiexec_commandline_parameters.yml',
    covers: ['match', 'tstats'],
    stages: [
      'tstats aggregate by=Processes.dest,Processes.user,Processes.parent_process_name,' +
        'Processes.process_name,Processes.process,Processes.process_id,' +
        'Processes.parent_process_id filled=all',
      dropObjectName('Processes'),
      'where filter-aggregated',
      ...CTIME_FIRST_LAST,
      hook('impacket_lateral_movement_wmiexec_commandline_parameters_filter'),
    ],
    predicates: {
      1: 'Processes.parent_process_name eq~ "wmiprvse.exe"',
      3: 'and(process regex "(?i)cmd\\\\.exe\\\\s+\\\\/Q\\\\s+\\\\/c", ' +
        'process regex "\\\\\\\\127\\\\.0\\\\.0\\\\.1\\\\.*", ' +
        'process regex "__\\\\d{1,10}\\\\.\\\\d{1,10}")',
    },
  },
  {
    // isnotnull(f) is f exists; spath only adds fields.
    id: '27ab61c5-f08a-438a-b4d3-325e666490b3',
    file: 'detections/cloud/o365_mailbox_read_access_granted_to_application.yml',
    covers: ['isnotnull', 'spath', 'eval'],
    stages: [
      'search filter',
      'eval enrich',
      'eval enrich',
      'eval enrich',
      'spath enrich',
      'eval enrich',
      'where filter',
      'stats aggregate by=Operation,user,object',
      'convert format @security_content_ctime(lastTime)',
      hook('o365_mailbox_read_access_granted_to_application_filter'),
    ],
    predicates: {
      1: 'and(sourcetype eq~ "o365:management:activity"@o365_management_activity, ' +
        'Operation eq~ "Update application.")',
      7: 'match_found exists',
    },
    args: {
      3: {
        assignments: [{ field: 'json_data', expression: 'replace(json_data, "^\\[\\s*", "")' }],
      },
    },
  },
  {
    // lower(a)=lower(b): both sides computed, so a computed condition on the two fields.
    id: '16132445-da9f-4d03-ad44-56d717dcd67d',
    file: 'detections/application/windows_ad_self_dacl_assignment.yml',
    covers: ['lower', 'computed-condition', 'comment'],
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
      'rex enrich',
      'where filter-aggregated',
      hook('windows_ad_self_dacl_assignment_filter'),
    ],
    predicates: {
      1: `and(${WINEVENTLOG_SECURITY}, EventCode eq~ 5136)`,
      6: 'not(new_ace fieldref "old_values")',
      19: 'computed(lower(src_user) = lower(nt_user))',
    },
  },
  {
    // A string comparison and mvcount(f) > n after stats; replace only rewrites values.
    id: '57e27f27-369c-4df8-af08-e8c7ee8373d4',
    file: 'detections/endpoint/windows_ad_short_lived_domain_controller_spn_attribute.yml',
    covers: ['where-case-sensitive', 'replace', 'appendpipe', 'map', 'wildcards'],
    stages: [
      'search filter',
      'stats aggregate by=Logon_ID',
      'eval enrich',
      'where filter-aggregated',
      'replace enrich',
      'rename format',
      'appendpipe enrich',
      'stats aggregate by=TargetLogonId,src_user,dest',
      hook('windows_ad_short_lived_domain_controller_spn_attribute_filter'),
    ],
    predicates: {
      1: `and(${WINEVENTLOG_SECURITY}, EventCode eq~ 5136, ` +
        'AttributeLDAPDisplayName eq~ "servicePrincipalName", ' +
        'or(AttributeValue startswith~ "GC/", ' +
        'AttributeValue startswith~ "E3514235-4B06-11D1-AB04-00C04FC2DCD2/"))',
      4: 'and(short_lived eq "TRUE", mvcount(OperationType) gt 1)',
    },
    subsearches: { 7: ['{: map enrich}'] },
  },
  {
    // In where, "*" is the text *, not a wildcard; before stats the where filters events.
    id: '2a9b80d3-6340-4345-b5ad-212bf3d0dac4',
    file: 'detections/cloud/aws_create_policy_version_to_allow_all_resources.yml',
    covers: ['where-case-sensitive', 'wildcards', 'spath', 'mvexpand', 'implicit-and'],
    stages: [
      'search filter',
      'spath enrich',
      'mvexpand enrich',
      'spath enrich',
      'where filter',
      'stats aggregate by=eventName,eventSource,aws_account_id,errorCode,userAgent,eventID,' +
        'awsRegion,user,user_arn',
      ...CTIME_FIRST_LAST,
      hook('aws_create_policy_version_to_allow_all_resources_filter'),
    ],
    predicates: {
      1: 'and(sourcetype eq~ "aws:cloudtrail"@cloudtrail, eventName eq~ "CreatePolicyVersion", ' +
        'eventSource eq~ "iam.amazonaws.com", errorCode eq~ "success")',
      5: 'key_policy_action_1 eq "*"',
    },
    eventFilter: 'and(sourcetype eq~ "aws:cloudtrail"@cloudtrail, ' +
      'eventName eq~ "CreatePolicyVersion", eventSource eq~ "iam.amazonaws.com", ' +
      'errorCode eq~ "success", key_policy_action_1 eq "*")',
  },
  {
    // Unquoted on both sides, `src_user=user` compares two fields; quoted, it would be text.
    id: 'e633a0ef-2a6e-4ed7-b925-5ff999e5d1f0',
    file: 'detections/endpoint/windows_ad_domain_controller_promotion.yml',
    covers: ['quoted-vs-unquoted', 'in', 'wildcards', 'appendpipe', 'map', 'fields'],
    stages: [
      'search filter',
      'stats aggregate by=Logon_ID,dvc',
      'where filter-aggregated',
      'rename format',
      'appendpipe enrich',
      'stats aggregate by=TargetLogonId',
      'eval enrich',
      hook('windows_ad_domain_controller_promotion_filter'),
    ],
    predicates: {
      1: `and(${WINEVENTLOG_SECURITY}, EventCode eq~ 4742, ` +
        'or(ServicePrincipalNames contains~ "E3514235-4B06-11D1-AB04-00C04FC2DCD2/", ' +
        'ServicePrincipalNames contains~ "GC/"))',
      3: 'src_user fieldref "user"',
    },
    subsearches: { 5: ['{: map enrich | fields format}'] },
  },
  {
    // NOT f IN (field, "text", field) with match(…): the list mixes fields and a literal.
    id: '700c11d1-da09-47b2-81aa-358c143c7986',
    file: 'detections/application/windows_ad_gpo_new_cse_addition.yml',
    covers: ['in-function', 'match', 'inner-join', 'subsearch', 'mvexpand'],
    stages: [
      'search filter',
      'stats aggregate by=ObjectClass,ObjectDN,OpCorrelationID,src_user,SubjectLogonId',
      'rex enrich',
      'rex enrich',
      'rex enrich',
      'mvexpand enrich',
      'where filter-aggregated',
      'lookup enrich',
      'eval enrich',
      'join filter-aggregated',
      'stats aggregate by=ObjectDN',
      hook('windows_ad_gpo_new_cse_addition_filter'),
    ],
    predicates: {
      1: `and(${WINEVENTLOG_SECURITY}, EventCode eq~ 5136, ` +
        'ObjectClass eq~ "groupPolicyContainer", ' +
        'AttributeLDAPDisplayName eq~ "gPCMachineExtensionNames")',
      7: 'and(not(or(new_values in "{00000000-0000-0000-0000-000000000000}", ' +
        'new_values fieldref "old_values", new_values fieldref "policy_guid")), ' +
        'new_values regex "^\\\\{[A-Z|\\\\d]+\\\\-[A-Z|\\\\d]+\\\\-[A-Z|\\\\d]+\\\\-' +
        '[A-Z|\\\\d]+\\\\-[A-Z|\\\\d]+\\\\}")',
      10: `subsearch${GPO_CONTAINERS}`,
    },
    subsearches: { 10: [GPO_CONTAINERS] },
    args: {
      8: {
        table: 'msad_guid_lookup',
        options: {},
        inputs: [{ field: 'guid', as: 'new_values' }],
        outputMode: 'OUTPUTNEW',
        outputs: [{ field: 'displayName', as: 'policyType' }],
      },
    },
  },
  {
    // Two fields compared with `>` is a computed condition; `[ summary … ]` without a pipe is
    // a search for the two words, and the inner join keeps rows matching its rows.
    id: '0840ddf1-8c89-46ff-b730-c8d6722478c0',
    file: 'detections/cloud/abnormally_high_number_of_cloud_infrastructure_api_calls.yml',
    covers: ['computed-condition', 'apply', 'inner-join', 'bare-terms', 'ne-vs-not'],
    stages: [
      'tstats aggregate by=All_Changes.user,_time',
      dropObjectName('"All_Changes"'),
      'eval enrich',
      'eval enrich',
      'eval enrich',
      'eval enrich',
      'join filter-aggregated',
      'where filter-aggregated',
      'apply enrich',
      'rename format',
      'where filter-aggregated',
      'eval enrich',
      'where filter-aggregated',
      'eval enrich',
      'table format',
      hook('abnormally_high_number_of_cloud_infrastructure_api_calls_filter'),
    ],
    predicates: {
      1: 'and(All_Changes.user ne~ "unknown", All_Changes.status eq~ "success")',
      7: `subsearch${API_CALLS_SUMMARY}`,
      8: 'cardinality ge 16',
      11: 'isOutlier eq 1',
      13: 'computed(api_calls > expected_upper_threshold)',
    },
    subsearches: { 7: [API_CALLS_SUMMARY] },
    args: {
      1: {
        options: { span: '1h' },
        aggregations: [
          { function: 'count', field: null, as: 'api_calls' },
          { function: 'values', field: 'All_Changes.command', as: 'command' },
        ],
        by: ['All_Changes.user', '_time'],
        datamodel: 'Change',
      },
    },
  },
];
