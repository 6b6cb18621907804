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
      'and(logsource.product eq "windows", logsource.service eq "security", EventID eq 4625)',
    );
    assert.equal(notation(burst.pipeline[1].predicate!), 'count() ge 20');
    assert.deepEqual(burst.diagnostics, []);
    assert.equal(burst.fullyParsed, true);
  });

  test('a chained temporal correlation filters on the events of every rule down the chain', () => {
    const chain = rule('7d2a0000-0000-4000-8000-000000000010');
    assert.equal(
      notation(chain.eventFilter!),
      'or(and(logsource.product eq "windows", logsource.service eq "security", EventID eq 4625), ' +
        'and(logsource.product eq "windows", logsource.service eq "security", EventID eq 4624))',
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
        'WorkstationName startswith "JUMP-")',
    );
  });

  test('they drop no events by themselves', () => {
    assert.equal(filter.eventFilter, null);
    assert.equal(filter.fullyParsed, true);
  });
});
