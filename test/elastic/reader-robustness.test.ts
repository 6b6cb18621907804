// What the Elastic reader does with rule files that break its expectations: missing names, text
// that is not UTF-8, symbolic links.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readRuleText } from '../../src/sources/elastic/read-elastic.js';

const FILE = 'rules/test/rule.toml';

/** A rule file whose `[rule]` table holds the given lines after its rule_id. */
function ruleToml(...lines: string[]): string {
  return ['[metadata]', 'maturity = "production"', '', '[rule]', 'rule_id = "r-1"', ...lines]
    .concat('')
    .join('\n');
}

function readReason(text: string): string {
  const result = readRuleText(text, FILE, null);
  return 'reason' in result ? `${result.line} ${result.reason}` : 'read';
}

describe('required metadata', () => {
  it('a rule without a name is a failure, not a rule titled ""', () => {
    assert.equal(readReason(ruleToml('type = "query"')), '4 the [rule] table has no name');
  });

  it('a blank name is a failure', () => {
    assert.equal(readReason(ruleToml('name = " "')), '4 the [rule] table has no name');
  });

  it('a name that is not a string is a failure that says so', () => {
    assert.equal(readReason(ruleToml('name = ["a", "b"]')), '4 the rule name is not text');
  });

  it('a rule_id of blanks is a failure', () => {
    const text = ruleToml('name = "N"').replace('rule_id = "r-1"', 'rule_id = "  "');
    assert.equal(readReason(text), '4 the [rule] table has no rule_id');
  });

  it('a named rule is read', () => {
    assert.equal(readReason(ruleToml('name = "N"')), 'read');
  });
});
