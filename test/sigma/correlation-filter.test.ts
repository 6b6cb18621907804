// Correlation and filter rules: their stages, the rules they refer to, and what they filter.

import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../../src/ir/index.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { lowerSigma } from '../../src/lower/sigma/lower-sigma.js';
import { readSigmaRepository } from '../../src/sources/sigma/read-sigma.js';
import { sigmaContextOf } from '../../src/sources/sigma/sigma-context.js';
import { notation } from './expr-notation.js';
import { lowerRules, readDocuments } from './rule-text.js';

const folder = path.resolve(fileURLToPath(import.meta.url), '../../fixtures/sigma/correlation');
const { documents, context } = readSigmaRepository(folder);

function rule(upstreamId: string): Rule {
  const doc = documents.find((candidate) => candidate.upstreamId === upstreamId);
  assert.ok(doc, `fixture ${upstreamId}`);
  return finishRule(doc, lowerSigma(doc, context));
}

describe('correlation rules', () => {
  test('every document of a multi-document file is a rule of its own', () => {
    const inFile = documents.filter((doc) => doc.file === 'rules/password_spray_then_logon.yml');
    assert.deepEqual(
      inFile.map((doc) => [doc.line, doc.type, doc.title]),
      [
        [1, 'correlation', 'Spray Followed By A Logon'],
        [17, 'correlation', 'Burst Of Rejected Passwords'],
        [30, null, 'Rejected Password'],
        [41, null, 'Accepted Logon'],
      ],
    );
  });

  test('event_count aggregates the events of the rule it names, then compares the count', () => {
    const burst = rule('7d2a0000-0000-4000-8000-000000000011');
    assert.deepEqual(
      burst.pipeline.map((s) => [s.index, s.command, s.effect]),
      [
        [1, 'correlation', 'aggregate'],
        [2, 'condition', 'filter-aggregated'],
      ],
    );
    assert.deepEqual(burst.pipeline[0].args, {
      type: 'event_count',
      rules: [
        {
          reference: 'rejected_password',
          id: 'sigma:7d2a0000-0000-4000-8000-000000000012',
          title: 'Rejected Password',
          byName: true,
        },
      ],
      groupBy: ['TargetUserName'],
      timespan: '15m',
      timespanSeconds: 900,
    });
    assert.deepEqual(burst.pipeline[0].groupBy, { fields: ['TargetUserName'], filled: [] });
    assert.equal(
      notation(burst.pipeline[0].predicate!),
      'and(logsource.product eq "windows", logsource.service eq "security", ' +
        'winlog.channel eq "Security", EventID eq 4625)',
    );
    assert.equal(notation(burst.pipeline[1].predicate!), 'count() ge 20');
    assert.deepEqual(burst.diagnostics, []);
    assert.equal(burst.fullyParsed, true);
  });

  test('a chained temporal correlation filters on the events of every rule down the chain', () => {
    const chain = rule('7d2a0000-0000-4000-8000-000000000010');
    assert.equal(
      notation(chain.eventFilter!),
      'or(and(logsource.product eq "windows", logsource.service eq "security", ' +
        'winlog.channel eq "Security", EventID eq 4625), ' +
        'and(logsource.product eq "windows", logsource.service eq "security", ' +
        'winlog.channel eq "Security", EventID eq 4624))',
    );
    assert.equal(notation(chain.pipeline[1].predicate!), 'rule_count() ge 2');
    assert.equal(chain.pipeline[1].text, 'all 2 rules, in order, within 15m');
    assert.equal(chain.pipeline[0].args.ordered, true);
  });

  test('value_count compares the distinct values of its field, with a range', () => {
    const hosts = rule('7d2a0000-0000-4000-8000-000000000020');
    assert.equal(
      notation(hosts.pipeline[1].predicate!),
      'and(value_count(Computer) gt 10, value_count(Computer) le 500)',
    );
  });

  test('a reference to no known rule is shown, opaque, with a warning', () => {
    const hosts = rule('7d2a0000-0000-4000-8000-000000000020');
    const rules = hosts.pipeline[0].args.rules as { reference: string; id: string | null }[];
    assert.deepEqual(rules.map((r) => r.id), ['sigma:7d2a0000-0000-4000-8000-000000000013', null]);
    assert.match(notation(hosts.pipeline[0].predicate!), /opaque\("a-rule-nobody-wrote"\)/);
    assert.deepEqual(hosts.diagnostics.map((d) => d.code), ['sigma.unresolved-rule-reference']);
    assert.equal(hosts.fullyParsed, false);
  });

  test('a correlation that refers to itself ends with a diagnostic', () => {
    const loop = rule('7d2a0000-0000-4000-8000-000000000030');
    assert.equal(
      notation(loop.pipeline[0].predicate!),
      'opaque("7d2a0000-0000-4000-8000-000000000030")',
    );
    assert.deepEqual(loop.diagnostics.map((d) => d.code), ['sigma.correlation-cycle']);
  });
});

describe('each correlation type', () => {
  test('temporal needs every rule it names, by id or by name, with aliases for grouping', () => {
    const together = rule('7d2a0000-0000-4000-8000-000000000050');
    const args = together.pipeline[0].args;
    assert.deepEqual(
      (args.rules as { reference: string; id: string; byName: boolean }[]).map(
        ({ reference, id, byName }) => [reference, id, byName],
      ),
      [
        ['whoami_run', 'sigma:7d2a0000-0000-4000-8000-000000000051', true],
        ['domain_trusts_listed', 'sigma:7d2a0000-0000-4000-8000-000000000052', true],
        [
          '7d2a0000-0000-4000-8000-000000000053',
          'sigma:7d2a0000-0000-4000-8000-000000000053',
          false,
        ],
      ],
    );
    assert.deepEqual(args.groupBy, ['Computer', 'account']);
    assert.deepEqual(args.aliases, {
      account: {
        whoami_run: 'User',
        domain_trusts_listed: 'User',
        share_listing: 'SubjectUserName',
      },
    });
    assert.equal(args.timespanSeconds, 300);
    assert.equal(args.ordered, undefined);
    assert.equal(together.pipeline[1].text, 'all 3 rules within 5m');
    assert.equal(notation(together.pipeline[1].predicate!), 'rule_count() ge 3');
    assert.deepEqual(together.diagnostics, []);
  });

  test('temporal reads the events of each rule it names', () => {
    const together = rule('7d2a0000-0000-4000-8000-000000000050');
    const branches = together.pipeline[0].predicate;
    assert.equal(branches?.kind, 'or');
    assert.equal(branches.kind === 'or' && branches.args.length, 3);
    assert.match(notation(branches), /Image endswith "\\\\whoami.exe"/);
    assert.match(notation(branches), /EventID eq 5140/);
  });

  test('value_sum adds up a field per group', () => {
    const volume = rule('7d2a0000-0000-4000-8000-000000000060');
    assert.deepEqual(
      volume.pipeline.map((s) => [s.command, s.effect, s.text.split('\n')[0]]),
      [
        ['correlation', 'aggregate', 'correlation:'],
        ['condition', 'filter-aggregated', 'sum(cs-bytes) gt: 50000000'],
      ],
    );
    assert.equal(
      notation(volume.pipeline[0].predicate!),
      'and(logsource.category eq "proxy", cs-method eq "POST")',
    );
    assert.equal(notation(volume.pipeline[1].predicate!), 'sum(cs-bytes) gt 50000000');
    assert.equal(volume.pipeline[0].args.timespanSeconds, 3600);
    assert.equal(volume.fullyParsed, true);
  });

  test('value_avg compares the average of a field', () => {
    const average = rule('7d2a0000-0000-4000-8000-000000000061');
    assert.equal(notation(average.pipeline[1].predicate!), 'avg(cs-bytes) ge 1000000');
    assert.equal(average.pipeline[0].args.timespanSeconds, 86_400);
    assert.equal(average.fullyParsed, true);
  });

  test('value_percentile compares the percentile a value falls in', () => {
    const rare = rule('7d2a0000-0000-4000-8000-000000000070');
    assert.equal(notation(rare.pipeline[1].predicate!), 'percentile(Image) le 1');
    assert.deepEqual(rare.pipeline[0].groupBy, { fields: ['Computer'], filled: [] });
    assert.equal(rare.fullyParsed, true);
  });

  test('value_count over several fields compares each of them', () => {
    const [, counted] = lowerRules(
      [
        'title: Base\nid: b1\nname: base\nlogsource:\n    product: windows\n' +
          'detection:\n    sel:\n        EventID: 4625\n    condition: sel',
        'title: Spread\nid: c1\ncorrelation:\n    type: value_count\n    rules: [base]\n' +
          '    timespan: 1h\n    condition:\n        field: [IpAddress, TargetUserName]\n' +
          '        gte: 5',
      ].join('\n---\n'),
    );
    assert.equal(
      notation(counted.pipeline[1].predicate!),
      'and(value_count(IpAddress) ge 5, value_count(TargetUserName) ge 5)',
    );
  });
});

describe('malformed correlations', () => {
  const correlation = (body: string): Rule => {
    const base =
      'title: Base\nid: b1\nname: base\nlogsource:\n    product: windows\n' +
      'detection:\n    sel:\n        EventID: 1\n    condition: sel';
    const head = 'title: C\nid: c1\ncorrelation:\n    type: event_count\n    rules: [base]\n';
    const text = head + body;
    return lowerRules([text, base].join('\n---\n'))[0];
  };
  const problems = (rule: Rule) => rule.diagnostics.map((d) => `${d.code} ${d.message}`);

  test('a missing timespan leaves the window unknown', () => {
    const rule = correlation('    condition: {gte: 5}');
    assert.deepEqual(problems(rule), [
      'sigma.missing-correlation-timespan the correlation has no timespan',
    ]);
    assert.equal(rule.pipeline[0].opaque, true);
  });

  test('a timespan must be a number and a lower-case unit', () => {
    for (const timespan of ['1 hour', '5M', 'm', '10']) {
      const rule = correlation(`    timespan: ${timespan}\n    condition: {gte: 5}`);
      assert.deepEqual(problems(rule), [
        `sigma.invalid-correlation-timespan timespan '${timespan}' is not a number and ` +
          'one of s, m, h, d (as in 15m)',
      ]);
    }
  });

  test('aliases naming a rule the correlation does not refer to are flagged', () => {
    const rule = correlation(
      '    timespan: 1h\n    group-by: [host]\n    condition: {gte: 5}\n' +
        '    aliases:\n        host:\n            base: Computer\n            other: Hostname',
    );
    assert.deepEqual(problems(rule), [
      "sigma.alias-for-unreferenced-rule alias 'host' names 'other', " +
        'which the correlation does not refer to',
    ]);
  });

  test('a condition that is not a comparison with a number is opaque', () => {
    const rule = correlation("    timespan: 1h\n    condition: {about: 'many'}");
    assert.deepEqual(problems(rule), [
      "sigma.invalid-correlation-condition 'about: many' is not a comparison with a number",
    ]);
  });
});

describe('rules referred to by correlations and filters', () => {
  test('list every correlation and filter naming them, once each', () => {
    const accepted = documents.find((d) => d.upstreamId === '7d2a0000-0000-4000-8000-000000000013');
    assert.deepEqual(accepted?.referredBy, [
      {
        id: 'sigma:7d2a0000-0000-4000-8000-000000000040',
        title: 'Exclude The Admin Jump Host',
        kind: 'filter',
        reference: '7d2a0000-0000-4000-8000-000000000013',
      },
      {
        id: 'sigma:7d2a0000-0000-4000-8000-000000000020',
        title: 'One Account On Many Hosts',
        kind: 'correlation',
        reference: '7d2a0000-0000-4000-8000-000000000013',
      },
      {
        id: 'sigma:7d2a0000-0000-4000-8000-000000000010',
        title: 'Spray Followed By A Logon',
        kind: 'correlation',
        reference: 'accepted_logon',
      },
    ]);
  });

  test('a correlation referred to by another correlation lists it', () => {
    const burst = rule('7d2a0000-0000-4000-8000-000000000011');
    assert.deepEqual(burst.referredBy?.map((r) => r.id), [
      'sigma:7d2a0000-0000-4000-8000-000000000010',
    ]);
  });

  test('a rule nothing names, or only itself, has no referrers', () => {
    assert.equal(rule('7d2a0000-0000-4000-8000-000000000050').referredBy, undefined);
    assert.equal(rule('7d2a0000-0000-4000-8000-000000000030').referredBy, undefined);
  });
});

describe('correlations over correlations', () => {
  /** A base rule, then correlations `c1` … `cN`, each over the `fanOut` before it. */
  function chain(length: number, fanOut: number): string {
    const base = [
      'title: Base',
      'id: c0',
      'name: c0',
      'logsource:',
      '    product: windows',
      'detection:',
      '    sel:',
      '        EventID: 1',
      '    condition: sel',
    ].join('\n');
    const correlations = Array.from({ length }, (_, index) => {
      const number = index + 1;
      const count = Math.min(fanOut, number);
      const earlier = Array.from({ length: count }, (_, back) => number - 1 - back);
      return [
        `title: Correlation ${number}`,
        `id: c${number}`,
        'correlation:',
        '    type: event_count',
        '    rules:',
        ...earlier.map((other) => `        - c${other}`),
        '    timespan: 1h',
        '    condition:',
        '        gte: 2',
      ].join('\n');
    });
    return [base, ...correlations].join('\n---\n');
  }

  test('a cycle through another correlation is reported on the rule that meets it', () => {
    const correlation = (id: string, other: string): string =>
      `title: ${id}\nid: ${id}\ncorrelation:\n    type: event_count\n    rules: [${other}]\n` +
      '    timespan: 1h\n    condition: {gt: 1}';
    const text = [correlation('a', 'b'), correlation('b', 'a')].join('\n---\n');
    const [a] = lowerRules(text);
    assert.deepEqual(a.diagnostics.map((d) => d.code), ['sigma.referenced-rule-not-understood']);
    assert.equal(a.fullyParsed, false);
  });

  test('many correlations sharing references are lowered quickly', { timeout: 30_000 }, () => {
    const rules = lowerRules(chain(30, 3));
    const base = 'and(logsource.product eq "windows", EventID eq 1)';
    assert.equal(notation(rules[30].eventFilter!), base);
    assert.equal(rules[30].fullyParsed, true);
  });

  test('a chain deeper than the limit is cut with a diagnostic', () => {
    const documents = readDocuments(chain(300, 1));
    const deepest = documents[300];
    const lowered = lowerSigma(deepest, sigmaContextOf(documents));
    assert.deepEqual(
      lowered.diagnostics.map((d) => d.code),
      ['sigma.referenced-rule-not-understood'],
    );
  });

  test('a long chain lowered from its start is followed to the end', () => {
    const rules = lowerRules(chain(300, 1));
    assert.equal(rules[300].fullyParsed, true);
  });
});

describe('filter rules', () => {
  const filter = rule('7d2a0000-0000-4000-8000-000000000040');

  test('are one tuning-hook stage naming the rules they apply to', () => {
    assert.deepEqual(
      filter.pipeline.map((s) => [s.index, s.command, s.effect]),
      [[1, 'filter', 'tuning-hook']],
    );
    const rules = filter.pipeline[0].args.rules as { reference: string; id: string | null }[];
    assert.deepEqual(rules.map((r) => [r.reference, r.id]), [
      ['7d2a0000-0000-4000-8000-000000000013', 'sigma:7d2a0000-0000-4000-8000-000000000013'],
      ['accepted_logon', 'sigma:7d2a0000-0000-4000-8000-000000000013'],
    ]);
  });

  test('their predicate is what they exclude, log source included', () => {
    assert.equal(
      notation(filter.pipeline[0].predicate!),
      'and(logsource.product eq "windows", logsource.service eq "security", ' +
        'winlog.channel eq "Security", WorkstationName startswith "JUMP-")',
    );
  });

  test('a filter without a log source, naming an unknown rule, is flagged', () => {
    const [lone] = lowerRules(
      'title: F\nid: f1\nfilter:\n    rules: [nowhere]\n    selection:\n' +
        "        User: 'svc'\n    condition: selection",
    );
    assert.deepEqual(
      lone.diagnostics.map((d) => [d.severity, d.code]),
      [
        ['info', 'sigma.unresolved-rule-reference'],
        ['warning', 'sigma.filter-without-logsource'],
      ],
    );
    assert.equal(notation(lone.pipeline[0].predicate!), 'User eq "svc"');
  });

  test('they drop no events by themselves', () => {
    assert.equal(filter.eventFilter, null);
    assert.equal(filter.fullyParsed, true);
  });
});
