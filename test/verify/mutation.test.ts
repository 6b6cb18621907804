// Verify can fail: rules built with a deliberately wrong field mapping get wrong neighbor
// claims, and their witnesses show it.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { verifyRules } from '../../src/verify/verify-claims.js';
import { buildRules, elasticRule, sigmaRule } from './rule-repository.js';
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
  test('with the right mapping a parent image and an image are in no broader claim', () => {
    const report = verifyRules(rules);
    const { broader, equivalent } = report.byRelation;
    assert.deepEqual([broader, equivalent, report.failures], [0, 0, []]);
  });

  test('reading ParentImage as Image claims a wrong neighbor, and its witness fails it', () => {
    const report = verifyRules(withWrongMapping(rules, 'ParentImage', 'Image'));
    assert.equal(report.byRelation.broader, 1);
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

describe('verify with a wrong field mapping across vendors', () => {
  const windowsProcessStarts = {
    index: ['logs-windows.sysmon_operational-*', 'logs-system.security*'],
    language: 'eql' as const,
  };
  const crossRules = [
    ...buildRules({
      sigma: {
        'rules/word_macro.yml': sigmaRule('word-macro', 'process_creation', [
          'selection:',
          "    Image|endswith: '\\winword.exe'",
          "    CommandLine|contains: ' /m '",
          'condition: selection',
        ]),
      },
      elastic: {
        'rules/word_child.toml': elasticRule(
          'word-child',
          'process where process.parent.name : "winword.exe"',
          windowsProcessStarts,
        ),
        'rules/word_process.toml': elasticRule(
          'word-process',
          'process where process.name : "winword.exe"',
          windowsProcessStarts,
        ),
      },
    }).values(),
  ];
  test('with the right mapping only the Elastic rule on the process name is broader', () => {
    const report = verifyRules(crossRules);
    assert.deepEqual([report.byRelation.broader, report.failures], [1, []]);
  });

  test('reading the Elastic parent name as the process name fails across vendors', () => {
    const report = verifyRules(withWrongMapping(crossRules, 'process.parent.name', 'process.name'));
    const acrossVendors = report.failures.filter(({ a, b }) => a.split(':')[0] !== b.split(':')[0]);
    assert.deepEqual(
      acrossVendors.map(({ relation, a, b, reason }) => ({ relation, a, b, reason })),
      [
        {
          relation: 'broader',
          a: 'elastic:word-child',
          b: 'sigma:word-macro',
          reason: 'process.parent.name : "winword.exe"',
        },
      ],
    );
  });
});
