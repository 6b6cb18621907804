// Correlation and filter rules: their stages, the rules they refer to, and what they filter.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Rule, RuleDocument } from '../../src/ir/index.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { lowerSigma } from '../../src/lower/sigma/lower-sigma.js';
import { readRuleFile } from '../../src/sources/sigma/read-sigma.js';
import { sigmaContextOf } from '../../src/sources/sigma/sigma-context.js';
import { notation } from './expr-notation.js';
import { lowerRules, readDocuments } from './rule-text.js';

const folder = path.resolve(fileURLToPath(import.meta.url), '../../fixtures/sigma/correlation');
const documents = readdirSync(folder)
  .sort()
  .flatMap((file) => readRuleFile(folder, file, null))
  .filter((result): result is RuleDocument => !('reason' in result));
const context = sigmaContextOf(documents);

function rule(upstreamId: string): Rule {
  const doc = documents.find((candidate) => candidate.upstreamId === upstreamId);
  assert.ok(doc, `fixture ${upstreamId}`);
  return finishRule(doc, lowerSigma(doc, context));
}

describe('correlation rules', () => {
  test('every document of a multi-document file is a rule of its own', () => {
    const inFile = documents.filter((doc) => doc.file === 'password_spray_then_logon.yml');
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
        },
      ],
      groupBy: ['TargetUserName'],
      timespan: '15m',
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
    assert.equal(chain.pipeline[1].text, 'all 2 rules within 15m');
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
      '    condition: {gt: 1}';
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

  test('they drop no events by themselves', () => {
    assert.equal(filter.eventFilter, null);
    assert.equal(filter.fullyParsed, true);
  });
});
