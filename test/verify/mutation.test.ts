// Verify can fail: rules built with a deliberately wrong field mapping get wrong neighbor
// claims, and their witnesses show it.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { verifyRules } from '../../src/verify/verify-claims.js';
import { buildRules, sigmaRule } from './rule-repository.js';
import { withWrongMapping } from './wrong-mapping.js';

const rules = [
  ...buildRules({
    sigma: {
      'rules/parent_word.yml': sigmaRule('parent-word', 'process_creation', [
        'selection:',
        "    ParentImage|endswith: '\\winword.exe'",
        'condition: selection',
      ]),
      'rules/word_macro.yml': sigmaRule('word-macro', 'process_creation', [
        'selection:',
        "    Image|endswith: '\\winword.exe'",
        "    CommandLine|contains: ' /m '",
        'condition: selection',
      ]),
    },
  }).values(),
];

describe('verify with a wrong field mapping', () => {
  test('with the right mapping a parent image and an image are never compared', () => {
    const report = verifyRules(rules);
    assert.deepEqual([report.claims, report.failures], [0, []]);
  });

  test('reading ParentImage as Image claims a wrong neighbor, and its witness fails it', () => {
    const report = verifyRules(withWrongMapping(rules, 'ParentImage', 'Image'));
    assert.equal(report.claims, 1);
    assert.deepEqual(
      report.failures.map(({ relation, a, b, reason }) => ({ relation, a, b, reason })),
      [
        {
          relation: 'broader',
          a: 'sigma:parent-word',
          b: 'sigma:word-macro',
          reason: "selection: ParentImage|endswith: '\\winword.exe'",
        },
      ],
    );
  });
});
