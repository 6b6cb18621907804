// Golden rule types and hunting queries: the stages around (or instead of) the query.
// Expected lowerings read from each query by hand; the query itself stays in the corpus.

import type { ElasticGoldenCase } from './golden-case.js';

export const RULE_TYPE_CASES: ElasticGoldenCase[] = [
  {
    file:
      'rules/integrations/github/execution_github_ueba_multiple_behavior_alerts_from_account.toml',
    covers: ['threshold-cardinality'],
    stages: [
      '1 from filter {"index":[".alerts-security.*"]} | _index startswith cased ' +
        '".alerts-security."',
      '2 query filter {} | and(signal.rule.tags eq cased "Use Case: UEBA", ' +
        'signal.rule.tags eq cased "Data Source: Github", kibana.alert.workflow_status eq ' +
        'cased "open")',
      '3 threshold aggregate ' +
        '{"field":["user.name"],"value":1,"cardinality":[{"field":"signal.rule.nam' +
        'e","value":5}]}',
      '4 threshold condition filter-aggregated {} | and(count() ge cased 1, ' +
        'cardinality(signal.rule.name) ge cased 5)',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/cross-platform/guided_onboarding_sample_rule.toml',
    covers: ['threshold'],
    stages: [
      '1 from filter ' +
        '{"index":["auditbeat-*","filebeat-*","logs-*","winlogbeat-*"]} | ' +
        'or(_index startswith cased "auditbeat-", _index startswith cased "filebeat-", ' +
        '_index startswith cased "logs-", _index startswith cased "winlogbeat-")',
      '2 query filter {} | event.kind eq cased "event"',
      '3 threshold aggregate {"field":["host.name"],"value":1,"cardinality":[]}',
      '4 threshold condition filter-aggregated {} | count() ge cased 1',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/cross-platform/defense_evasion_potential_http_downgrade_attack.toml',
    covers: ['new_terms-history'],
    stages: [
      '1 from filter ' +
        '{"index":["logs-nginx.access-*","logs-apache.access-*","logs-apache_tomcat.ac' +
        'cess-*","logs-traefik.access-*"]} | or(_index startswith cased ' +
        '"logs-nginx.access-", _index startswith cased "logs-apache.access-", _index ' +
        'startswith cased "logs-apache_tomcat.access-", _index startswith cased ' +
        '"logs-traefik.access-")',
      '2 query filter {} | http.version exists cased',
      '3 new_terms aggregate ' +
        '{"fields":["http.version","agent.id"],"historyWindowStart":"now-7d"}',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/threat_intel/threat_intel_indicator_match_url.toml',
    covers: ['threat_match'],
    stages: [
      '1 from filter ' +
        '{"index":["auditbeat-*","endgame-*","filebeat-*","logs-*","packetbeat-*"' +
        ',"winlogbeat-*"]} | or(_index startswith cased "auditbeat-", _index startswith ' +
        'cased "endgame-", _index startswith cased "filebeat-", _index startswith cased ' +
        '"logs-", _index startswith cased "packetbeat-", _index startswith cased ' +
        '"winlogbeat-")',
      '2 query filter {} | url.full exists cased',
      '3 threat_match filter ' +
        '{"threatIndex":["filebeat-*","logs-ti_*"],"threatQuery":"@timestamp >= ' +
        '\\"now-30d/d\\" and event.module:(threatintel or ti_*) and ' +
        'threat.indicator.url.full:* and ' +
        'not\\nlabels.is_ioc_transform_source:\\"true\\"\\n","threatLanguage":"kuery",' +
        '"threatFilters":3,"indicatorPath":"threat.indicator","mapping":[[{"field":' +
        '"url.full","indicatorField":"threat.indicator.url.full"}],[{"field":"url.or' +
        'iginal","indicatorField":"threat.indicator.url.original"}]]}',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/integrations/lmd/lateral_movement_ml_high_mean_rdp_process_args.toml',
    covers: ['machine_learning'],
    stages: [
      '1 machine_learning aggregate ' +
        '{"jobIds":["lmd_high_mean_rdp_process_args_ea"],"anomalyThreshold":70}',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/promotions/m365_defender_alert_external_alerts.toml',
    covers: ['alert_suppression'],
    stages: [
      '1 from filter {"index":["logs-m365_defender.alert-*"]} | _index startswith ' +
        'cased "logs-m365_defender.alert-"',
      '2 query filter {} | and(event.kind eq cased "alert", data_stream.dataset eq cased ' +
        '"m365_defender.alert")',
      '3 alert_suppression format ' +
        '{"groupBy":["m365_defender.alert.id","m365_defender.alert.tenant_id"],"durati' +
        'on":"24h","missingFieldsStrategy":"doNotSuppress"}',
    ],
    diagnostics: [],
  },
  {
    file: 'rules/_deprecated/privilege_escalation_setgid_bit_set_via_chmod.toml',
    covers: ['lucene'],
    stages: [
      '1 from filter {"index":["auditbeat-*","logs-endpoint.events.*"]} | or(_index ' +
        'startswith cased "auditbeat-", _index startswith cased "logs-endpoint.events.")',
      '2 query filter {}',
    ],
    diagnostics: ['warning elastic.lucene'],
  },
  {
    hunt: 'e6e78858-6482-11ef-93bd-f661ea17fbcc#1',
    file: 'hunting/aws/queries/ec2_discovery_multi_region_describe_instance_calls.toml',
    covers: ['hunting-esql'],
    stages: [
      '1 from filter {"index":["logs-aws.cloudtrail-*"],"metadata":[]} | _index ' +
        'startswith cased "logs-aws.cloudtrail-"',
      '2 where filter {} | computed(@timestamp > (now() - to_dateperiod("7 days")))',
      '3 where filter {} | and(event.dataset eq cased "aws.cloudtrail", event.provider ' +
        'eq cased "ec2.amazonaws.com", event.action eq cased "DescribeInstances")',
      '4 eval enrich ' +
        '{"columns":[{"name":"target_time_window","expression":"DATE_TRUNC(30 ' +
        'seconds, @timestamp)"}]}',
      '5 stats aggregate ' +
        '{"aggregations":[{"name":"region_count","expression":"count_distinct(cloud.' +
        'region)"},{"name":"window_count","expression":"count(*)"}],"by":[{"name' +
        '":"target_time_window","expression":"target_time_window"},{"name":"aws.clo' +
        'udtrail.user_identity.arn","expression":"aws.cloudtrail.user_identity.arn"}]}',
      '6 where filter-aggregated {} | and(region_count ge cased 10, window_count ge cased ' +
        '10)',
      '7 sort format {"keys":[{"key":"target_time_window","order":"desc"}]}',
    ],
    diagnostics: [],
  },
  {
    hunt: '04d4b300-bf2f-4e86-8fab-c51502a1db32#2',
    file:
      'hunting/macos/queries/execution_suspicious_python_app_execution_via_streamlit.toml',
    covers: ['hunting-eql', 'hunting-shared-uuid'],
    stages: [
      '1 sequence aggregate ' +
        '{"by":["process.entity_id"],"steps":2,"maxspan":"2m","until":null} | ' +
        'or(and(event.category eq cased "process", event.type eq cased "start", ' +
        'event.action eq cased "exec", process.name startswith "python", or(process.args ' +
        'wildcard cased "/Users/*/Downloads/*streamlit", process.args wildcard cased ' +
        '"/Users/*/Desktop/*streamlit", process.args wildcard cased ' +
        '"/Users/*/Documents/*streamlit"), process.args eq cased "run", process.args ' +
        'endswith ".py", process.args_count eq cased 4), and(event.category eq cased ' +
        '"network", event.type eq cased "start", destination.domain exists cased, ' +
        'not(or(destination.ip cidr "240.0.0.0/4", destination.ip cidr "233.252.0.0/24", ' +
        'destination.ip cidr "224.0.0.0/4", destination.ip cidr "198.19.0.0/16", ' +
        'destination.ip cidr "192.18.0.0/15", destination.ip cidr "192.0.0.0/24", ' +
        'destination.ip cidr "10.0.0.0/8", destination.ip cidr "127.0.0.0/8", ' +
        'destination.ip cidr "169.254.0.0/16", destination.ip cidr "172.16.0.0/12", ' +
        'destination.ip cidr "192.0.2.0/24", destination.ip cidr "192.31.196.0/24", ' +
        'destination.ip cidr "192.52.193.0/24", destination.ip cidr "192.168.0.0/16", ' +
        'destination.ip cidr "192.88.99.0/24", destination.ip cidr "100.64.0.0/10", ' +
        'destination.ip cidr "192.175.48.0/24", destination.ip cidr "198.18.0.0/15", ' +
        'destination.ip cidr "198.51.100.0/24", destination.ip cidr "203.0.113.0/24", ' +
        'destination.ip cidr "::1", destination.ip cidr "FE80::/10", destination.ip cidr ' +
        '"FF00::/8"))))',
      '2 step filter-aggregated {"step":1,"by":[]} | and(event.category eq cased ' +
        '"process", event.type eq cased "start", event.action eq cased "exec", ' +
        'process.name startswith "python", or(process.args wildcard cased ' +
        '"/Users/*/Downloads/*streamlit", process.args wildcard cased ' +
        '"/Users/*/Desktop/*streamlit", process.args wildcard cased ' +
        '"/Users/*/Documents/*streamlit"), process.args eq cased "run", process.args ' +
        'endswith ".py", process.args_count eq cased 4)',
      '3 step filter-aggregated {"step":2,"by":[]} | and(event.category eq cased ' +
        '"network", event.type eq cased "start", destination.domain exists cased, ' +
        'not(or(destination.ip cidr "240.0.0.0/4", destination.ip cidr "233.252.0.0/24", ' +
        'destination.ip cidr "224.0.0.0/4", destination.ip cidr "198.19.0.0/16", ' +
        'destination.ip cidr "192.18.0.0/15", destination.ip cidr "192.0.0.0/24", ' +
        'destination.ip cidr "10.0.0.0/8", destination.ip cidr "127.0.0.0/8", ' +
        'destination.ip cidr "169.254.0.0/16", destination.ip cidr "172.16.0.0/12", ' +
        'destination.ip cidr "192.0.2.0/24", destination.ip cidr "192.31.196.0/24", ' +
        'destination.ip cidr "192.52.193.0/24", destination.ip cidr "192.168.0.0/16", ' +
        'destination.ip cidr "192.88.99.0/24", destination.ip cidr "100.64.0.0/10", ' +
        'destination.ip cidr "192.175.48.0/24", destination.ip cidr "198.18.0.0/15", ' +
        'destination.ip cidr "198.51.100.0/24", destination.ip cidr "203.0.113.0/24", ' +
        'destination.ip cidr "::1", destination.ip cidr "FE80::/10", destination.ip cidr ' +
        '"FF00::/8")))',
    ],
    diagnostics: [],
  },
  {
    hunt: '9997c6fb-4e01-477f-9011-fc7fc6b000b6#4',
    file: 'hunting/linux/queries/persistence_general_kernel_manipulation.toml',
    covers: ['hunting-osquery'],
    stages: [
      '1 query filter {}',
    ],
    diagnostics: ['warning elastic-hunting.osquery'],
  },
  {
    hunt: '9997c6fb-4e01-477f-9011-fc7fc6b000b6#1',
    file: 'hunting/linux/queries/persistence_general_kernel_manipulation.toml',
    covers: ['hunting-esql-limit'],
    stages: [
      '1 from filter {"index":["logs-endpoint.events.file-*"],"metadata":[]} | ' +
        '_index startswith cased "logs-endpoint.events.file-"',
      '2 keep format ' +
        '{"fields":["@timestamp","host.os.type","event.type","event.action","file.' +
        'path","file.extension","process.executable","agent.id"]}',
      '3 where filter {} | computed(@timestamp > (now() - to_dateperiod("30 days")))',
      '4 where filter {} | and(host.os.type eq cased "linux", or(event.type eq cased ' +
        '"creation", event.type eq cased "change"), file.path startswith cased ' +
        '"/boot/", not(or(file.extension eq cased "dpkg-new", file.extension eq cased ' +
        '"swp")))',
      '5 stats aggregate ' +
        '{"aggregations":[{"name":"cc","expression":"count()"},{"name":"agent_co' +
        'unt","expression":"count_distinct(agent.id)"}],"by":[{"name":"file.path",' +
        '"expression":"file.path"},{"name":"process.executable","expression":"proc' +
        'ess.executable"}]}',
      '6 where filter-aggregated {} | and(agent_count le cased 3, cc le cased 5)',
      '7 sort format {"keys":[{"key":"cc","order":"asc"}]}',
      '8 limit filter-aggregated {"count":100}',
    ],
    diagnostics: [],
  },
];
