// Network and web logs: W3C extended log fields of proxies and web servers (Sigma's `proxy` and
// `webserver` categories, Splunk's IIS logs), generic DNS and firewall logs, antivirus
// detections, and Zeek's logs (Sigma's `zeek/*` services), mapped to ECS and to Elastic's Zeek
// integration (`zeek.*`).

import type { FieldMap, FieldTable } from './field-table.js';

/** W3C extended log fields, shared by proxies and web servers. */
const W3C: FieldTable = {
  'c-ip': 'source.ip',
  's-ip': 'destination.ip',
  's-port': 'destination.port',
  'cs-method': 'http.request.method',
  'cs-uri': 'url.original',
  'cs-uri-stem': 'url.path',
  'cs-uri-query': 'url.query',
  'cs-host': 'url.domain',
  'cs-referer': 'http.request.referrer',
  'cs-referrer': 'http.request.referrer',
  'cs-user-agent': 'user_agent.original',
  'cs-username': 'user.name',
  'cs-version': 'http.version',
  'cs-bytes': 'http.request.bytes',
  'cs-content-type': 'http.request.mime_type',
  'sc-status': 'http.response.status_code',
  'sc-bytes': 'http.response.bytes',
  'sc-content-type': 'http.response.mime_type',
  'time-taken': 'event.duration',
};

export const WEBSERVER_FIELDS: FieldMap = { names: W3C };

/** Proxy logs: W3C names plus the client-side spellings Sigma's taxonomy gives them. */
export const PROXY_FIELDS: FieldMap = {
  names: {
    ...W3C,
    'c-uri': 'url.original',
    'c-uri-extension': 'url.extension',
    'c-uri-query': 'url.query',
    'c-uri-stem': 'url.path',
    'c-useragent': 'user_agent.original',
    'r-dns': 'destination.domain',
    dst_ip: 'destination.ip',
    src_ip: 'source.ip',
  },
};

/** Splunk's IIS add-on writes W3C names with underscores. */
export const IIS_FIELDS: FieldMap = {
  names: Object.fromEntries(Object.entries(W3C).map(([name, to]) => [name.replace(/-/g, '_'), to])),
};

export const DNS_FIELDS: FieldMap = {
  names: {
    query: 'dns.question.name',
    answer: 'dns.answers.data',
    record_type: 'dns.question.type',
    QueryName: 'dns.question.name',
  },
};

export const FIREWALL_FIELDS: FieldMap = {
  names: {
    src_ip: 'source.ip',
    src_port: 'source.port',
    dst_ip: 'destination.ip',
    dst_port: 'destination.port',
    action: 'event.action',
    protocol: 'network.transport',
  },
};

export const ANTIVIRUS_FIELDS: FieldMap = {
  names: {
    Signature: 'threat.software.name',
    Filename: 'file.path',
    FileName: 'file.path',
    User: 'user.name',
    Computer: 'host.name',
  },
};

/** Every Zeek log's connection identifiers. */
const ZEEK_CONNECTION: FieldTable = {
  uid: 'zeek.session_id',
  'id.orig_h': 'source.ip',
  'id.orig_p': 'source.port',
  'id.resp_h': 'destination.ip',
  'id.resp_p': 'destination.port',
};

/** Zeek logs by Sigma service; names with no ECS home keep theirs under `zeek.<service>`. */
export const ZEEK_FIELDS: Readonly<Record<string, FieldMap>> = {
  dns: {
    names: {
      ...ZEEK_CONNECTION,
      query: 'dns.question.name',
      answers: 'dns.answers.data',
      qtype_name: 'dns.question.type',
      rcode_name: 'dns.response_code',
      rejected: 'zeek.dns.rejected',
      Z: 'zeek.dns.Z',
    },
  },
  dce_rpc: {
    names: {
      ...ZEEK_CONNECTION,
      operation: 'zeek.dce_rpc.operation',
      endpoint: 'zeek.dce_rpc.endpoint',
      named_pipe: 'zeek.dce_rpc.named_pipe',
    },
  },
  http: {
    names: {
      ...ZEEK_CONNECTION,
      uri: 'url.original',
      host: 'url.domain',
      method: 'http.request.method',
      user_agent: 'user_agent.original',
      status_code: 'http.response.status_code',
      request_body_len: 'http.request.body.bytes',
      response_body_len: 'http.response.body.bytes',
      resp_mime_types: 'http.response.mime_type',
      referrer: 'http.request.referrer',
      client_header_names: 'zeek.http.client_header_names',
      server_header_names: 'zeek.http.server_header_names',
      // Sigma's proxy spellings inside Zeek rules.
      'c-uri': 'url.original',
      'c-useragent': 'user_agent.original',
    },
  },
  smb_files: {
    names: { ...ZEEK_CONNECTION, name: 'file.name', path: 'zeek.smb_files.path' },
  },
  kerberos: {
    names: {
      ...ZEEK_CONNECTION,
      client: 'zeek.kerberos.client',
      service: 'zeek.kerberos.service',
      request_type: 'zeek.kerberos.request_type',
      cipher: 'zeek.kerberos.cipher',
    },
  },
  rdp: { names: { ...ZEEK_CONNECTION, cookie: 'zeek.rdp.cookie' } },
};
