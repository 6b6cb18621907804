// What the Sigma reader does with rule files that break its expectations: missing titles, blank
// ids, numbers JavaScript cannot hold, text that is not UTF-8, symbolic links.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { readSigmaRepository } from '../../src/sources/sigma/read-sigma.js';
import { TemporaryRepository } from '../elastic/temporary-repository.js';
import { notation } from './expr-notation.js';
import { lowerRule, readDocuments, readFailures, ruleWithDetection } from './rule-text.js';

const DETECTION = 'detection:\n    s:\n        A: 1\n    condition: s\n';

function reasons(text: string): string[] {
  return readFailures(text).map(({ line, reason }) => `${line} ${reason}`);
}

describe('required metadata', () => {
  test('a rule without a title is a failure, not a rule titled ""', () => {
    assert.deepEqual(reasons(`id: x\n${DETECTION}`), ['1 the rule has no title']);
    assert.deepEqual(readDocuments(`id: x\n${DETECTION}`), []);
  });

  test('a blank title is a failure', () => {
    assert.deepEqual(reasons(`title: '  '\nid: x\n${DETECTION}`), ['1 the rule has no title']);
  });

  test('a title written as a list is a failure that says so', () => {
    assert.deepEqual(reasons(`title:\n    - a\n    - b\nid: x\n${DETECTION}`), [
      '1 the rule title is a list or mapping, not text',
    ]);
  });

  test('a title written as a number is read as its text', () => {
    assert.equal(readDocuments(`title: 42\nid: x\n${DETECTION}`)[0]?.title, '42');
  });

  test('an id of blanks is a failure, as in the Elastic reader', () => {
    assert.deepEqual(reasons(`title: T\nid: "   "\n${DETECTION}`), ['1 the rule has no id']);
  });
});

describe('numbers JavaScript cannot hold', () => {
  test('infinite and overflowing values keep the text written', () => {
    const rule = lowerRule(
      ruleWithDetection(`
        s:
            A: .inf
            B: 1e400
            C: -.inf
            D: .nan
            E: 123456789012345678901
        condition: s`),
    );
    const detection = rule.pipeline.find((stage) => stage.command === 'detection');
    assert.equal(
      notation(detection!.predicate!),
      'and(A eq ".inf", B eq "1e400", C eq "-.inf", D eq ".nan", E eq "123456789012345678901")',
    );
  });

  test('numbers that fit stay numbers', () => {
    const [doc] = readDocuments(`title: T\nid: x\n${DETECTION.replace('A: 1', 'A: 4688')}`);
    const detection = doc.raw.detection as { s: { A: unknown } };
    assert.equal(detection.s.A, 4688);
  });
});

describe('text encodings', () => {
  const repository = new TemporaryRepository();
  after(() => repository.remove());
  const rule = `title: T\nid: x\nlogsource:\n    product: windows\n${DETECTION}`;
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rule, 'utf16le')]);
  const invalid = Buffer.concat([Buffer.from('title: T\nid: x\n# caf'), Buffer.from([0xe9, 0x0a])]);
  repository.write('rules/a_utf16.yml', utf16);
  repository.write('rules/b_utf16_without_mark.yml', Buffer.from(rule, 'utf16le'));
  repository.write('rules/c_latin1.yml', Buffer.concat([invalid, Buffer.from(DETECTION)]));
  repository.write('rules/d_utf8_with_mark.yml', `\ufeff${rule.replace('id: x', 'id: y')}`);
  const read = readSigmaRepository(repository.root);

  test('UTF-16, NUL bytes and invalid UTF-8 are failures that name the encoding problem', () => {
    assert.deepEqual(
      read.failures.map(({ file, line, reason }) => `${file}:${line} ${reason}`),
      [
        'rules/a_utf16.yml:1 file is not UTF-8 text (UTF-16 byte order mark)',
        'rules/b_utf16_without_mark.yml:1 file is not UTF-8 text (NUL byte)',
        'rules/c_latin1.yml:3 file is not UTF-8 text (invalid byte sequence)',
      ],
    );
  });

  test('a UTF-8 file with a byte order mark reads as usual', () => {
    assert.deepEqual(
      read.documents.map((doc) => `${doc.file} ${doc.upstreamId} ${doc.title}`),
      ['rules/d_utf8_with_mark.yml y T'],
    );
    assert.equal(read.files, 4);
  });
});

describe('symbolic links', () => {
  const repository = new TemporaryRepository();
  after(() => repository.remove());
  const rule = (id: string) => `title: Rule ${id}\nid: ${id}\n${DETECTION}`;
  repository.write('rules/a/real.yml', rule('real'));
  repository.write('shared/target.yml', rule('linked-file'));
  repository.write('shared/folder/inner.yml', rule('linked-folder'));
  repository.write('../outside.yml', rule('outside'));
  repository.write('../outside-folder/x.yml', rule('outside-folder'));
  repository.write('../note.md', 'not a rule');
  repository.link('rules/b/linked.yml', '../../shared/target.yml');
  repository.link('rules/b/outside.yml', '../../../outside.yml');
  repository.link('rules/b/dangling.yml', '../missing.yml');
  repository.link('rules/b/note.md', '../../../note.md');
  repository.link('rules/c/up', '..');
  repository.link('rules/d', '../shared/folder');
  repository.link('rules/e/again.yml', '../a/real.yml');
  repository.link('rules/f', '../../outside-folder');
  repository.write('more/m.yml', rule('linked-top-folder'));
  repository.link('rules-more', 'more');
  const read = readSigmaRepository(repository.root);

  test('links that stay inside the repository are followed and read as their own path', () => {
    assert.deepEqual(
      read.documents.map((doc) => `${doc.file} ${doc.upstreamId}`),
      [
        'rules/a/real.yml real',
        'rules/b/linked.yml linked-file',
        'rules/d/inner.yml linked-folder',
        'rules-more/m.yml linked-top-folder',
      ],
    );
  });

  test('links outside, to nothing, looping or repeating a read file are failures', () => {
    assert.deepEqual(
      read.failures.map(({ file, reason }) => `${file} ${reason}`),
      [
        'rules/b/dangling.yml a symbolic link leads nowhere: its target does not exist',
        'rules/b/outside.yml a symbolic link leads outside the repository',
        'rules/c/up a symbolic link loops back to rules',
        'rules/e/again.yml a symbolic link leads to rules/a/real.yml, which is read already',
        'rules/f a symbolic link leads outside the repository',
      ],
    );
  });

  test('every file read is a rule or a failure', () => {
    assert.equal(read.files, 9);
    assert.equal(read.documents.length + read.failures.length, read.files);
  });
});

describe('entries of a rule file name that are not regular files', () => {
  const repository = new TemporaryRepository();
  after(() => repository.remove());
  repository.write('rules/a.yml', `title: T\nid: a\n${DETECTION}`);
  repository.write('rules/pipes/keep', ''); // makes the folder the FIFOs go in
  execFileSync('mkfifo', [path.join(repository.root, 'rules/pipes/x.yml')]);
  execFileSync('mkfifo', [path.join(repository.root, 'rules/pipes/inner-fifo')]);
  repository.link('rules/pipes/to-fifo.yml', 'inner-fifo');
  repository.link('rules/pipes/zero.yml', '/dev/zero');
  const read = readSigmaRepository(repository.root);

  test('a FIFO, or a link to one, is a failure saying it is not a regular file', () => {
    assert.deepEqual(
      read.failures.map(({ file, line, reason }) => `${file}:${line} ${reason}`),
      [
        'rules/pipes/x.yml:1 not a regular file',
        'rules/pipes/to-fifo.yml:1 not a regular file',
        'rules/pipes/zero.yml:1 a symbolic link leads outside the repository',
      ],
    );
  });

  test('each counts as a rule file read: files = rules + failed', () => {
    assert.equal(read.documents.length, 1);
    assert.equal(read.files, 4);
  });
});
