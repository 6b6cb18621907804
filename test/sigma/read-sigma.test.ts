// Reading a Sigma repository: which files count, what each document becomes, what fails and why.

import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readSigmaRepository } from '../../src/sources/sigma/read-sigma.js';
import { readDocuments, readFailures } from './rule-text.js';

const root = path.resolve(fileURLToPath(import.meta.url), '../../fixtures/sigma/repository');
const read = readSigmaRepository(root);
const commit = '0123456789abcdef0123456789abcdef01234567';

describe('the repository layout', () => {
  test('reads *.yml under rules* folders and deprecated/, nothing else', () => {
    const seen: string[] = [];
    readSigmaRepository(root, (file) => seen.push(file));
    assert.deepEqual(seen, [
      'deprecated/old_rule.yml',
      'rules/empty/only_comment.yml',
      'rules/windows/notepad_spawns_shell.yml',
      'rules-extra/broken_yaml.yml',
      'rules-extra/mixed_documents.yml',
      'rules-extra/two_rules_in_one_file.yml',
    ]);
    assert.equal(read.files, 6);
  });

  test('the commit is the first word of SNAPSHOT', () => {
    assert.equal(read.commit, commit);
    assert.equal(read.root, root);
  });

  test('documents and failures add up, nothing is lost', () => {
    assert.deepEqual(
      read.documents.map((doc) => `${doc.file}:${doc.line}`),
      [
        'deprecated/old_rule.yml:1',
        'rules/windows/notepad_spawns_shell.yml:2',
        'rules-extra/mixed_documents.yml:14',
        'rules-extra/two_rules_in_one_file.yml:1',
        'rules-extra/two_rules_in_one_file.yml:11',
      ],
    );
    assert.deepEqual(
      read.failures.map(({ file, line, reason }) => `${file}:${line} ${reason}`),
      [
        'rules/empty/only_comment.yml:1 the file holds no YAML document',
        "rules-extra/broken_yaml.yml:7 Missing closing 'quote at line 7, column 1",
        'rules-extra/mixed_documents.yml:1 the rule has no id',
        'rules-extra/mixed_documents.yml:9 the rule has no detection (and is not a correlation ' +
          'or filter rule)',
      ],
    );
  });

  test('the context finds rules by id and by name', () => {
    assert.equal(
      read.context.rules.get('3f1c0b2e-0000-4000-8000-000000000001')?.title,
      'Notepad Starts A Shell',
    );
  });
});

describe('a rule document', () => {
  const doc = read.documents.find((d) => d.upstreamId === '3f1c0b2e-0000-4000-8000-000000000001')!;

  test('carries the metadata of the rule', () => {
    assert.deepEqual(
      {
        source: doc.source,
        title: doc.title,
        description: doc.description,
        authors: doc.authors,
        status: doc.status,
        level: doc.level,
        type: doc.type,
        created: doc.created,
        modified: doc.modified,
        references: doc.references,
        falsePositives: doc.falsePositives,
        deprecated: doc.deprecated,
        language: doc.language,
        dataSources: doc.dataSources,
      },
      {
        source: 'sigma',
        title: 'Notepad Starts A Shell',
        description: 'A text editor should not start a command interpreter.',
        authors: ['Ada Example', 'Bo Sample', 'Cy Test'],
        status: 'test',
        level: 'high',
        type: null,
        created: '2026-01-02',
        modified: '2026-02-03',
        references: ['https://example.org/notepad-shell'],
        falsePositives: ['Administrators testing editors'],
        deprecated: false,
        language: 'sigma',
        dataSources: [],
      },
    );
  });

  test('links to the file at the snapshot commit', () => {
    assert.equal(
      doc.url,
      `https://github.com/SigmaHQ/sigma/blob/${commit}/rules/windows/notepad_spawns_shell.yml`,
    );
  });

  test('techniques are upper-cased, tactics hyphenated, other ATT&CK ids neither', () => {
    assert.deepEqual(doc.techniques, ['T1059.003']);
    assert.deepEqual(doc.tactics, ['execution', 'defense-evasion', 'stealth']);
    assert.equal(doc.tags.length, 8);
  });

  test('the query is the detection block as written, indented comments included', () => {
    assert.equal(
      doc.query,
      [
        'detection:',
        '    selection:',
        "        ParentImage|endswith: '\\notepad.exe'",
        '        Image|endswith:',
        "            - '\\cmd.exe'",
        "            - '\\powershell.exe'",
        '    # an indented comment stays with the detection',
        '    condition: selection',
      ].join('\n'),
    );
    assert.equal(doc.line, 2);
    assert.equal(doc.queryLine, 23);
  });

  test('raw holds the whole parsed document', () => {
    assert.deepEqual(doc.raw.logsource, { category: 'process_creation', product: 'windows' });
  });
});

describe('deprecation', () => {
  test('a rule under deprecated/ is deprecated', () => {
    const old = read.documents.find((d) => d.file === 'deprecated/old_rule.yml')!;
    assert.equal(old.deprecated, true);
  });

  test('a rule with status deprecated is deprecated wherever it is', () => {
    const second = read.documents.find((d) => d.title === 'Second Of Two')!;
    assert.equal(second.deprecated, true);
  });
});

describe('single documents', () => {
  test('without SNAPSHOT there is no url', () => {
    const [doc] = readDocuments('title: T\nid: x\ndetection:\n    condition: s\n');
    assert.equal(doc.url, null);
  });

  test('a document that is not a map fails', () => {
    assert.deepEqual(readFailures('- just\n- a list\n'), [
      {
        source: 'sigma',
        file: 'rules/test/rule.yml',
        line: 1,
        reason: 'the document is not a mapping of rule attributes',
      },
    ]);
  });

  test('a duplicate key fails with its line', () => {
    const failures = readFailures('title: a\ntitle: b\nid: x\ndetection:\n    condition: s\n');
    assert.equal(failures.length, 1);
    assert.equal(failures[0].line, 2);
  });

  test('a trailing document marker adds no document', () => {
    const text = 'title: T\nid: x\ndetection:\n    s:\n        A: 1\n    condition: s\n---\n';
    assert.equal(readDocuments(text).length, 1);
    assert.deepEqual(readFailures(text), []);
  });

  test('the last block of a document ends at the next document', () => {
    const first = 'title: T\nid: x\ndetection:\n    s:\n        A: 1\n    condition: s\n';
    const second = 'title: U\nid: y\ndetection:\n    condition: t\n';
    const [doc] = readDocuments(`${first}---\n${second}`);
    assert.equal(doc.query, 'detection:\n    s:\n        A: 1\n    condition: s');
  });

  test('a rule with an empty author has no authors', () => {
    const [doc] = readDocuments("title: T\nid: x\nauthor: ''\ndetection:\n    condition: s\n");
    assert.deepEqual(doc.authors, []);
  });
});
