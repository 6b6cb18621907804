// The Elastic reader on a small repository we wrote: one rule per TOML file under rules/ and
// rules_building_block/, failures with file and line, nothing else read.

import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readElasticRepository } from '../../src/sources/elastic/read-elastic.js';
import { findKeyLine } from '../../src/sources/elastic/toml-key-line.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../fixtures/elastic/repository');
const commit = '0123456789abcdef0123456789abcdef01234567';
const upstream = `https://github.com/elastic/detection-rules/blob/${commit}`;

describe('readElasticRepository', () => {
  const read = readElasticRepository(root);
  const byFile = (file: string) => read.documents.find((doc) => doc.file === file);

  it('reads rules/ and rules_building_block/ but not hunting/', () => {
    assert.equal(read.files, 6);
    assert.deepEqual(read.documents.map((doc) => doc.file), [
      'rules/_deprecated/discovery_whoami.toml',
      'rules/ml/unusual_logon_time.toml',
      'rules/windows/execution_shell_from_office.toml',
      'rules_building_block/collection_many_archives.toml',
    ]);
    assert.equal(read.documents.length + read.failures.length, read.files);
  });

  it('reports unreadable TOML and a missing rule_id with file and line', () => {
    assert.deepEqual(read.failures, [
      {
        source: 'elastic',
        file: 'rules/broken/unclosed_string.toml',
        line: 6,
        reason:
          'invalid TOML: Invalid TOML document: control characters are not allowed in strings',
      },
      {
        source: 'elastic',
        file: 'rules/broken/without_rule_id.toml',
        line: 4,
        reason: 'the [rule] table has no rule_id',
      },
    ]);
  });

  it('takes the commit from SNAPSHOT and links each file at it', () => {
    assert.equal(read.commit, commit);
    assert.deepEqual(read.context, { commit });
    assert.equal(
      byFile('rules/ml/unusual_logon_time.toml')?.url,
      `${upstream}/rules/ml/unusual_logon_time.toml`,
    );
  });

  it('maps rule metadata onto the document', () => {
    const doc = byFile('rules/windows/execution_shell_from_office.toml');
    assert.ok(doc);
    const { raw, ...fields } = doc;
    assert.deepEqual(fields, {
      source: 'elastic',
      upstreamId: '00000000-0000-4000-8000-000000000001',
      file: 'rules/windows/execution_shell_from_office.toml',
      line: 1,
      queryLine: 24,
      url: `${upstream}/rules/windows/execution_shell_from_office.toml`,
      title: 'Shell Started by an Office Program',
      description:
        'An office program starts a command shell.\n' +
        'query = "this line is description text, not the query key"\n',
      authors: ['Ruledex Tests', 'A. Writer'],
      status: 'production',
      level: 'medium',
      type: 'eql',
      created: '2024-03-05',
      modified: '2024-06-30',
      references: ['https://example.org/office-shells'],
      falsePositives: ['Macros that administrators wrote on purpose.'],
      tags: ['OS: Windows', 'Tactic: Execution'],
      techniques: ['T1059', 'T1059.003'],
      tactics: ['execution', 'defense-evasion'],
      deprecated: false,
      language: 'eql',
      query:
        'process where event.type == "start" and\n' +
        '  process.parent.name : ("winword.exe", "excel.exe") and process.name : "cmd.exe"\n',
      dataSources: ['logs-endpoint.events.process-*', 'winlogbeat-*'],
      elastic: { integrations: [], setup: null, notes: [] },
    });
    assert.equal((raw.rule as Record<string, unknown>).risk_score, 47);
  });

  it('derives a tactic from its id when the name is not an ATT&CK tactic', () => {
    assert.deepEqual(byFile('rules/windows/execution_shell_from_office.toml')?.tactics, [
      'execution',
      'defense-evasion',
    ]);
    assert.deepEqual(byFile('rules/_deprecated/discovery_whoami.toml')?.tactics, ['discovery']);
  });

  it('marks rules under _deprecated/ as deprecated', () => {
    assert.equal(byFile('rules/_deprecated/discovery_whoami.toml')?.deprecated, true);
    assert.equal(byFile('rules_building_block/collection_many_archives.toml')?.deprecated, false);
  });

  it('points queryLine at the first line of the query text', () => {
    assert.equal(byFile('rules/_deprecated/discovery_whoami.toml')?.queryLine, 18);
    assert.equal(byFile('rules_building_block/collection_many_archives.toml')?.queryLine, 18);
  });

  it('gives machine-learning rules no query and the language none', () => {
    const doc = byFile('rules/ml/unusual_logon_time.toml');
    assert.equal(doc?.language, 'none');
    assert.equal(doc?.query, '');
    assert.equal(doc?.type, 'machine_learning');
  });

  it('reports every file it reads', () => {
    const seen: string[] = [];
    readElasticRepository(root, (file) => seen.push(file));
    assert.equal(seen.length, 6);
    assert.equal(seen[0], 'rules/_deprecated/discovery_whoami.toml');
  });
});

describe('findKeyLine', () => {
  it('skips keys inside multi-line strings and other tables', () => {
    const text = [
      '[rule]',
      'note = """',
      'query = "inside a string"',
      '"""',
      'query = """',
      'a : b"""',
      '[transform]',
      'query = "other table"',
    ].join('\n');
    assert.deepEqual(findKeyLine(text, 'rule', 'query'), { line: 5, valueLine: 6 });
    assert.deepEqual(findKeyLine(text, 'transform', 'query'), { line: 8, valueLine: 8 });
  });

  it('keeps the key line when the value starts on it', () => {
    assert.deepEqual(findKeyLine("[rule]\nquery = '''a: b'''\n", 'rule', 'query'), {
      line: 2,
      valueLine: 2,
    });
    assert.equal(findKeyLine('[rule]\nname = "x"\n', 'rule', 'query'), null);
  });
});
