// How a rule file's bytes become text: the size bound checked before reading, and files that are
// not regular files refused instead of read (a FIFO would block the build forever).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { truncateSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { RULE_FILE_BYTE_LIMIT, readRuleFileText } from '../../src/sources/rule-file-text.js';
import { TemporaryRepository } from '../elastic/temporary-repository.js';

describe('rule file size bound', () => {
  const repository = new TemporaryRepository();
  after(() => repository.remove());

  test('a file one byte over 1 MiB is refused with its size', () => {
    repository.write('big.yml', '');
    truncateSync(path.join(repository.root, 'big.yml'), RULE_FILE_BYTE_LIMIT + 1);
    assert.deepEqual(readRuleFileText(path.join(repository.root, 'big.yml')), {
      line: 1,
      reason: 'file is 1048577 bytes, larger than the 1 MiB a rule file may have',
    });
  });

  test('a file of exactly 1 MiB is read whole', () => {
    repository.write('limit.yml', 'a'.repeat(RULE_FILE_BYTE_LIMIT));
    const read = readRuleFileText(path.join(repository.root, 'limit.yml'));
    assert.ok('text' in read);
    assert.equal(read.text.length, RULE_FILE_BYTE_LIMIT);
  });
});

describe('files that are not regular files', () => {
  const repository = new TemporaryRepository();
  after(() => repository.remove());

  test('a FIFO is refused without waiting for a writer', () => {
    const fifo = path.join(repository.root, 'x.yml');
    execFileSync('mkfifo', [fifo]);
    assert.deepEqual(readRuleFileText(fifo), { line: 1, reason: 'not a regular file' });
  });

  test('a device such as /dev/zero is refused, not read without end', () => {
    assert.deepEqual(readRuleFileText('/dev/zero'), { line: 1, reason: 'not a regular file' });
  });

  test('invalid UTF-8 is still named as such, with its line', () => {
    repository.write('latin1.yml', Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x0a]));
    assert.deepEqual(readRuleFileText(path.join(repository.root, 'latin1.yml')), {
      line: 2,
      reason: 'file is not UTF-8 text (invalid byte sequence)',
    });
  });
});
