// Rule text is untrusted: queries built to exhaust the evaluators give a verdict, never a
// crash or a hang.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eqlEvaluator } from '../../../src/match/elastic/eql-evaluator.js';
import { esqlEvaluator } from '../../../src/match/elastic/esql-evaluator.js';
import { kueryEvaluator } from '../../../src/match/elastic/kuery-evaluator.js';
import { catalogRule, evaluatorOf, event, verdictText } from './elastic-rule.js';

const LONG = 'a'.repeat(20_000);

describe('hostile Elastic rules', () => {
  it('runs a backtracking-prone regex in linear time', () => {
    const evaluator = evaluatorOf(eqlEvaluator(catalogRule({
      type: 'eql', language: 'eql', query: 'any where x regex "(a+)+b"',
    })));
    assert.equal(verdictText(evaluator.evaluate(event({ x: LONG }))),
      'not-matched: x regex "(a+)+b"');
  });

  it('matches many-star wildcards against long values without blowing up', () => {
    const evaluator = evaluatorOf(kueryEvaluator(catalogRule({
      type: 'query', language: 'kuery', query: `x : ${'*a'.repeat(50)}*b`,
    })));
    assert.equal(evaluator.evaluate(event({ x: LONG })).status, 'not-matched');
  });

  it('refuses to build huge ES|QL strings and reads bad number bases as null', () => {
    const repeat = evaluatorOf(esqlEvaluator(catalogRule({
      type: 'esql',
      language: 'esql',
      query: 'from logs-* | eval y = repeat("ab", 1000000000) | where y == "a"',
    })));
    assert.equal(verdictText(repeat.evaluate(event({}))),
      'undecided: REPEAT of 1000000000 is not computed');
    const base = evaluatorOf(eqlEvaluator(catalogRule({
      type: 'eql', language: 'eql', query: 'any where number("12", 0) == 12',
    })));
    assert.equal(base.evaluate(event({})).status, 'not-matched');
  });

  it('stays undecided on many combinations of multi-valued fields', () => {
    const evaluator = evaluatorOf(eqlEvaluator(catalogRule({
      type: 'eql', language: 'eql', query: 'any where concat(a, b, c) == "x"',
    })));
    const values = Array.from({ length: 10 }, (_, index) => `v${index}`);
    assert.equal(verdictText(evaluator.evaluate(event({ a: values, b: values, c: values }))),
      'undecided: 1000 combinations of multi-valued fields in one expression');
  });

  it('refuses a rule it cannot parse instead of throwing', () => {
    const rule = catalogRule({ type: 'query', language: 'kuery', query: 'a : (' });
    assert.deepEqual(kueryEvaluator(rule), {
      notEvaluable: 'KQL syntax error: unexpected end of query',
    });
  });
});
