// Hostile or malformed repository files: every one becomes a failure, a context problem or a
// diagnostic with file, line and reason — never an exception, never a coerced value.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { lowerSpl } from '../../src/lower/spl/lower-spl.js';
import { readSplunkRepository } from '../../src/sources/splunk/read-splunk.js';
import { TemporaryRepository } from '../elastic/temporary-repository.js';
import { lower } from './spl-fixture.js';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/spl/hostile-repository',
);

function readHostile() {
  return readSplunkRepository(root);
}

function failureOf(file: string) {
  return readHostile().failures.find((failure) => failure.file === `detections/${file}`);
}

function documentOf(file: string) {
  const read = readHostile();
  const doc = read.documents.find((d) => d.file === `detections/${file}`);
  assert.ok(doc, `${file} is read as a document`);
  return { doc, lowered: lowerSpl(doc, read.context) };
}

describe('hostile Splunk files', () => {
  it('reads a repository holding a YAML alias bomb without throwing', () => {
    const read = readHostile();
    assert.equal(read.documents.length + read.failures.length, read.files);
  });

  it('an alias bomb in a detection is a read failure with its reason', () => {
    assert.deepEqual(failureOf('anchor_bomb.yml'), {
      source: 'splunk',
      file: 'detections/anchor_bomb.yml',
      line: 1,
      reason: 'the YAML cannot be expanded: ' +
        'Excessive alias count indicates a resource exhaustion attack',
    });
  });

  it('an alias bomb in a macro file is a read failure, and its macro is unreadable', () => {
    const { context, failures } = readHostile();
    const problem = {
      file: 'macros/expand_forever.yml',
      line: 1,
      reason: 'the YAML cannot be expanded: ' +
        'Excessive alias count indicates a resource exhaustion attack',
    };
    const failure = failures.find((f) => f.file === problem.file);
    assert.deepEqual(failure, { source: 'splunk', ...problem });
    assert.deepEqual(context.unreadableMacros.get('expand_forever'), problem);
  });

  it('a data-source file with broken YAML is a read failure, counted among the files read', () => {
    const read = readHostile();
    assert.deepEqual(
      read.failures.find((f) => f.file === 'data_sources/broken_process_log.yml'),
      {
        source: 'splunk',
        file: 'data_sources/broken_process_log.yml',
        line: 3,
        reason: 'invalid YAML: ' +
          'Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
    );
    assert.equal(read.context.dataSources.has('Broken Process Log'), false);
    assert.equal(read.documents.length + read.failures.length, read.files);
  });

  it('broken context files are told once, as failures, not again as context problems', () => {
    const read = readHostile();
    assert.deepEqual(read.context.problems, []);
    const contextFailures = read.failures.filter((f) => !f.file.startsWith('detections/'));
    assert.deepEqual(contextFailures.map((f) => f.file).sort(), [
      'data_sources/broken_process_log.yml',
      'macros/decode_text.yml',
      'macros/expand_forever.yml',
    ]);
  });

  it('a detection that is a YAML list is a failure', () => {
    assert.equal(failureOf('list_document.yml')?.reason, 'the detection is not a YAML mapping');
  });

  it('an id that YAML reads as a number is a failure, not the number rendered as text', () => {
    assert.deepEqual(failureOf('hex_id.yml'), {
      source: 'splunk',
      file: 'detections/hex_id.yml',
      line: 2,
      reason: 'the detection\'s `id` must be text, not a number',
    });
  });

  it('an id given as a list is a failure, not the items joined with commas', () => {
    assert.equal(
      failureOf('list_id.yml')?.reason,
      'the detection\'s `id` must be text, not a list',
    );
  });

  it('a name given as a mapping is a failure, not "[object Object]"', () => {
    assert.deepEqual(
      [failureOf('mapping_name.yml')?.line, failureOf('mapping_name.yml')?.reason],
      [1, 'the detection\'s `name` must be text, not a mapping'],
    );
  });

  it('a search given as a list is a failure', () => {
    assert.deepEqual(
      [failureOf('list_search.yml')?.line, failureOf('list_search.yml')?.reason],
      [4, 'the detection\'s `search` must be text, not a list'],
    );
  });

  it('other metadata of the wrong type is left out with a warning', () => {
    const { doc, lowered } = documentOf('odd_metadata.yml');
    assert.deepEqual(doc.authors, []);
    assert.equal(doc.description, '');
    assert.deepEqual(doc.references, ['https://example.org/odd']);
    assert.deepEqual(
      lowered.diagnostics.map((d) => [d.severity, d.code, d.line, d.message]),
      [
        ['warning', 'splunk.metadata', 1,
          '`description` should be text but is a list; it is left out'],
        ['warning', 'splunk.metadata', 1,
          '`author` should be a list of text but is a mapping; it is left out'],
        ['warning', 'splunk.metadata', 1,
          '`references[1]` should be text but is a mapping; it is left out'],
      ],
    );
  });

  it('an empty name shows the id as the title, with a warning saying so', () => {
    const { doc, lowered } = documentOf('unnamed.yml');
    assert.equal(doc.title, '22222222-bbbb-4ccc-8ddd-000000000007');
    assert.deepEqual(
      lowered.diagnostics.map((d) => [d.severity, d.code, d.message]),
      [['warning', 'splunk.metadata', 'the detection has no `name`; its id is the title']],
    );
  });

  it('a call to a macro whose file is broken says the file could not be read, and why', () => {
    const { context } = readHostile();
    assert.deepEqual(context.unreadableMacros.get('decode_text'), {
      file: 'macros/decode_text.yml',
      line: 6,
      reason: 'invalid YAML: Missing closing \'quote',
    });
    const { lowered } = documentOf('decode_call.yml');
    const first = lowered.diagnostics[0];
    assert.deepEqual(
      [first.severity, first.code, first.line],
      ['error', 'spl.unreadable-macro', 3],
    );
    assert.equal(
      first.message,
      'macro `decode_text(1)` is in macros/decode_text.yml, but that file could not be read ' +
        '(line 6: invalid YAML: Missing closing \'quote)',
    );
    assert.equal(lowered.pipeline[1].origin?.definedIn, 'macros/decode_text.yml');
  });
});

describe('hostile Splunk searches', () => {
  it('a search nested thousands of levels deep is one opaque stage with an error', () => {
    const query = `x=1 ${'('.repeat(30000)}a${')'.repeat(30000)} | stats count`;
    const { pipeline, diagnostics } = lower(query);
    assert.deepEqual(pipeline.map((s) => [s.command, s.opaque, s.text]), [['search', true, query]]);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.code, d.line]), [
      ['error', 'spl.too-deep', 5],
    ]);
  });

  it('unclosed TERM( directives are read in linear time', { timeout: 30_000 }, () => {
    const { pipeline } = lower(`x=1 ${'TERM(a '.repeat(40000)}`);
    assert.equal(pipeline[0].command, 'search');
  });
});

describe('context files that are not regular files inside the repository', () => {
  const repository = new TemporaryRepository();
  after(() => repository.remove());
  repository.write('detections/d.yml', 'name: D\nid: d-1\nsearch: \'`piped` | stats count\'\n');
  repository.write('macros/good.yml', 'name: good\ndefinition: index=main\n');
  repository.write('../outside.yml', 'name: outside\ndefinition: index=main\n');
  repository.link('macros/outside.yml', '../../outside.yml');
  repository.link('macros/zero.yml', '/dev/zero');
  execFileSync('mkfifo', [path.join(repository.root, 'macros/piped.yml')]);
  repository.write('data_sources/keep.md', ''); // makes the folder the FIFO goes in
  execFileSync('mkfifo', [path.join(repository.root, 'data_sources/events.yml')]);
  const read = readSplunkRepository(repository.root);

  it('a FIFO or a link leading outside is a failure with its reason, never skipped', () => {
    assert.deepEqual(
      read.failures.map(({ file, line, reason }) => `${file}:${line} ${reason}`),
      [
        'macros/piped.yml:1 not a regular file',
        'macros/outside.yml:1 a symbolic link leads outside the repository',
        'macros/zero.yml:1 a symbolic link leads outside the repository',
        'data_sources/events.yml:1 not a regular file',
      ],
    );
  });

  it('each counts as a file read: files = documents, documents = rules + failed', () => {
    assert.equal(read.documents.length, 1);
    assert.equal(read.files, 5);
    assert.equal(read.files, read.documents.length + read.failures.length);
  });

  it('a macro whose file is a FIFO is unreadable, not unknown', () => {
    assert.deepEqual(read.context.unreadableMacros.get('piped'), {
      file: 'macros/piped.yml',
      line: 1,
      reason: 'not a regular file',
    });
    assert.deepEqual([...read.context.macros.keys()], ['good']);
  });
});
