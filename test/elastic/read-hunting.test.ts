// Elastic hunting queries on a small repository we wrote: one document per query of every
// hunting/<area>/queries/*.toml file, ids `<uuid>#<n>`, each query's language told apart.

import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildCatalog } from '../../src/build/build-catalog.js';
import type { RuleDocument } from '../../src/ir/index.js';
import { lowerElasticHunting } from '../../src/lower/elastic/lower-elastic-hunting.js';
import { readElasticHunting } from '../../src/sources/elastic/read-elastic-hunting.js';
import { stageLines } from './elastic-fixture.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../fixtures/elastic/repository');
const commit = '0123456789abcdef0123456789abcdef01234567';
const SERVICES = '11111111-2222-4333-8444-555555555555';
const PYTHON = '99999999-8888-4777-8666-555555555555';

describe('readElasticHunting', () => {
  const read = readElasticHunting(root);
  const byId = (id: string): RuleDocument => {
    const doc = read.documents.find((candidate) => candidate.upstreamId === id);
    assert.ok(doc, id);
    return doc;
  };

  it('reads each query of hunting/<area>/queries/*.toml as its own document', () => {
    assert.equal(read.source, 'elastic-hunting');
    assert.equal(read.files, 4);
    assert.deepEqual(
      read.documents.map((doc) => [doc.upstreamId, doc.file, doc.line, doc.queryLine]),
      [
        [`${PYTHON}#1`, 'hunting/macos/queries/python_file_creation.toml', 12, 12],
        [`${PYTHON}#2`, 'hunting/macos/queries/python_network.toml', 11, 11],
        [`${SERVICES}#1`, 'hunting/windows/queries/rare_service_installs.toml', 15, 15],
        [`${SERVICES}#2`, 'hunting/windows/queries/rare_service_installs.toml', 20, 21],
        [`${SERVICES}#3`, 'hunting/windows/queries/rare_service_installs.toml', 23, 24],
      ],
    );
  });

  it('reports a hunt without a uuid as a failure with file and line', () => {
    assert.deepEqual(read.failures, [
      {
        source: 'elastic-hunting',
        file: 'hunting/linux/queries/no_uuid.toml',
        line: 1,
        reason: 'the [hunt] table has no uuid',
      },
    ]);
  });

  it('tells each query its language: ES|QL by `from`, osquery SQL by `select`', () => {
    assert.deepEqual(
      read.documents.map((doc) => [doc.language, doc.raw.queryLanguage]),
      [
        ['eql', 'eql'],
        ['eql', 'eql'],
        ['esql', 'esql'],
        ['none', 'osquery'],
        ['esql', 'esql'],
      ],
    );
  });

  it('drops a `sql` label line before the query and says so', () => {
    const labelled = byId(`${SERVICES}#3`);
    assert.equal(
      labelled.query,
      'from logs-windows.sysmon_operational-*\n| where event.code == "6"\n| keep file.path\n',
    );
    assert.deepEqual(labelled.readingNotes, [
      {
        severity: 'info',
        code: 'elastic-hunting.label',
        message: "the line 'sql' before the query labels it; not read",
        file: 'hunting/windows/queries/rare_service_installs.toml',
        line: 23,
      },
    ]);
  });

  it('numbers the queries of files sharing a uuid on, in path order', () => {
    assert.deepEqual(byId(`${PYTHON}#2`).readingNotes, [
      {
        severity: 'info',
        code: 'elastic-hunting.shared-uuid',
        message:
          `uuid ${PYTHON} is also used by hunting/macos/queries/python_file_creation.toml;` +
          ' queries numbered on',
        file: 'hunting/macos/queries/python_network.toml',
        line: 11,
      },
    ]);
  });

  it('keeps the hunt metadata: notes and integrations apart, ATLAS ids as tags', () => {
    const doc = byId(`${SERVICES}#1`);
    assert.deepEqual(
      {
        title: doc.title,
        type: doc.type,
        description: doc.description,
        authors: doc.authors,
        techniques: doc.techniques,
        tags: doc.tags,
        dataSources: doc.dataSources,
        url: doc.url,
        elastic: doc.elastic,
      },
      {
        title: 'Rare Service Installs (query 1 of 3)',
        type: 'hunting',
        description: 'Services installed on few hosts, counted per service file.',
        authors: ['ruledex tests'],
        techniques: ['T1543.003'],
        tags: ['AML.T0011'],
        dataSources: [],
        url:
          `https://github.com/elastic/detection-rules/blob/${commit}/` +
          'hunting/windows/queries/rare_service_installs.toml',
        elastic: {
          integrations: [
            { package: 'endpoint', integration: null },
            { package: 'windows', integration: null },
          ],
          setup: null,
          notes: ['Compare the service file with the software inventory.'],
        },
      },
    );
    assert.equal(byId(`${PYTHON}#1`).title, 'Executable File Written by Python');
  });

  it('lowers ES|QL and EQL hunts into stages, and keeps osquery SQL opaque', () => {
    const lower = (id: string) => lowerElasticHunting(byId(id), read.context);
    assert.deepEqual(stageLines(lower(`${SERVICES}#3`).pipeline), [
      '1 from filter {"index":["logs-windows.sysmon_operational-*"],"metadata":[]} | ' +
        '_index startswith cased "logs-windows.sysmon_operational-"',
      '2 where filter {} | event.code eq cased "6"',
      '3 keep format {"fields":["file.path"]}',
    ]);
    assert.deepEqual(stageLines(lower(`${PYTHON}#1`).pipeline), [
      '1 query filter {} | and(event.category eq cased "file", event.type eq cased "creation", ' +
        'process.name startswith "python")',
    ]);

    const osquery = lower(`${SERVICES}#2`);
    assert.deepEqual(stageLines(osquery.pipeline), ['1 query filter {}']);
    assert.equal(osquery.pipeline[0].opaque, true);
    assert.deepEqual(
      osquery.diagnostics.map((d) => [d.severity, d.code, d.line, d.message]),
      [['warning', 'elastic-hunting.osquery', 20, 'osquery SQL queries are not parsed']],
    );
  });

  it('is read with the `elastic` source, under its own source key', () => {
    const built = buildCatalog([{ source: 'elastic', root }]);
    assert.deepEqual(built.summary.sources['elastic-hunting'], {
      files: 4,
      documents: 6,
      rules: 5,
      failed: 1,
      withDiagnostics: 3,
      fullyParsed: 4,
    });
    const hunts = built.rules.filter((rule) => rule.source === 'elastic-hunting');
    assert.deepEqual(hunts.map((rule) => rule.id).slice(0, 2), [
      `elastic-hunting:${PYTHON}#1`,
      `elastic-hunting:${PYTHON}#2`,
    ]);
    assert.deepEqual(
      built.sources.map((source) => source.source),
      ['elastic', 'elastic-hunting'],
    );
  });
});
