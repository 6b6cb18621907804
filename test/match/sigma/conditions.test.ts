// The Sigma condition grammar on events, and what --explain says when a rule does not match.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sigmaTextEvaluator } from '../../../src/match/sigma/sigma-evaluator.js';
import type { EventValue } from '../../../src/match/event-record.js';
import { detectionRule, evaluatorOf, event } from './sigma-fixture.js';

const SELECTIONS = `
selection_a:
    A: 'x'
selection_b:
    B: 'x'
filter_c:
    C: 'x'
_helper:
    H: 'x'
`;

function verdict(condition: string, fields: Record<string, EventValue>) {
  const rule = detectionRule(`${SELECTIONS}\ncondition: ${condition}`);
  return evaluatorOf(rule).evaluate(event(fields));
}

function matches(condition: string, fields: Record<string, EventValue>): boolean {
  return verdict(condition, fields).status === 'matched';
}

describe('condition grammar', () => {
  test('and binds tighter than or', () => {
    assert.equal(matches('selection_a or selection_b and filter_c', { A: 'x' }), true);
    assert.equal(matches('(selection_a or selection_b) and filter_c', { A: 'x' }), false);
  });

  test('not takes the next term only', () => {
    assert.equal(matches('not selection_a and selection_b', { B: 'x' }), true);
    assert.equal(matches('not (selection_a and selection_b)', { A: 'x', B: 'x' }), false);
  });

  test('1 of a pattern needs one matching identifier; all of needs every one', () => {
    assert.equal(matches('1 of selection_*', { B: 'x' }), true);
    assert.equal(matches('all of selection_*', { B: 'x' }), false);
    assert.equal(matches('all of selection_*', { A: 'x', B: 'x' }), true);
  });

  test('them leaves out identifiers starting with an underscore', () => {
    assert.equal(matches('1 of them', { H: 'x' }), false);
    assert.equal(matches('all of them', { A: 'x', B: 'x', C: 'x' }), true);
  });

  test('a list of conditions means any of them', () => {
    const rule = detectionRule(`${SELECTIONS}\ncondition:\n    - selection_a\n    - selection_b`);
    assert.equal(evaluatorOf(rule).evaluate(event({ B: 'x' })).status, 'matched');
    assert.equal(evaluatorOf(rule).evaluate(event({ C: 'x' })).status, 'not-matched');
  });
});

describe('explain: the first part of the rule that failed, in its own text', () => {
  test('the first failed item of a selection, with its identifier', () => {
    const rule = detectionRule(`
      selection:
          Image|endswith: '\\cmd.exe'
          CommandLine|contains:
              - ' /c '
              - ' /k '
      condition: selection`);
    const result = evaluatorOf(rule).evaluate(event({ Image: 'C:\\cmd.exe', CommandLine: 'x' }));
    assert.deepEqual(result, {
      status: 'not-matched',
      reason: "selection: CommandLine|contains: [' /c ', ' /k ']",
    });
  });

  test('a negated selection that matched names the negation', () => {
    assert.deepEqual(verdict('selection_a and not filter_c', { A: 'x', C: 'x' }), {
      status: 'not-matched',
      reason: 'not filter_c',
    });
  });

  test('a quantifier where nothing matched names the quantifier', () => {
    assert.deepEqual(verdict('1 of selection_*', { C: 'x' }), {
      status: 'not-matched',
      reason: '1 of selection_*',
    });
  });

  test('a matched rule has no reason', () => {
    assert.deepEqual(verdict('selection_a', { A: 'X' }), { status: 'matched', reason: null });
  });
});

describe('rules that cannot be evaluated', () => {
  test('a condition naming an undefined identifier', () => {
    const evaluator = sigmaTextEvaluator(detectionRule(`${SELECTIONS}\ncondition: selection_z`));
    assert.deepEqual(evaluator, {
      notEvaluable: "the condition names 'selection_z', which is not defined",
    });
  });

  test('a condition that does not parse', () => {
    const rule = detectionRule(`${SELECTIONS}\ncondition: selection_a and`);
    const evaluator = sigmaTextEvaluator(rule);
    assert.ok('notEvaluable' in evaluator);
    assert.match(evaluator.notEvaluable, /cannot be read/);
  });

  test('a quantifier matching no identifier', () => {
    const evaluator = sigmaTextEvaluator(detectionRule(`${SELECTIONS}\ncondition: 1 of sel_*`));
    assert.deepEqual(evaluator, { notEvaluable: "'1 of sel_*' matches no search identifier" });
  });

  test('an alias to an anchor outside the detection', () => {
    const rule = detectionRule(`selection:\n    A: *outside\ncondition: selection`);
    const evaluator = sigmaTextEvaluator(rule);
    assert.ok('notEvaluable' in evaluator);
    assert.match(evaluator.notEvaluable, /outside the logic block/);
  });

  test('a broken selection the condition does not use leaves the rule evaluable', () => {
    const rule = detectionRule(`selection:\n    A: 'x'\nunused: []\ncondition: selection`);
    assert.equal(evaluatorOf(rule).evaluate(event({ A: 'x' })).status, 'matched');
  });
});
