import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  NEIGHBOR_LIMIT,
  findNeighbors,
  searchNeighbors,
} from '../../src/analysis/neighbors/find-neighbors.js';
import type { Rule } from '../../src/ir/index.js';
import {
  and,
  cs,
  elasticRule,
  not,
  opaque,
  or,
  p,
  rule,
  search,
  searchRule,
  stage,
  stats,
} from './rule-fixture.js';
import {
  buildRules,
  elasticRule as elasticFile,
  sigmaRule,
  splunkDetection,
  type Repositories,
} from '../verify/rule-repository.js';

/** The ids listed as broader and narrower for each rule that has any. */
function relations(rules: Rule[]): Record<string, { broader: string[]; narrower: string[] }> {
  const shown: Record<string, { broader: string[]; narrower: string[] }> = {};
  for (const [id, neighbors] of findNeighbors(rules)) {
    if (neighbors.broader.length + neighbors.narrower.length === 0) continue;
    shown[id.replace('splunk:', '')] = {
      broader: neighbors.broader.map((n) => n.id.replace('splunk:', '')),
      narrower: neighbors.narrower.map((n) => n.id.replace('splunk:', '')),
    };
  }
  return shown;
}

const wide = p('CommandLine', 'contains', 'vssadmin');
const narrow = and([
  p('CommandLine', 'contains', 'vssadmin delete'),
  p('Image', 'endswith', '\\vssadmin.exe'),
]);

describe('neighbors', () => {
  it('a rule needing a substring of another’s value is broader, with a checkable reason', () => {
    const rules = [searchRule('wide', wide), searchRule('narrow', narrow)];
    assert.deepEqual(relations(rules), {
      wide: { broader: [], narrower: ['narrow'] },
      narrow: { broader: ['wide'], narrower: [] },
    });
    const neighbors = findNeighbors(rules);
    assert.equal(
      neighbors.get('splunk:narrow')?.broader[0].reason,
      "requires only CommandLine contains 'vssadmin' (this rule: CommandLine contains " +
        "'vssadmin delete'), which every event of this rule satisfies; " +
        'it adds no aggregation or threshold',
    );
    assert.equal(
      neighbors.get('splunk:wide')?.narrower[0].reason,
      "every event it matches satisfies this rule's CommandLine contains 'vssadmin' " +
        "(it: CommandLine contains 'vssadmin delete'); it adds Image ends with '\\vssadmin.exe'; " +
        'this rule adds no aggregation or threshold',
    );
  });

  it('finds a path equality under a broader suffix, prefix and substring', () => {
    const path = 'C:\\Windows\\System32\\cmd.exe';
    const rules = [
      searchRule('eq', p('Image', 'eq', path)),
      searchRule('suffix', p('Image', 'endswith', '\\cmd.exe')),
      searchRule('prefix', p('Image', 'startswith', 'c:\\windows\\')),
      searchRule('part', p('Image', 'contains', 'system32')),
      searchRule('other', p('Image', 'contains', 'system64')),
    ];
    assert.deepEqual(relations(rules).eq, { broader: ['part', 'prefix', 'suffix'], narrower: [] });
  });

  it('a case-insensitive rule is not narrower than a case-sensitive one', () => {
    const rules = [
      searchRule('sensitive', cs('process', 'eq', 'Cmd.exe')),
      searchRule('insensitive', p('process', 'eq', 'cmd.exe')),
    ];
    assert.deepEqual(relations(rules), {
      insensitive: { broader: [], narrower: ['sensitive'] },
      sensitive: { broader: ['insensitive'], narrower: [] },
    });
  });

  it('a rule with a threshold on aggregated rows is never broader', () => {
    const threshold = rule('threshold', [
      search(wide),
      stats(['dest']),
      stage('where', 'filter-aggregated', { predicate: p('count', 'gt', 5) }),
    ]);
    const rules = [threshold, searchRule('narrow', narrow, [stats(['dest'])])];
    assert.deepEqual(relations(rules), {});
    const plain = searchRule('plain', p('CommandLine', 'contains', 'vss'));
    assert.deepEqual(relations([threshold, plain]).threshold, { broader: ['plain'], narrower: [] });
  });

  it('a group-by field must be present in every event of the narrower rule', () => {
    const grouped = searchRule('grouped', wide, [stats(['dest', 'user'])]);
    const rules = [
      grouped,
      searchRule('ungrouped', narrow),
      searchRule('same-groups', narrow, [stats(['user', 'dest', 'host'])]),
      searchRule('requires', and([narrow, p('dest', 'exists'), p('user', 'eq', 'root')])),
      searchRule('one-missing', and([narrow, p('dest', 'exists')])),
    ];
    assert.deepEqual(relations(rules).grouped, {
      broader: [],
      narrower: ['same-groups', 'requires'],
    });
  });

  it('grouping by the event time drops no event, even after the time was binned', () => {
    const bin = stage('bin', 'enrich', { args: { items: ['_time'] } });
    const rules = [
      rule('per-hour', [search(wide), bin, stats(['_time'])]),
      searchRule('narrow', narrow),
    ];
    assert.deepEqual(relations(rules).narrow, { broader: ['per-hour'], narrower: [] });
  });

  it('filled group-by fields drop no event', () => {
    const rules = [
      searchRule('grouped', wide, [stats(['dest'], 'all')]),
      searchRule('narrow', narrow),
    ];
    assert.deepEqual(relations(rules).narrow, { broader: ['grouped'], narrower: [] });
    const reason = findNeighbors(rules).get('splunk:narrow')?.broader[0].reason;
    assert.match(reason ?? '', /; its stats keeps every event$/);
  });

  it('an opaque part keeps a rule out of every claim', () => {
    const rules = [
      searchRule('wide', and([wide, opaque('odd(')])),
      searchRule('narrow', narrow),
      searchRule('narrow-opaque', and([narrow, opaque('odd(')])),
      rule('opaque-stage', [search(wide), stage('frobnicate', 'enrich', { opaque: true })]),
    ];
    assert.deepEqual(relations(rules), {});
  });

  it('a filter on computed fields blocks a broader claim and is ignored in a narrower one', () => {
    const computed = rule('computed', [
      search(wide),
      stage('eval', 'enrich'),
      stage('where', 'filter', { predicate: p('score', 'gt', 50) }),
    ]);
    const vss = searchRule('vss', p('CommandLine', 'contains', 'vss'));
    const rules = [computed, searchRule('narrow', narrow), vss];
    assert.deepEqual(relations(rules), {
      computed: { broader: ['vss'], narrower: [] },
      narrow: { broader: ['vss'], narrower: [] },
      vss: { broader: [], narrower: ['computed', 'narrow'] },
    });
  });

  it('stages writing other fields keep a broader claim; writing a grouped field blocks it', () => {
    const evalScore = stage('eval', 'enrich', {
      args: { assignments: [{ field: 'score', expression: 'len(CommandLine)' }] },
    });
    const renameHost = stage('rename', 'format', {
      args: { renames: [{ from: 'host', to: 'dest' }] },
    });
    const where = stage('where', 'filter', { predicate: cs('User', 'eq', 'root') });
    const rules = [
      rule('eval-then-group', [search(wide), evalScore, where, stats(['dest'])]),
      rule('rename-then-group', [search(wide), renameHost, stats(['dest'])]),
      searchRule('narrow', and([narrow, p('dest', 'exists')]), [where]),
    ];
    assert.deepEqual(relations(rules).narrow, { broader: ['eval-then-group'], narrower: [] });
  });

  it('a rule adding rows from elsewhere is not compared', () => {
    const appended = rule('appended', [search(narrow), stage('append', 'enrich')]);
    assert.deepEqual(relations([appended, searchRule('wide', wide)]), {});
  });

  it('an elastic new_terms rule may be narrower but is never broader', () => {
    const name = cs('process.name', 'eq', 'vssadmin.exe');
    const withArgs = and([name, cs('process.args', 'eq', 'delete')]);
    const rules = [
      elasticRule('terms-wide', name, { type: 'new_terms' }),
      elasticRule('query-narrow', withArgs),
    ];
    assert.equal(searchNeighbors(rules).claims.length, 0);
    const swapped = [
      elasticRule('terms-narrow', withArgs, { type: 'new_terms' }),
      elasticRule('query-wide', name),
    ];
    assert.deepEqual(
      searchNeighbors(swapped).claims.map((c) => [c.broader.upstreamId, c.narrower.upstreamId]),
      [['query-wide', 'terms-narrow']],
    );
  });

  it('an elastic rule is broader only when its index patterns cover the other’s', () => {
    const name = cs('process.name', 'eq', 'vssadmin.exe');
    const withArgs = and([name, cs('process.args', 'eq', 'delete')]);
    const claimsWith = (broaderIndex: string[], narrowerIndex: string[]) =>
      searchNeighbors([
        elasticRule('wide', name, { index: broaderIndex }),
        elasticRule('narrow', withArgs, { index: narrowerIndex }),
      ]).claims.length;
    assert.equal(claimsWith(['logs-endpoint.events.*'], ['logs-endpoint.events.process-*']), 1);
    assert.equal(claimsWith(['logs-*', 'winlogbeat-*'], ['winlogbeat-*', 'logs-system.*']), 1);
    assert.equal(claimsWith(['logs-endpoint.events.process-*'], ['logs-endpoint.events.*']), 0);
    assert.equal(claimsWith(['logs-*-default'], ['logs-endpoint-default']), 0);
    assert.equal(claimsWith(['logs-*', '-logs-test-*'], ['logs-a-*']), 0);
  });

  it('tstats rules are compared only over the same data model and read options', () => {
    const tstats = (id: string, expr: typeof wide, datamodel: string, options = {}) =>
      rule(id, [
        stage('tstats', 'aggregate', {
          predicate: expr,
          args: { datamodel, options: { fillnull_value: 'null', ...options } },
          groupBy: { fields: ['Processes.dest'], filled: 'all' },
        }),
      ]);
    const name = p('Processes.process_name', 'eq', 'vssadmin.exe');
    const withArgs = and([name, p('Processes.process', 'contains', 'delete')]);
    const pairs = (broaderModel: string, options = {}) =>
      searchNeighbors([
        tstats('wide', name, broaderModel, options),
        tstats('narrow', withArgs, 'Endpoint.Processes', { summariesonly: 'false' }),
      ]).claims.length;
    assert.equal(pairs('Endpoint.Processes'), 1);
    assert.equal(pairs('Endpoint.Processes', { summariesonly: 'f', allow_old_summaries: 't' }), 1);
    assert.equal(pairs('Endpoint.Processes', { summariesonly: 'true' }), 0);
    assert.equal(pairs('Endpoint.Filesystem'), 0);
  });

  it('KQL values imply only equal values: field types decide word or value matching', () => {
    const text = 'powershell.file.script_block_text';
    const kuery = (id: string, expr: typeof wide) =>
      elasticRule(id, expr, { language: 'kuery', type: 'query' });
    const rules = [
      kuery('part', cs(text, 'contains', 'Mimikatz')),
      kuery('whole', cs(text, 'eq', 'Invoke-Mimikatz')),
      kuery('both', and([cs(text, 'eq', 'Invoke-Mimikatz'), cs('host.os.type', 'eq', 'windows')])),
    ];
    assert.deepEqual(searchNeighbors(rules).claims.map((c) => c.broader.upstreamId), ['whole']);
  });

  it('equivalent rules are listed as equivalent on both pages, with a reason saying so', () => {
    const rules = [
      searchRule('one', and([p('A', 'eq', 1), p('B', 'in', ['x', 'y'])])),
      searchRule('two', and([or([p('B', 'eq', 'y'), p('B', 'eq', 'x')]), p('A', 'eq', '1')])),
      searchRule('wider', p('A', 'eq', 1)),
    ];
    assert.deepEqual(relations(rules).one, { broader: ['wider'], narrower: [] });
    const equivalentOf = (id: string) =>
      (findNeighbors(rules).get(id)?.equivalent ?? []).map((neighbor) => neighbor.id);
    assert.deepEqual([equivalentOf('splunk:one'), equivalentOf('splunk:two')], [
      ['splunk:two'],
      ['splunk:one'],
    ]);
    const [first] = findNeighbors(rules).get('splunk:one')?.equivalent ?? [];
    assert.equal(
      first.reason,
      "equivalent — requires only B = one of 'y', 'x' AND A = '1', " +
        'which every event of this rule satisfies; it adds no aggregation or threshold',
    );
  });

  it('a reason keeps the broader condition’s OR, with unreached branches as …', () => {
    const rules = [
      searchRule(
        'whoami',
        and([
          p('sourcetype', 'eq', 'sysmon'),
          or([
            p('Image', 'endswith', '\\whoami.exe'),
            p('OriginalFileName', 'eq', 'whoami.exe'),
            p('CommandLine', 'contains', 'whoami'),
          ]),
        ]),
      ),
      searchRule(
        'system-whoami',
        and([
          p('sourcetype', 'eq', 'sysmon'),
          or([
            p('Image', 'eq', 'C:\\Windows\\System32\\whoami.exe'),
            p('OriginalFileName', 'eq', 'WHOAMI.EXE'),
          ]),
          p('User', 'eq', 'SYSTEM'),
        ]),
      ),
    ];
    const neighbors = findNeighbors(rules);
    assert.equal(
      neighbors.get('splunk:system-whoami')?.broader[0].reason,
      "requires only (Image ends with '\\whoami.exe' (this rule: Image = " +
        "'C:\\Windows\\System32\\whoami.exe') OR OriginalFileName = 'whoami.exe' OR …) " +
        "AND sourcetype = 'sysmon', " +
        'which every event of this rule satisfies; it adds no aggregation or threshold',
    );
    assert.equal(
      neighbors.get('splunk:whoami')?.narrower[0].reason,
      "every event it matches satisfies this rule's (Image ends with '\\whoami.exe' (it: " +
        "Image = 'C:\\Windows\\System32\\whoami.exe') OR OriginalFileName = 'whoami.exe' OR …) " +
        "AND sourcetype = 'sysmon'; " +
        "it adds User = 'SYSTEM'; this rule adds no aggregation or threshold",
    );
  });

  it('lists at most the limit, the fewest added conditions first', () => {
    const rules = [searchRule('wide', wide)];
    for (let i = 0; i < NEIGHBOR_LIMIT + 5; i++) {
      const extra = Array.from({ length: i + 1 }, (_, k) => p(`F${k}`, 'eq', k));
      rules.push(searchRule(`n${String(i).padStart(2, '0')}`, and([wide, ...extra])));
    }
    const listed = relations(rules).wide.narrower;
    assert.equal(listed.length, NEIGHBOR_LIMIT);
    assert.deepEqual(listed.slice(0, 3), ['n00', 'n01', 'n02']);
    const claims = searchNeighbors(rules).claims;
    assert.equal(claims.filter((c) => c.broader.upstreamId === 'wide').length, NEIGHBOR_LIMIT + 5);
  });

  it('counts the rules it could not compare by why', () => {
    const rules = [
      searchRule('ok', wide),
      rule('lookup-first', [stage('inputlookup', 'enrich')]),
      rule('appended', [search(narrow), stage('append', 'enrich')]),
    ];
    assert.deepEqual([...searchNeighbors(rules).excluded], [
      ['starts with inputlookup', 1],
      ['append brings rows from elsewhere', 1],
    ]);
  });

  it('raw-text terms imply only equal terms: Splunk matches them as segments', () => {
    const rules = [
      searchRule('term', p('_raw', 'contains', 'mimikatz')),
      searchRule('longer', p('_raw', 'contains', 'invoke-mimikatz')),
      searchRule('same', and([p('_raw', 'contains', 'MIMIKATZ'), p('host', 'eq', 'dc1')])),
    ];
    assert.deepEqual(relations(rules), {
      term: { broader: [], narrower: ['same'] },
      same: { broader: ['term'], narrower: [] },
    });
  });

  it('a missing field satisfies NOT in search, not in where (null comparisons)', () => {
    const filtered = (id: string, command: string, expr: typeof wide) =>
      rule(id, [search(wide), stage(command, 'filter', { predicate: expr })]);
    const missing = not(p('User', 'exists'));
    const notRoot = not(p('User', 'eq', 'root'));
    const pairIn = (command: string) =>
      relations([filtered('no-user', command, missing), filtered('not-root', command, notRoot)]);
    assert.deepEqual(pairIn('search')['no-user'], { broader: ['not-root'], narrower: [] });
    assert.deepEqual(pairIn('where'), {});
  });

  it('excluding a value is narrower than excluding a wider pattern’s negation', () => {
    const rules = [
      searchRule('not-eq', and([wide, not(p('User', 'eq', 'svc_backup'))])),
      searchRule('not-contains', and([wide, not(p('User', 'contains', 'svc_'))])),
    ];
    assert.deepEqual(relations(rules)['not-contains'], { broader: ['not-eq'], narrower: [] });
  });
});

/** Claims among rules written as repository files and built as a catalog build does. */
function builtClaims(repositories: Repositories): string[] {
  const rules = [...buildRules(repositories).values()];
  return searchNeighbors(rules).claims.map((c) => `${c.broader.id} > ${c.narrower.id}`).sort();
}

const WORD_CHILD = [
  'selection:',
  "    ParentImage|endswith: '\\winword.exe'",
  'condition: selection',
];

describe('neighbors across sources', () => {
  it('a Sysmon search is narrower than a Sigma rule on the same process creations', () => {
    const search = 'search source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" '
      + 'EventCode=1 ParentImage="*\\\\winword.exe" CommandLine="*http*"';
    const claims = builtClaims({
      sigma: { 'rules/word_child.yml': sigmaRule('word-child', 'process_creation', WORD_CHILD) },
      splunk: { 'detections/word_http.yml': splunkDetection('word-http', search) },
    });
    assert.deepEqual(claims, ['sigma:word-child > splunk:word-http']);
  });

  it('an event code from a channel the search does not name is no Sysmon event', () => {
    const search = 'search sourcetype=XmlWinEventLog EventCode=1 ParentImage="*\\\\winword.exe"';
    const claims = builtClaims({
      sigma: { 'rules/word_child.yml': sigmaRule('word-child', 'process_creation', WORD_CHILD) },
      splunk: { 'detections/word_any.yml': splunkDetection('word-any', search) },
    });
    assert.deepEqual(claims, []);
  });

  it('an Elastic rule covers a Sigma process creation only when it reads both of its logs', () => {
    const query = 'process where event.type == "start" and process.parent.name : "winword.exe"';
    const elastic = (index: string[]) =>
      elasticFile('word-parent', query, { index, language: 'eql' });
    const sysmon = 'logs-windows.sysmon_operational-*';
    const child = sigmaRule('word-child', 'process_creation', WORD_CHILD);
    const sigma = { 'rules/word_child.yml': child };
    const both = builtClaims({
      sigma,
      elastic: { 'rules/word.toml': elastic([sysmon, 'logs-system.security*']) },
    });
    assert.deepEqual(both, ['elastic:word-parent > sigma:word-child']);
    const sysmonOnly = builtClaims({ sigma, elastic: { 'rules/word.toml': elastic([sysmon]) } });
    assert.deepEqual(sysmonOnly, []);
  });

  it('a tstats rule is compared with no rule of another source', () => {
    const tstats = '| tstats count from datamodel=Endpoint.Processes '
      + 'where Processes.parent_process_name=winword.exe by Processes.dest';
    const claims = builtClaims({
      sigma: { 'rules/word_child.yml': sigmaRule('word-child', 'process_creation', WORD_CHILD) },
      splunk: { 'detections/word_tstats.yml': splunkDetection('word-tstats', tstats) },
    });
    assert.deepEqual(claims, []);
  });
});
