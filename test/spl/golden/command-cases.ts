// Golden cases for the other commands the corpus uses: enrichment and formatting commands,
// generating commands, joins and appends, machine-learning and custom commands.

import { CTIME_FIRST_LAST, dropObjectName, hook, type GoldenCase } from './golden-case.js';

const WINEVENTLOG_SECURITY = 'or(eventtype eq~ "wineventlog_security", Channel eq~ "security", ' +
  'source eq~ "XmlWinEventLog:Security")@wineventlog_security';

/** The inner-join subsearch of log4shell_jndi_payload_injection_with_outbound_connection. */
const OUTBOUND_HOSTS = '{affected_host: tstats aggregate by=All_Traffic.dest filled=all | ' +
  `${dropObjectName('All_Traffic')} | convert format @security_content_ctime(firstTime) | ` +
  'convert format @security_content_ctime(lastTime) | rename format}';

/** The inner-join subsearch of windows_ad_gpo_disabled. */
const GPO_CONTAINERS = '{ObjectDN: search filter [and(source eq~ "ActiveDirectory"@admon, ' +
  'objectCategory startswith~ "CN=Group-Policy-Container", admonEventType eq~ "Update")] | ' +
  'eval enrich | stats aggregate by=ObjectDN}';

export const COMMAND_CASES: GoldenCase[] = [
  {
    // bin before stats; anomalydetection with action=annotate only adds fields; `f=*` after
    // stats keeps rows that have f.
    id: 'e4384bbf-5835-4831-8d85-694de6ad2cc6',
    file: 'detections/cloud/aws_exfiltration_via_anomalous_getobject_api_activity.yml',
    covers: ['bin', 'anomalydetection', 'stats', 'wildcards', 'macro-origin'],
    stages: [
      'search filter',
      'bin enrich',
      'stats aggregate by=_time,src_ip,aws_account_id,user_type,user_arn,' +
        'userIdentity.principalId',
      'anomalydetection enrich',
      'search filter-aggregated',
      hook('aws_exfiltration_via_anomalous_getobject_api_activity_filter'),
    ],
    predicates: {
      1: 'and(sourcetype eq~ "aws:cloudtrail"@cloudtrail, eventName eq~ "GetObject")',
      5: 'probable_cause exists~',
    },
    args: {
      3: {
        options: {},
        aggregations: [
          { function: 'count', field: null, as: null },
          { function: 'values', field: 'requestParameters.bucketName', as: 'bucketName' },
        ],
        by: [
          '_time', 'src_ip', 'aws_account_id', 'user_type', 'user_arn', 'userIdentity.principalId',
        ],
      },
    },
    eventFilter: 'and(sourcetype eq~ "aws:cloudtrail"@cloudtrail, eventName eq~ "GetObject")',
  },
  {
    // multikv, five renames, a quoted value holding escaped quotes, inputlookup append=t
    // between two stats, outputlookup; a search made entirely of one macro keeps its origin.
    id: 'ccc3246a-daa1-11ea-87d0-0242ac130022',
    file: 'detections/cloud/detect_gcp_storage_access_from_a_new_ip.yml',
    covers: [
      'multikv', 'inputlookup', 'outputlookup', 'rename', 'table', 'quoted-vs-unquoted',
      'macro-origin',
    ],
    stages: [
      'search filter @google_gcp_pubsub_message',
      'multikv enrich',
      'rename format',
      'rename format',
      'rename format',
      'rename format',
      'rename format',
      'search filter',
      'stats aggregate by=bucket_name,remote_ip,operation,request_uri',
      'table format',
      'inputlookup enrich',
      'stats aggregate by=bucket_name,remote_ip,operation,request_uri',
      'outputlookup format',
      'eval enrich',
      'where filter-aggregated',
      'eval enrich',
      'eval enrich',
      'table format',
      hook('detect_gcp_storage_access_from_a_new_ip_filter'),
    ],
    predicates: {
      1: 'sourcetype eq~ "google:gcp:pubsub:message"@google_gcp_pubsub_message',
      8: 'status eq~ "\\"200\\""',
      15: 'newIP eq 1',
    },
    args: {
      3: { renames: [{ from: 'sc_status_', to: 'status' }] },
      12: {
        options: {},
        aggregations: [
          { function: 'min', field: 'firstTime', as: 'firstTime' },
          { function: 'max', field: 'lastTime', as: 'lastTime' },
        ],
        by: ['bucket_name', 'remote_ip', 'operation', 'request_uri'],
      },
    },
    eventFilter: 'and(sourcetype eq~ "google:gcp:pubsub:message"@google_gcp_pubsub_message, ' +
      'status eq~ "\\"200\\"")',
  },
  {
    // fromjson and extract add fields; renames swap _raw around extract; a value ending in *
    // is a prefix; IN after the renames still filters events.
    id: '7698b945-238e-4bb9-b172-81f5ca1685a1',
    file: 'detections/cloud/o365_email_reported_by_user_found_malicious.yml',
    covers: ['fromjson', 'extract', 'rename', 'rex', 'in', 'wildcards'],
    stages: [
      'search filter',
      'fromjson enrich',
      'rename format',
      'extract enrich',
      'rename format',
      'search filter',
      'rex enrich',
      'eval enrich',
      'stats aggregate by=AlertId,AlertEntityId,Operation,Name',
      'rename format',
      ...CTIME_FIRST_LAST,
      hook('o365_email_reported_by_user_found_malicious_filter'),
    ],
    predicates: {
      1: 'and(sourcetype eq~ "o365:management:activity"@o365_management_activity, ' +
        'Workload eq~ "SecurityComplianceCenter", Operation eq~ "AlertEntityGenerated", ' +
        'Name startswith~ "Email reported by user as")',
      6: 'RescanVerdict in~ "Phish" "Malware"',
    },
    args: {
      3: { renames: [{ from: '_raw', to: 'temp' }, { from: 'etps', to: '_raw' }] },
      8: {
        assignments: [
          { field: 'src_user', expression: 'case(isnull(src_user),tsd,true(),src_user)' },
        ],
      },
    },
  },
  {
    // cyberchef, a custom command, only adds fields; where on the eval's flag is case-sensitive.
    id: '696694df-5706-495a-81f2-79501fa11b90',
    file: 'detections/network/ssl_certificates_with_punycode.yml',
    covers: ['cyberchef', 'tstats-datamodel', 'datamodel-fields', 'table'],
    stages: [
      'tstats aggregate by=All_Certificates.SSL.ssl_issuer_email_domain,' +
        'All_Certificates.SSL.ssl_issuer,All_Certificates.SSL.ssl_subject_email,' +
        'All_Certificates.SSL.dest,All_Certificates.SSL.src,All_Certificates.SSL.sourcetype,' +
        'All_Certificates.SSL.ssl_subject_email_domain filled=all',
      dropObjectName('"All_Certificates.SSL"'),
      'eval enrich',
      'where filter-aggregated',
      'cyberchef enrich',
      'table format',
      hook('ssl_certificates_with_punycode_filter'),
    ],
    predicates: { 4: 'punycode eq 1' },
    args: {
      2: { renames: [{ from: 'All_Certificates.SSL.*', to: '*' }] },
      3: {
        assignments: [
          { field: 'punycode', expression: 'if(like(ssl_issuer_email_domain,"%xn--%"),1,0)' },
        ],
      },
    },
  },
  {
    // from datamodel, nine evals, addtotals summing them; the where before stats filters
    // events on the computed score.
    id: '158b68fa-5d1a-11ec-aac8-acde48001122',
    file: 'detections/web/hunting_for_log4shell.yml',
    covers: ['addtotals', 'from', 'eval', 'where'],
    stages: [
      'from enrich',
      'eval enrich',
      'eval enrich',
      'eval enrich',
      'eval enrich',
      'eval enrich',
      'eval enrich',
      'eval enrich',
      'eval enrich',
      'eval enrich',
      'addtotals enrich',
      'where filter',
      'stats aggregate by=jndi,jndi_proto,env_var,uridetect,all_match,jndi_fastmatch,' +
        'keywords,lookups,obf,dest,src,http_method,_raw',
      hook('hunting_for_log4shell_filter'),
    ],
    predicates: { 12: 'Score gt 2' },
    eventFilter: 'Score gt 2',
  },
  {
    // xmlkv adds fields; lookup `word as Task_Name` matches the table's word to the event's
    // Task_Name; a where before any aggregation filters events.
    id: '9d22a780-5165-11ec-ad4f-3e22fbd008af',
    file: 'detections/endpoint/randomly_generated_scheduled_task_name.yml',
    covers: ['xmlkv', 'lookup', 'where', 'or-binds-tighter'],
    stages: [
      'search filter',
      'xmlkv enrich',
      'lookup enrich',
      'where filter',
      'table format',
      hook('randomly_generated_scheduled_task_name_filter'),
    ],
    predicates: {
      1: `and(${WINEVENTLOG_SECURITY}, EventCode eq~ 4698)`,
      4: 'ut_shannon gt 3',
    },
    args: {
      3: {
        table: 'ut_shannon_lookup',
        options: {},
        inputs: [{ field: 'word', as: 'Task_Name' }],
        outputMode: null,
        outputs: [],
      },
    },
    eventFilter: `and(${WINEVENTLOG_SECURITY}, EventCode eq~ 4698, ut_shannon gt 3)`,
  },
  {
    // An inner join filters events by its subsearch's rows on affected_host; part of the
    // event filter, as it comes before the aggregation.
    id: '69afee44-5c91-11ec-bf1f-497c9a704a72',
    file: 'detections/web/log4shell_jndi_payload_injection_with_outbound_connection.yml',
    covers: ['join', 'inner-join', 'subsearch-condition', 'from', 'rex', 'fillnull'],
    stages: [
      'from enrich',
      'rex enrich',
      'join filter',
      'fillnull enrich',
      'stats aggregate by=action,category,dest,dest_port,http_content_type,http_method,' +
        'http_referrer,http_user_agent,site,src,url,url_domain,user filled=all',
      hook('log4shell_jndi_payload_injection_with_outbound_connection_filter'),
    ],
    predicates: { 3: `subsearch${OUTBOUND_HOSTS}` },
    subsearches: { 3: [OUTBOUND_HOSTS] },
    eventFilter: `subsearch${OUTBOUND_HOSTS}`,
  },
  {
    // append adds the rows of another search (with its own where) to this one's.
    id: 'ada0f478-84a8-4641-a3f1-d82362d6bd75',
    file: 'detections/cloud/aws_network_access_control_list_created_with_all_open_ports.yml',
    covers: ['append', 'fillnull', 'or-binds-tighter', 'ne-vs-not', 'subsearch'],
    stages: [
      'search filter',
      'append enrich',
      'fillnull enrich',
      'stats aggregate by=userName,user_arn,userIdentity.principalId,eventName,' +
        'requestParameters.ruleAction,requestParameters.egress,requestParameters.aclProtocol,' +
        'requestParameters.portRange.to,requestParameters.portRange.from,src,userAgent,' +
        'requestParameters.cidrBlock filled=all',
      ...CTIME_FIRST_LAST,
      hook('aws_network_access_control_list_created_with_all_open_ports_filter'),
    ],
    predicates: {
      1: 'and(sourcetype eq~ "aws:cloudtrail"@cloudtrail, or(eventName eq~ ' +
        '"CreateNetworkAclEntry", eventName eq~ "ReplaceNetworkAclEntry"), ' +
        'requestParameters.ruleAction eq~ "allow", requestParameters.egress eq~ "false", ' +
        'requestParameters.aclProtocol eq~ -1)',
    },
    subsearches: {
      2: [
        '{: search filter [and(sourcetype eq~ "aws:cloudtrail"@cloudtrail, or(eventName eq~ ' +
          '"CreateNetworkAclEntry", eventName eq~ "ReplaceNetworkAclEntry"), ' +
          'requestParameters.ruleAction eq~ "allow", requestParameters.egress eq~ "false", ' +
          'requestParameters.aclProtocol ne~ -1)] | eval enrich | ' +
          'where filter [port_range gt 1024]}',
      ],
    },
  },
  {
    // An inner join before the aggregation; `f!=0` keeps events whose f is present and not 0.
    id: '72793bc0-c0cd-400e-9e60-fdf36f278917',
    file: 'detections/application/windows_ad_gpo_disabled.yml',
    covers: ['inner-join', 'join', 'ne-vs-not', 'subsearch'],
    stages: [
      'search filter',
      'eval enrich',
      'join filter',
      'stats aggregate by=ObjectDN,SubjectLogonId',
      hook('windows_ad_gpo_disabled_filter'),
    ],
    predicates: {
      1: `and(${WINEVENTLOG_SECURITY}, EventCode eq~ 5136, AttributeLDAPDisplayName eq~ ` +
        '"flags", OperationType eq~ "%%14674", AttributeValue ne~ 0)',
      3: `subsearch${GPO_CONTAINERS}`,
    },
    subsearches: { 3: [GPO_CONTAINERS] },
    eventFilter: `and(${WINEVENTLOG_SECURITY}, EventCode eq~ 5136, AttributeLDAPDisplayName ` +
      'eq~ "flags", OperationType eq~ "%%14674", AttributeValue ne~ 0, ' +
      `subsearch${GPO_CONTAINERS})`,
  },
  {
    // transaction with startswith/endswith groups by user; the search before it filters.
    id: '1347b9e8-2daa-4a6f-be73-b421d3d9e268',
    file: 'detections/cloud/azure_ad_user_enabled_and_password_reset.yml',
    covers: ['transaction', 'or-binds-tighter'],
    stages: [
      'search filter',
      'transaction aggregate by=user',
      'rename format',
      'rename format',
      'stats aggregate by=user,result',
      ...CTIME_FIRST_LAST,
      hook('azure_ad_user_enabled_and_password_reset_filter'),
    ],
    predicates: {
      1: 'and(sourcetype eq~ "azure:monitor:aad"@azure_monitor_aad, or(operationName eq~ ' +
        '"Enable account", operationName eq~ "Reset password (by admin)", ' +
        'operationName eq~ "Update user"))',
    },
  },
  {
    // iplocation on a data-model field before drop_dm_object_name; an outer join whose
    // subsearch ends in fields.
    id: '121b0b11-f8ac-4ed6-a132-3800ca4fc07a',
    file: 'detections/cloud/detect_aws_console_login_by_user_from_new_city.yml',
    covers: ['iplocation', 'outer-join', 'join', 'inputlookup', 'fields'],
    stages: [
      'tstats aggregate by=Authentication.user,Authentication.src',
      'iplocation enrich',
      dropObjectName('Authentication'),
      'rename format',
      'table format',
      'join enrich',
      'eval enrich',
      'where filter-aggregated',
      ...CTIME_FIRST_LAST,
      'table format',
      hook('detect_aws_console_login_by_user_from_new_city_filter'),
    ],
    predicates: {
      1: 'Authentication.signature eq~ "ConsoleLogin"',
      8: 'userCity eq "New City"',
    },
    subsearches: {
      6: [
        '{user: inputlookup enrich | rename format | ' +
          'stats aggregate by=user,previouslySeenCity | fields format}',
      ],
    },
  },
];
