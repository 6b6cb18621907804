// Reading a Splunk content repository: rule documents, failures with lines, and context.

import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readSplunkRepository } from '../../src/sources/splunk/read-splunk.js';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/spl/repository',
);

describe('readSplunkRepository', () => {
  const read = readSplunkRepository(root);

  it('counts every detection file as a document or a failure', () => {
    assert.equal(read.files, 5);
    assert.equal(read.documents.length + read.failures.length, read.files);
    assert.deepEqual(read.failures.map((f) => [f.file, f.line, f.reason.split(':')[0]]), [
      ['detections/endpoint/broken_quotes.yml', 4, 'invalid YAML'],
      ['detections/endpoint/no_identifier.yml', 1, 'the detection has no `id`'],
      ['detections/endpoint/no_search.yml', 1, 'the detection has no `search`'],
    ]);
  });

  it('maps the detection fields onto the rule document', () => {
    const doc = read.documents.find((d) => d.upstreamId === '11111111-aaaa-4bbb-8ccc-000000000001');
    assert.ok(doc);
    assert.equal(doc.title, 'Encoded Shell Launch');
    assert.deepEqual(doc.authors, ['Ruledex Fixtures', 'Example Team']);
    assert.equal(doc.created, '2024-05-01');
    assert.equal(doc.type, 'TTP');
    assert.deepEqual(doc.techniques, ['T1059.001', 'T1027']);
    assert.deepEqual(doc.tactics, []);
    assert.deepEqual(
      doc.tags,
      ['Suspicious Shells', 'asset_type:Endpoint', 'security_domain:endpoint'],
    );
    assert.deepEqual(doc.falsePositives, ['Administrators running scripted maintenance.']);
    assert.deepEqual(doc.dataSources, ['Sysmon EventID 1']);
    assert.equal(doc.queryLine, 11);
    assert.equal(doc.deprecated, false);
    assert.equal(
      doc.url,
      'https://github.com/splunk/security_content/blob/' +
        '0123456789abcdef0123456789abcdef01234567/detections/endpoint/encoded_shell_launch.yml',
    );
  });

  it('marks detections under deprecated/ as deprecated', () => {
    const doc = read.documents.find((d) => d.file.startsWith('detections/deprecated/'));
    assert.equal(doc?.deprecated, true);
  });

  it('reads macros by arity and data sources as context, not as rule files', () => {
    assert.deepEqual(
      [...read.context.macros.keys()].sort(),
      ['security_content_summariesonly', 'share_events', 'shells'],
    );
    assert.equal(read.context.dataSources.get('Sysmon EventID 1')?.sourcetype, 'xmlwineventlog');
    assert.equal(read.commit, '0123456789abcdef0123456789abcdef01234567');
  });

  it('gives a null url when the snapshot commit is unknown', () => {
    const withoutSnapshot = readSplunkRepository(path.join(root, 'detections'));
    assert.equal(withoutSnapshot.commit, null);
    assert.equal(withoutSnapshot.files, 0);
  });
});
