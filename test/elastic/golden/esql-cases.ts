// Golden ES|QL rules: one stage per command, WHERE conditions as predicates or computed.
// Expected lowerings read from each query by hand; the query itself stays in the corpus.

import type { ElasticGoldenCase } from './golden-case.js';

export const ESQL_CASES: ElasticGoldenCase[] = [
  {
    file: 'rules/windows/defense_evasion_audit_policy_disabled_winlog.toml',
    covers: ['esql-inline-stats', 'esql-computed', 'esql-mv-contains'],
    stages: [
      '1 from filter ' +
        '{"index":["logs-windows.forwarded*","logs-system.security*"],"metadata":["_' +
        'id","_version","_index"]} | or(_index startswith cased ' +
        '"logs-windows.forwarded", _index startswith cased "logs-system.security")',
      '2 where filter {} | and(host.os.type eq cased "windows", event.code eq cased ' +
        '"4719", or(winlog.event_data.AuditPolicyChangesDescription eq cased "Success ' +
        'removed", winlog.event_data.AuditPolicyChangesDescription eq cased "Success ' +
        'Added"), or(winlog.event_data.SubCategory eq cased "Logon", ' +
        'winlog.event_data.SubCategory eq cased "Audit Policy Change", ' +
        'winlog.event_data.SubCategory eq cased "Process Creation", ' +
        'winlog.event_data.SubCategory eq cased "Other System Events", ' +
        'winlog.event_data.SubCategory eq cased "Security Group Management", ' +
        'winlog.event_data.SubCategory eq cased "User Account Management"))',
      '3 eval enrich ' +
        '{"columns":[{"name":"Esql.time_window","expression":"DATE_TRUNC(5m, ' +
        '@timestamp)"}]}',
      '4 inline stats enrich ' +
        '{"aggregations":[{"name":"Esql.winlog_AuditPolicyChangesDescription_values","' +
        'expression":"VALUES(winlog.event_data.AuditPolicyChangesDescription)"}],"by":[{' +
        '"name":"host.id","expression":"host.id"},{"name":"winlog.event_data.SubCa' +
        'tegory","expression":"winlog.event_data.SubCategory"},{"name":"Esql.time_win' +
        'dow","expression":"Esql.time_window"}]}',
      '5 where filter-aggregated {} | and(winlog.event_data.AuditPolicyChangesDescription ' +
        'eq cased "Success removed", not(Esql.winlog_AuditPolicyChangesDescription_values ' +
        'eq cased "Success Added"))',
      '6 where filter-aggregated {} | computed(@timestamp < (now() - to_timeduration("5 ' +
        'minutes")))',
      '7 keep format {"fields":["*"]}',
    ],
    diagnostics: [],
  },
  {
    file:
      'rules/integrations/aws_bedrock/aws_bedrock_multiple_topic_policy_blocks_detected.toml',
    covers: ['esql-mv-expand', 'esql-stats', 'esql-keep', 'esql-sort'],
    stages: [
      '1 from filter {"index":["logs-aws_bedrock.invocation-*"],"metadata":[]} | ' +
        '_index startswith cased "logs-aws_bedrock.invocation-"',
      '2 mv_expand enrich {"field":"gen_ai.policy.name"}',
      '3 mv_expand enrich {"field":"gen_ai.policy.action"}',
      '4 where filter {} | and(gen_ai.policy.action eq cased "BLOCKED", ' +
        'gen_ai.compliance.violation_detected eq cased "true", gen_ai.policy.name eq cased ' +
        '"topic_policy")',
      '5 keep format {"fields":["user.id"]}',
      '6 stats aggregate ' +
        '{"aggregations":[{"name":"Esql.ml_policy_blocked_topic_count","expression":' +
        '"count()"}],"by":[{"name":"user.id","expression":"user.id"}]}',
      '7 where filter-aggregated {} | Esql.ml_policy_blocked_topic_count gt cased 5',
      '8 sort format ' +
        '{"keys":[{"key":"Esql.ml_policy_blocked_topic_count","order":"desc"}]}',
    ],
    diagnostics: [],
  },
  {
    file:
      'rules/integrations/kubernetes/execution_kubernetes_pod_exec_curl_wget_https.toml',
    covers: ['esql-grok', 'esql-rlike', 'esql-eval', 'esql-is-null'],
    stages: [
      '1 from filter ' +
        '{"index":["logs-kubernetes.audit_logs-*"],"metadata":["_id","_index","_ve' +
        'rsion"]} | _index startswith cased "logs-kubernetes.audit_logs-"',
      '2 where filter {} | and(kubernetes.audit.objectRef.subresource eq cased "exec", ' +
        'kubernetes.audit.requestURI contains cased "command=")',
      '3 eval enrich ' +
        '{"columns":[{"name":"decoded_uri","expression":"URL_DECODE(kubernetes.audit' +
        '.requestURI)"}]}',
      '4 grok enrich ' +
        '{"input":"decoded_uri","pattern":"%{DATA}/exec\\\\?%{DATA:raw_commands}&(?:co' +
        'ntainer|stdin|stdout|stderr)=%{GREEDYDATA}"}',
      '5 eval enrich ' +
        '{"columns":[{"name":"command","expression":"REPLACE(raw_commands, ' +
        '\\"command=\\", \\"\\")"}]}',
      '6 eval enrich {"columns":[{"name":"command","expression":"REPLACE(command, ' +
        '\\"&\\", \\" \\")"}]}',
      '7 eval enrich ' +
        '{"columns":[{"name":"Esql.executed_command","expression":"REPLACE(command, ' +
        '\\"\\\\\\\\+\\", \\" \\")"}]}',
      '8 where filter {} | and(Esql.executed_command exists cased, Esql.executed_command ' +
        'regex cased ".*(curl.*https|wget.*https).*", not(Esql.executed_command regex ' +
        'cased ' +
        '".*(/api/v1/health|/healthz|/readyz|/livez|127\\\\.0\\\\.0\\\\.1|localhost|/openid/' +
        'v1/jwks|/openid-connect/certs|/.well-known/openid-configuration|/.well-known/jwks\\' +
        '\\.json|kubernetes\\\\.default\\\\.svc).*"))',
      '9 keep format {"fields":["*"]}',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/cross-platform/multiple_machine_learning_jobs_by_entity.toml',
    covers: ['esql-kql'],
    stages: [
      '1 from filter {"index":[".alerts-security.*"],"metadata":[]} | _index ' +
        'startswith cased ".alerts-security."',
      '2 where filter {} | and(kibana.alert.rule.type eq cased "machine_learning", ' +
        'not(kibana.alert.rule.tags eq cased "Rule Type: Higher-Order Rule"))',
      '3 stats aggregate ' +
        '{"aggregations":[{"name":"Esql.count_distinct_job_id","expression":"COUNT_D' +
        'ISTINCT(job_id)"},{"name":"Esql.job_id_values","expression":"VALUES(job_id)' +
        '"},{"name":"Esql.rule_name_values","expression":"VALUES(kibana.alert.rule.na' +
        'me)"},{"name":"Esql.influencer_field_values","expression":"VALUES(influencer' +
        's.influencer_field_values)"},{"name":"Esql.influencer_field_name","expression' +
        '":"VALUES(influencers.influencer_field_name)"}],"by":[{"name":"influencers.i' +
        'nfluencer_field_values","expression":"influencers.influencer_field_values"},{"' +
        'name":"process.name","expression":"process.name"},{"name":"host.name","e' +
        'xpression":"host.name"}]}',
      '4 where filter-aggregated {} | and(Esql.count_distinct_job_id ge cased 3, ' +
        'not(or(influencers.influencer_field_values eq cased "root", ' +
        'influencers.influencer_field_values eq cased "SYSTEM")))',
      '5 keep format ' +
        '{"fields":["influencers.influencer_field_values","process.name","host.name",' +
        '"Esql.*"]}',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/windows/defense_evasion_masquerading_as_svchost.toml',
    covers: ['esql-match-options', 'esql-to-lower'],
    stages: [
      '1 from filter ' +
        '{"index":["logs-endpoint.events.process-*","logs-windows.sysmon_operational-*"' +
        ',"logs-system.security-*","logs-windows.*","winlogbeat-*"],"metadata":["_id' +
        '","_version","_index"]} | or(_index startswith cased ' +
        '"logs-endpoint.events.process-", _index startswith cased ' +
        '"logs-windows.sysmon_operational-", _index startswith cased ' +
        '"logs-system.security-", _index startswith cased "logs-windows.", _index ' +
        'startswith cased "winlogbeat-")',
      '2 where filter {} | and(event.category eq cased "process", event.type eq cased ' +
        '"start", opaque("match(process.name, \\"svchost.exe\\", { \\"fuzziness\\": ' +
        '1, \\"max_expansions\\": 10 })"), not(or(process.executable eq ' +
        '"c:\\\\windows\\\\syswow64\\\\svchost.exe", process.executable eq ' +
        '"c:\\\\windows\\\\system32\\\\svchost.exe")), not(process.executable wildcard ' +
        '"\\\\\\\\device\\\\\\\\harddiskvolume*\\\\\\\\windows\\\\\\\\system32\\\\\\\\svchos' +
        't.exe"), not(process.executable wildcard ' +
        '"\\\\\\\\device\\\\\\\\harddiskvolume*\\\\\\\\windows\\\\\\\\syswow64\\\\\\\\svchos' +
        't.exe"))',
      '3 keep format {"fields":["*"]}',
    ],
    diagnostics: ['warning esql.unsupported'],
  },
  {
    file:
      'rules/integrations/azure/' +
      'persistence_entra_id_service_principal_federated_issuer_modified.toml',
    covers: ['esql-dissect', 'esql-backticks', 'esql-two-columns'],
    stages: [
      '1 from filter ' +
        '{"index":["logs-azure.auditlogs-*"],"metadata":["_id","_version","_index' +
        '"]} | _index startswith cased "logs-azure.auditlogs-"',
      '2 where filter {} | event.action eq cased "Update application"',
      '3 where filter {} | ' +
        'azure.auditlogs.properties.target_resources.0.modified_properties.0.display_name eq ' +
        'cased "FederatedIdentityCredentials"',
      '4 eval enrich ' +
        '{"columns":[{"name":"Esql.target_resources_old_value_clean","expression":"r' +
        'eplace(`azure.auditlogs.properties.target_resources.0.modified_properties.0.old_valu' +
        'e`, \\"\\\\\\\\\\\\\\\\\\", \\"\\")"}]}',
      '5 eval enrich ' +
        '{"columns":[{"name":"Esql.target_resources_new_value_clean","expression":"r' +
        'eplace(`azure.auditlogs.properties.target_resources.0.modified_properties.0.new_valu' +
        'e`, \\"\\\\\\\\\\\\\\\\\\", \\"\\")"}]}',
      '6 dissect enrich ' +
        '{"input":"Esql.target_resources_old_value_clean","pattern":"%{}\\"Issuer\\"' +
        ':\\"%{Esql.external_idp_old_issuer}\\"%{}"}',
      '7 dissect enrich ' +
        '{"input":"Esql.target_resources_new_value_clean","pattern":"%{}\\"Issuer\\"' +
        ':\\"%{Esql.external_idp_new_issuer}\\"%{}"}',
      '8 where filter {} | and(Esql.external_idp_old_issuer exists cased, ' +
        'Esql.external_idp_new_issuer exists cased)',
      '9 where filter {} | not(Esql.external_idp_old_issuer fieldref cased ' +
        '"Esql.external_idp_new_issuer")',
      '10 keep format ' +
        '{"fields":["@timestamp","Esql.*","azure.*","event.*","cloud.*","related' +
        '.*","tags","source.*","agent.*","client.*","_id","_version","_index",' +
        '"data_stream.namespace"]}',
    ],
    diagnostics: [],
  },
];
