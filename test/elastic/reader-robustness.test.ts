// What the Elastic reader does with rule files that break its expectations: missing names, text
// that is not UTF-8, symbolic links.

import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { readElasticRepository, readRuleText } from '../../src/sources/elastic/read-elastic.js';
import { TemporaryRepository } from './temporary-repository.js';

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

  it('a rule_id too large for a number is a failure saying it is not a string', () => {
    const text = ruleToml('name = "N"').replace('rule_id = "r-1"', 'rule_id = 1e400');
    assert.equal(readReason(text), '5 the rule_id is not a string but a number');
  });

  it('a rule_id written as an array is a failure that names what it is', () => {
    const text = ruleToml('name = "N"').replace('rule_id = "r-1"', 'rule_id = ["a"]');
    assert.equal(readReason(text), '5 the rule_id is not a string but an array');
  });

  it('a rule_id of blanks is a failure', () => {
    const text = ruleToml('name = "N"').replace('rule_id = "r-1"', 'rule_id = "  "');
    assert.equal(readReason(text), '4 the [rule] table has no rule_id');
  });

  it('a named rule is read', () => {
    assert.equal(readReason(ruleToml('name = "N"')), 'read');
  });
});

describe('text encodings', () => {
  const repository = new TemporaryRepository();
  after(() => repository.remove());
  const rule = ruleToml('name = "N"', 'type = "query"', 'language = "kuery"', 'query = "a : 1"');
  const latin1 = Buffer.from(rule.replace('name = "N"', 'name = "caf\u00e9"'), 'latin1');
  const bigEndian = Buffer.from(rule, 'utf16le').swap16();
  repository.write('rules/a_utf16.toml', Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]));
  repository.write('rules/b_latin1.toml', latin1);
  repository.write('rules/c_nul.toml', `${rule}# \u0000\n`);
  repository.write('rules/d_utf8.toml', rule.replace('name = "N"', 'name = "caf\u00e9"'));
  const read = readElasticRepository(repository.root);

  it('UTF-16, invalid UTF-8 and NUL bytes are failures that name the encoding problem', () => {
    assert.deepEqual(
      read.failures.map(({ file, line, reason }) => `${file}:${line} ${reason}`),
      [
        'rules/a_utf16.toml:1 file is not UTF-8 text (UTF-16 byte order mark)',
        'rules/b_latin1.toml:6 file is not UTF-8 text (invalid byte sequence)',
        'rules/c_nul.toml:10 file is not UTF-8 text (NUL byte)',
      ],
    );
  });

  it('UTF-8 text reads as usual', () => {
    assert.deepEqual(read.documents.map((doc) => `${doc.file} ${doc.title}`), [
      'rules/d_utf8.toml caf\u00e9',
    ]);
    assert.equal(read.files, 4);
  });
});

describe('symbolic links', () => {
  const repository = new TemporaryRepository();
  after(() => repository.remove());
  const rule = (id: string) => ruleToml('name = "N"').replace('"r-1"', `"${id}"`);
  repository.write('rules/windows/real.toml', rule('real'));
  repository.write('shared/target.toml', rule('linked-file'));
  repository.write('../outside.toml', rule('outside'));
  repository.link('rules/linux/linked.toml', '../../shared/target.toml');
  repository.link('rules/linux/outside.toml', '../../../outside.toml');
  repository.link('rules/linux/loop', '../..');
  repository.link('rules_building_block', 'rules/windows');
  const read = readElasticRepository(repository.root);

  it('follows links inside the repository and reports the others as failures', () => {
    assert.deepEqual(
      read.documents.map((doc) => `${doc.file} ${doc.upstreamId}`),
      ['rules/linux/linked.toml linked-file', 'rules/windows/real.toml real'],
    );
    assert.deepEqual(
      read.failures.map(({ file, reason }) => `${file} ${reason}`),
      [
        'rules/linux/loop a symbolic link loops back to the repository root',
        'rules/linux/outside.toml a symbolic link leads outside the repository',
        'rules_building_block a symbolic link leads to rules/windows, which is read already',
      ],
    );
    assert.equal(read.files, 5);
    assert.equal(read.documents.length + read.failures.length, read.files);
  });
});
