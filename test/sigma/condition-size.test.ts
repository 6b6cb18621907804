// A condition naming a search identifier many times is not expanded past a size the rule's
// text accounts for: one short condition over a big selection must not stall a build.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { predicatesOf } from '../../src/ir/index.js';
import { lowerRule, ruleWithDetection } from './rule-text.js';

/** A `sel` selection of `count` command-line fragments and the given condition. */
function selectionUnder(condition: string, count: number): string {
  const values = Array.from({ length: count }, (_, i) => `        - 'part${i}-'`);
  return ruleWithDetection(
    ['sel:', '    CommandLine|contains:', ...values, `condition: ${condition}`].join('\n'),
  );
}


describe('conditions repeating a search identifier', () => {
  test('naming a selection twice keeps both references', () => {
    const rule = lowerRule(selectionUnder('sel or (sel and sel)', 3));
    assert.deepEqual(rule.diagnostics, []);
    assert.equal(rule.fullyParsed, true);
  });

  test('naming a 10,000-value selection 1,000 times is cut, with one diagnostic', () => {
    const condition = Array.from({ length: 1000 }, () => 'sel').join(' and ');
    const rule = lowerRule(selectionUnder(condition, 10_000));
    const predicates = [...predicatesOf(rule.eventFilter!)].length;

    assert.deepEqual(
      rule.diagnostics.map(({ code, message, line }) => ({ code, message, line })),
      [
        {
          code: 'sigma.condition-too-large',
          message: 'the condition repeats its search identifiers too often to be analysed',
          line: 10_008,
        },
      ],
    );
    assert.equal(rule.fullyParsed, false);
    assert.ok(predicates < 200_000, `${predicates} predicates`);
  });
});
