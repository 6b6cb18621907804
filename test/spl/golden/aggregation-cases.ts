// Golden cases for aggregations: tstats over data models (where, by, summaries options),
// mstats, stats/dedup by-fields and what fills them, eventstats and streamstats, macros inside
// tstats conditions, in real corpus detections.

import {
  CTIME_FIRST_LAST,
  dropObjectName,
  hook,
  SUMMARIES_ONLY,
  SUMMARIES_ONLY_ORIGINS,
  type GoldenCase,
} from './golden-case.js';

const PROCESS_POWERSHELL = 'or(Processes.process_name eq~ "pwsh.exe", ' +
  'Processes.process_name eq~ "sqlps.exe", Processes.process_name eq~ "sqltoolsps.exe", ' +
  'Processes.process_name eq~ "powershell.exe", Processes.process_name eq~ "powershell_ise.exe", ' +
  'Processes.original_file_name eq~ "pwsh.dll", ' +
  'Processes.original_file_name eq~ "PowerShell.EXE", ' +
  'Processes.original_file_name eq~ "powershell_ise.EXE")@process_powershell';

const COUNT_FIRST_LAST = [
  { function: 'count', field: null, as: null },
  { function: 'min', field: '_time', as: 'firstTime' },
  { function: 'max', field: '_time', as: 'lastTime' },
];

export const AGGREGATION_CASES: GoldenCase[] = [
  {
    // tstats from a data model: its where clause (a macro and a wildcard term) filters, its
    // by-fields keep their data-model names, fillnull_value fills them all.
    id: '1a93b7ea-7af7-11eb-adb5-acde48001122',
    file: 'detections/endpoint/any_powershell_downloadfile.yml',
    covers: [
      'tstats', 'tstats-datamodel', 'tstats-summaries', 'datamodel-fields', 'by-fields-filled',
      'macro-origin', 'rename',
    ],
    stages: [
      'tstats aggregate by=Processes.dest,Processes.user,Processes.parent_process,' +
        'Processes.process_name,Processes.parent_process_name,Processes.original_file_name,' +
        'Processes.process,Processes.process_id,Processes.parent_process_id filled=all',
      dropObjectName('Processes'),
      ...CTIME_FIRST_LAST,
      hook('any_powershell_downloadfile_filter'),
    ],
    predicates: {
      1: `and(${PROCESS_POWERSHELL}, Processes.process contains~ "DownloadFile")`,
    },
    args: {
      1: {
        options: SUMMARIES_ONLY,
        aggregations: COUNT_FIRST_LAST,
        by: [
          'Processes.dest', 'Processes.user', 'Processes.parent_process', 'Processes.process_name',
          'Processes.parent_process_name', 'Processes.original_file_name', 'Processes.process',
          'Processes.process_id', 'Processes.parent_process_id',
        ],
        datamodel: 'Endpoint.Processes',
        optionOrigins: SUMMARIES_ONLY_ORIGINS,
      },
      2: { renames: [{ from: 'Processes.*', to: '*' }] },
    },
    eventFilter: `and(${PROCESS_POWERSHELL}, Processes.process contains~ "DownloadFile")`,
  },
  {
    // `A OR B x y` in tstats: the OR of the two macros, then the two terms, all ANDed.
    id: '2ed8b538-d284-449a-be1d-82ad1dbd186b',
    file: 'detections/endpoint/creation_of_shadow_copy_with_wmic_and_powershell.yml',
    covers: ['or-binds-tighter', 'macro-origin', 'tstats'],
    stages: [
      'tstats aggregate by=Processes.user,Processes.process_name,Processes.original_file_name,' +
        'Processes.parent_process_name,Processes.process,Processes.dest filled=all',
      dropObjectName('Processes'),
      ...CTIME_FIRST_LAST,
      hook('creation_of_shadow_copy_with_wmic_and_powershell_filter'),
    ],
    predicates: {
      1: 'and(or(Processes.process_name eq~ "wmic.exe"@process_wmic, ' +
        'Processes.original_file_name eq~ "wmic.exe"@process_wmic, ' +
        'Processes.process_name eq~ "pwsh.exe"@process_powershell, ' +
        'Processes.process_name eq~ "sqlps.exe"@process_powershell, ' +
        'Processes.process_name eq~ "sqltoolsps.exe"@process_powershell, ' +
        'Processes.process_name eq~ "powershell.exe"@process_powershell, ' +
        'Processes.process_name eq~ "powershell_ise.exe"@process_powershell, ' +
        'Processes.original_file_name eq~ "pwsh.dll"@process_powershell, ' +
        'Processes.original_file_name eq~ "PowerShell.EXE"@process_powershell, ' +
        'Processes.original_file_name eq~ "powershell_ise.EXE"@process_powershell), ' +
        'Processes.process contains~ "shadowcopy", Processes.process contains~ "create")',
    },
  },
  {
    // Inside parentheses, `a b c OR d OR e` is a AND b AND (c OR d OR e); a search after
    // the aggregation filters its rows only.
    id: '1bed7774-304a-4e8f-9d72-d80e45ff492b',
    file: 'detections/network/detect_outbound_smb_traffic.yml',
    covers: ['or-binds-tighter', 'tstats-datamodel', 'fields', 'eval'],
    stages: [
      'tstats aggregate by=All_Traffic.src_ip filled=all',
      dropObjectName('"All_Traffic"'),
      'eval enrich',
      'search filter-aggregated',
      'fields format',
      'convert format @security_content_ctime(start_time)',
      'convert format @security_content_ctime(end_time)',
      hook('detect_outbound_smb_traffic_filter'),
    ],
    predicates: {
      1: 'and(All_Traffic.action eq~ "allowed", All_Traffic.direction eq~ "outbound", ' +
        'or(All_Traffic.dest_port eq~ 139, All_Traffic.dest_port eq~ 445, ' +
        'All_Traffic.app eq~ "smb"))',
      4: 'match eq~ 0',
    },
    eventFilter: 'and(All_Traffic.action eq~ "allowed", All_Traffic.direction eq~ "outbound", ' +
      'or(All_Traffic.dest_port eq~ 139, All_Traffic.dest_port eq~ 445, ' +
      'All_Traffic.app eq~ "smb"))',
  },
  {
    // `BY _time span=1h …`: span is an option, _time a by-field; IN inside tstats; hex values
    // stay text; isnotnull after the aggregation.
    id: 'aa4f695a-3024-11ec-9987-acde48001122',
    file: 'detections/endpoint/disable_defender_antivirus_registry.yml',
    covers: ['tstats-summaries', 'in', 'isnotnull', 'quoted-vs-unquoted'],
    stages: [
      'tstats aggregate by=_time,Registry.registry_path,Registry.registry_key_name,' +
        'Registry.registry_value_name,Registry.registry_value_data,Registry.process_guid,' +
        'Registry.user,Registry.dest filled=all',
      dropObjectName('Registry'),
      'where filter-aggregated',
      ...CTIME_FIRST_LAST,
      hook('disable_defender_antivirus_registry_filter'),
    ],
    predicates: {
      1: 'and(Registry.registry_path contains~ "\\\\Policies\\\\Microsoft\\\\Windows Defender", ' +
        'Registry.registry_value_name in~ "DisableAntiSpyware" "DisableAntiVirus", ' +
        'Registry.registry_value_data eq~ "0x00000001")',
      3: 'registry_value_data exists',
    },
    args: {
      1: {
        options: { ...SUMMARIES_ONLY, span: '1h' },
        aggregations: [{ function: 'count', field: null, as: null }],
        by: [
          '_time', 'Registry.registry_path', 'Registry.registry_key_name',
          'Registry.registry_value_name', 'Registry.registry_value_data',
          'Registry.process_guid', 'Registry.user', 'Registry.dest',
        ],
        datamodel: 'Endpoint.Registry',
        optionOrigins: SUMMARIES_ONLY_ORIGINS,
      },
    },
  },
  {
    // A macro after a term inside tstats where: its IN list keeps the macro's origin.
    id: '637b603e-1799-40fd-bf87-47ecbd551b66',
    file: 'detections/endpoint/linux_decode_base64_to_shell.yml',
    covers: ['macro-origin', 'isnotnull', 'rex'],
    stages: [
      'tstats aggregate by=Processes.dest,Processes.user,Processes.parent_process_name,' +
        'Processes.process_name,Processes.process,Processes.process_id,' +
        'Processes.parent_process_id filled=all',
      dropObjectName('Processes'),
      'rex enrich',
      'where filter-aggregated',
      ...CTIME_FIRST_LAST,
      hook('linux_decode_base64_to_shell_filter'),
    ],
    predicates: {
      1: 'and(Processes.process contains~ "|", Processes.process_name in~ "sh" "ksh" "zsh" ' +
        '"bash" "dash" "rbash" "fish" "csh" "tcsh" "ion" "eshell"@linux_shells)',
      4: 'decode_flag exists',
    },
  },
  {
    // `f != "*x*"` in tstats: f present and not containing x, then an OR group.
    id: '5a8a2a72-8322-11eb-9ee9-acde48001122',
    file: 'detections/endpoint/clop_common_exec_parameter.yml',
    covers: ['ne-vs-not', 'or-binds-tighter', 'wildcards'],
    stages: [
      'tstats aggregate by=Processes.dest,Processes.user,Processes.parent_process,' +
        'Processes.parent_process_name,Processes.process_name,Processes.process,' +
        'Processes.process_id,Processes.parent_process_id filled=all',
      dropObjectName('Processes'),
      ...CTIME_FIRST_LAST,
      hook('clop_common_exec_parameter_filter'),
    ],
    predicates: {
      1: 'and(Processes.process_name exists~, not(Processes.process_name contains~ "temp.dat"), ' +
        'or(Processes.process contains~ "runrun", Processes.process contains~ "temp.dat"))',
    },
  },
  {
    // A repository macro expanding into two stages after the aggregation: a lookup and a
    // search, both from the macro.
    id: 'a34aae96-ccf8-4aef-952c-3ea21444444d',
    file: 'detections/endpoint/system_processes_run_from_unexpected_locations.yml',
    covers: ['macro-origin', 'lookup', 'ne-vs-not'],
    stages: [
      'tstats aggregate by=Processes.dest,Processes.user,Processes.parent_process,' +
        'Processes.process_path,Processes.process_name,Processes.process,Processes.process_id,' +
        'Processes.parent_process_id,Processes.process_hash filled=all',
      dropObjectName('"Processes"'),
      ...CTIME_FIRST_LAST,
      'lookup enrich @is_windows_system_file_macro',
      'search filter-aggregated @is_windows_system_file_macro',
      hook('system_processes_run_from_unexpected_locations_filter'),
    ],
    predicates: {
      1: 'and(Processes.process_path exists~, ' +
        'not(Processes.process_path startswith~ "C:\\\\Windows\\\\System32"), ' +
        'Processes.process_path exists~, ' +
        'not(Processes.process_path startswith~ "C:\\\\Windows\\\\SysWOW64"))',
      6: 'systemFile eq~ "true"@is_windows_system_file_macro',
    },
    args: {
      5: {
        table: 'is_windows_system_file',
        options: { update: 'true' },
        inputs: [{ field: 'filename', as: 'process_name' }],
        outputMode: 'OUTPUT',
        outputs: [{ field: 'systemFile', as: null }],
      },
    },
  },
  {
    // fillnull of named fields fills them for the next aggregation (dedup); eventstats only
    // adds fields; a trailing comment leaves drop_dm_object_name's stage its origin.
    id: '086ab581-8877-42b3-9aee-4a7ecb0923af',
    file: 'detections/application/detect_password_spray_attempts.yml',
    covers: [
      'eventstats', 'fillnull', 'dedup', 'sort', 'replace', 'foreach', 'appendpipe',
      'by-fields-filled', 'comment',
    ],
    stages: [
      'tstats aggregate by=Authentication.src,Authentication.action,' +
        'Authentication.signature_id,sourcetype,_time filled=all',
      dropObjectName('"Authentication"'),
      'appendpipe enrich',
      'fillnull enrich',
      'sort format',
      'dedup aggregate by=_time filled=unique_accounts,unique_src',
      'eval enrich',
      'eventstats enrich',
      'eval enrich',
      'eventstats enrich',
      'eval enrich',
      'eval enrich',
      'replace enrich',
      'where filter-aggregated',
      'foreach enrich',
      'table format',
      hook('detect_password_spray_attempts_filter'),
    ],
    predicates: { 1: 'Authentication.action eq~ "failure"', 14: 'isOutlier eq 1' },
    subsearches: {
      3: ['{_time: timechart aggregate by=none | table format}'],
      15: ['{: eval enrich}'],
    },
    args: {
      4: { value: '0', fields: ['unique_accounts', 'unique_src'] },
      6: { count: null, options: {}, fields: ['_time'] },
      10: {
        options: {},
        aggregations: [
          { function: 'avg', field: 'unique_accounts', as: 'comp_avg' },
          { function: 'stdev', field: 'unique_accounts', as: 'comp_std' },
        ],
        by: ['counter'],
      },
    },
  },
  {
    // mstats with a where clause (a macro and time bounds); a left join only adds fields;
    // a fillnull of every field fills the next stats' by-fields.
    id: '10442d8b-0701-4c25-911d-d67b906e713c',
    file: 'detections/cloud/kubernetes_anomalous_inbound_network_activity_from_process.yml',
    covers: [
      'mstats', 'outer-join', 'join', 'fillnull', 'by-fields-filled', 'foreach', 'where',
    ],
    stages: [
      'mstats aggregate by=k8s.cluster.name,dest.workload.name,dest.process.name',
      'eval enrich',
      'join enrich',
      'eval enrich',
      'foreach enrich',
      'fillnull enrich',
      'eval enrich',
      'where filter-aggregated',
      'stats aggregate by=k8s.cluster.name,dest.workload.name,dest.process.name filled=all',
      'where filter-aggregated',
      'rename format',
      hook('kubernetes_anomalous_inbound_network_activity_from_process_filter'),
    ],
    predicates: {
      1: 'and(index eq~ "kubernetes_metrics"@kubernetes_metrics, _time ge~ "-1h")',
      8: 'anomalies ne ""',
      10: 'count gt 5',
    },
    subsearches: {
      3: [
        '{key: mstats aggregate by=dest.workload.name,dest.process.name ' +
          '[and(index eq~ "kubernetes_metrics"@kubernetes_metrics, _time ge~ "-30d", ' +
          '_time lt~ "-1h")] | eval enrich}',
      ],
      5: ['{: eval enrich}'],
    },
    args: {
      1: {
        options: { span: '10s' },
        aggregations: [
          { function: 'avg', field: 'tcp.*', as: 'tcp.*' },
          { function: 'avg', field: 'udp.*', as: 'udp.*' },
        ],
        by: ['k8s.cluster.name', 'dest.workload.name', 'dest.process.name'],
        datamodel: null,
      },
      6: { value: null, fields: [] },
    },
  },
  {
    // streamstats adds a running count; filters after the tstats act on its rows.
    id: '92f65c3a-168c-11ed-71eb-0242ac120012',
    file: 'detections/network/detect_dns_data_exfiltration_using_pretrained_model_in_dsdl.yml',
    covers: ['streamstats', 'sort', 'apply', 'tstats-datamodel', 'ctime-format'],
    stages: [
      'tstats aggregate by=DNS.src,_time,DNS.query filled=all',
      dropObjectName('"DNS"'),
      'sort format',
      'streamstats enrich',
      'where filter-aggregated',
      'table format',
      'apply enrich',
      'table format',
      'where filter-aggregated',
      'rename format',
      'rename format',
      'where filter-aggregated',
      'convert format @security_content_ctime(_time)',
      'table format',
      hook('detect_dns_data_exfiltration_using_pretrained_model_in_dsdl_filter'),
    ],
    predicates: { 5: 'rank lt 10', 9: 'rank eq 1', 12: 'is_exfiltration_score gt 0.5' },
    args: {
      4: {
        options: {},
        aggregations: [{ function: 'count', field: null, as: 'rank' }],
        by: ['src', 'query'],
      },
    },
    eventFilter: '(none)',
  },
  {
    // A bare fillnull fills every field: no event is dropped for lacking a by-field.
    id: 'c184f12e-5c90-11ec-bf1f-497c9a704a72',
    file: 'detections/web/log4shell_jndi_payload_injection_attempt.yml',
    covers: ['from', 'regex', 'fillnull', 'by-fields-filled'],
    stages: [
      'from enrich',
      'regex filter',
      'fillnull enrich',
      'stats aggregate by=action,category,dest,dest_port,http_content_type,http_method,' +
        'http_referrer,http_user_agent,site,src,url,url_domain,user filled=all',
      hook('log4shell_jndi_payload_injection_attempt_filter'),
    ],
    predicates: {
      2: '_raw regex "[jJnNdDiI]{4}(\\\\:|\\\\%3A|\\\\/|\\\\%2F)\\\\w+' +
        '(\\\\:\\\\/\\\\/|\\\\%3A\\\\%2F\\\\%2F)(\\\\$\\\\{.*?\\\\}(\\\\.)?)?"',
    },
    args: { 3: { value: null, fields: [] } },
  },
  {
    // dedup keeps one event per host and process_name: events lacking either are dropped.
    id: '2a371608-331d-4034-ae2c-21dda8f1d0ec',
    file: 'detections/endpoint/processes_tapping_keyboard_events.yml',
    covers: ['from', 'dedup', 'search', 'rename', 'table'],
    stages: [
      'from enrich',
      'search filter',
      'rename format',
      'dedup aggregate by=host,process_name',
      'table format',
      hook('processes_tapping_keyboard_events_filter'),
    ],
    predicates: {
      2: 'and(app eq~ "osquery:results", name eq~ "pack_osx-attacks_Keyboard_Event_Taps")',
    },
    args: {
      3: {
        renames: [
          { from: 'columns.cmdline', to: 'cmd' },
          { from: 'columns.name', to: 'process_name' },
          { from: 'columns.pid', to: 'process_id' },
        ],
      },
      4: { count: null, options: {}, fields: ['host', 'process_name'] },
    },
  },
  {
    // tstats without fillnull_value: its by-field drops events lacking it. An outer join
    // only adds the subsearch's fields.
    id: 'bc91a8cd-35e7-4bb2-6140-e756cc46fd71',
    file: 'detections/cloud/detect_aws_console_login_by_new_user.yml',
    covers: ['outer-join', 'join', 'inputlookup', 'where-case-sensitive', 'tstats-datamodel'],
    stages: [
      'tstats aggregate by=Authentication.user',
      dropObjectName('Authentication'),
      'join enrich',
      'eval enrich',
      'where filter-aggregated',
      ...CTIME_FIRST_LAST,
      hook('detect_aws_console_login_by_new_user_filter'),
    ],
    predicates: {
      1: 'Authentication.signature eq~ "ConsoleLogin"',
      5: 'userStatus eq "First Time Logging into AWS Console"',
    },
    subsearches: { 3: ['{user: inputlookup enrich | stats aggregate by=user}'] },
    args: {
      1: {
        options: {},
        aggregations: [
          { function: 'earliest', field: '_time', as: 'firstTime' },
          { function: 'latest', field: '_time', as: 'lastTime' },
        ],
        by: ['Authentication.user'],
        datamodel: 'Authentication',
      },
    },
  },
  {
    // `outlier action=RM` removes rows: a filter on aggregated rows, not an enrichment.
    // `len(user)>=8` and `mvcount(src) == 1` name computed values; `user!=incorrect_cred`
    // compares two fields.
    id: '5ced34b4-ab32-4bb0-8f22-3b8f186f0a38',
    file: 'detections/endpoint/potential_password_in_username.yml',
    covers: ['outlier', 'map', 'sort', 'len', 'lookup'],
    stages: [
      'tstats aggregate by=Authentication.user filled=all',
      dropObjectName('Authentication'),
      'lookup enrich',
      'where filter-aggregated',
      'sort format',
      'eval enrich',
      'eval enrich',
      'map enrich',
      'where filter-aggregated',
      'outlier filter-aggregated',
      hook('potential_password_in_username_filter'),
    ],
    predicates: {
      1: 'nodename eq~ "Authentication.Failed_Authentication"',
      4: 'and(ut_shannon gt 3, len(user) ge 8, mvcount(src) eq 1)',
      9: 'and(user exists, incorrect_cred exists, not(user fieldref "incorrect_cred"))',
    },
  },
  {
    // A subsearch written as a macro, after the aggregation: a condition on the field its
    // table returns, every stage of it from the macro.
    id: 'dcfd6b40-42f9-469d-a433-2e53f7486664',
    file: 'detections/endpoint/detect_prohibited_applications_spawning_cmd_exe.yml',
    covers: ['subsearch', 'subsearch-condition', 'inputlookup', 'macro-origin'],
    stages: [
      'tstats aggregate by=Processes.parent_process_name,Processes.process_name,' +
        'Processes.original_file_name,Processes.dest,Processes.user filled=all',
      dropObjectName('Processes'),
      ...CTIME_FIRST_LAST,
      'search filter-aggregated',
      hook('detect_prohibited_applications_spawning_cmd_exe_filter'),
    ],
    predicates: {
      1: 'or(Processes.process_name eq~ "cmd.exe", ' +
        'Processes.original_file_name eq~ "Cmd.Exe")@process_cmd',
      5: 'subsearch{parent_process_name: inputlookup enrich @prohibited_apps_launching_cmd_macro' +
        ' | rename format @prohibited_apps_launching_cmd_macro' +
        ' | eval enrich @prohibited_apps_launching_cmd_macro' +
        ' | table format @prohibited_apps_launching_cmd_macro}',
    },
    eventFilter: 'or(Processes.process_name eq~ "cmd.exe", ' +
      'Processes.original_file_name eq~ "Cmd.Exe")@process_cmd',
  },
  {
    // iplocation after the aggregation only adds fields.
    id: 'e2b99e7d-d956-411a-a120-2b14adfdde93',
    file: 'detections/application/okta_authentication_failed_during_mfa_challenge.yml',
    covers: ['iplocation', 'implicit-and', 'datamodel-fields'],
    stages: [
      'tstats aggregate by=_time,Authentication.src,Authentication.user,Authentication.dest,' +
        'Authentication.action filled=all',
      dropObjectName('"Authentication"'),
      ...CTIME_FIRST_LAST,
      'iplocation enrich',
      hook('okta_authentication_failed_during_mfa_challenge_filter'),
    ],
    predicates: {
      1: 'and(Authentication.signature eq~ "user.authentication.auth_via_mfa", ' +
        'Authentication.action eq~ "failure")',
    },
  },
];
