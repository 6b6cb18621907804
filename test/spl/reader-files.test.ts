// The Splunk reader walks detections/ like the other readers: links inside the repository are
// followed, others are failures, and a file that is not UTF-8 is a failure — never skipped.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { readSplunkRepository } from '../../src/sources/splunk/read-splunk.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'ruledex-splunk-files-'));
const outside = mkdtempSync(path.join(os.tmpdir(), 'ruledex-splunk-outside-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const detection = (id: string) =>
  `name: Sample ${id}\nid: ${id}\nsearch: 'index=main EventCode=1 | stats count by host'\n`;

test('links inside the repository are read, other links and non-UTF-8 files are failures', () => {
  mkdirSync(path.join(root, 'detections/endpoint'), { recursive: true });
  mkdirSync(path.join(root, 'shared'));
  writeFileSync(path.join(root, 'detections/endpoint/plain.yml'), detection('plain-1'));
  writeFileSync(path.join(root, 'shared/linked.yml'), detection('linked-1'));
  const linked = path.join(root, 'detections/endpoint/linked.yml');
  symlinkSync(path.join(root, 'shared/linked.yml'), linked);
  writeFileSync(path.join(outside, 'far.yml'), detection('far-1'));
  symlinkSync(path.join(outside, 'far.yml'), path.join(root, 'detections/endpoint/far.yml'));
  const byteOrderMark = Buffer.from([0xff, 0xfe]);
  const utf16 = Buffer.concat([byteOrderMark, Buffer.from(detection('wide-1'), 'utf16le')]);
  writeFileSync(path.join(root, 'detections/endpoint/wide.yml'), utf16);

  const read = readSplunkRepository(root);

  assert.equal(read.files, 4);
  assert.deepEqual(read.documents.map((d) => d.upstreamId).sort(), ['linked-1', 'plain-1']);
  assert.deepEqual(read.failures.map((f) => f.file).sort(), [
    'detections/endpoint/far.yml',
    'detections/endpoint/wide.yml',
  ]);
  assert.match(read.failures.find((f) => f.file.endsWith('wide.yml'))?.reason ?? '', /not UTF-8/);
  assert.equal(read.files, read.documents.length + read.failures.length);
});

test('a detection with a repeated key is a failure naming the key and its line', () => {
  const folder = path.join(root, 'detections/repeated');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'twice.yml'), `${detection('twice-1')}name: Again\n`);

  const failure = readSplunkRepository(root).failures.find((f) => f.file.endsWith('twice.yml'));

  assert.deepEqual(failure, {
    source: 'splunk',
    file: 'detections/repeated/twice.yml',
    line: 4,
    reason: 'invalid YAML: the key name appears twice',
  });
});
