// Golden tests: real rules and hunting queries of the Elastic corpus, each lowered and compared,
// stage by stage and predicate by predicate, with what a reading of the query by hand says.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RuleDocument } from '../../../src/ir/index.js';
import { lowerElasticHunting } from '../../../src/lower/elastic/lower-elastic-hunting.js';
import { lowerElastic } from '../../../src/lower/elastic/lower-elastic.js';
import type { LoweredQuery } from '../../../src/lower/lowered-query.js';
import { readElasticHunting } from '../../../src/sources/elastic/read-elastic-hunting.js';
import { readElasticRepository } from '../../../src/sources/elastic/read-elastic.js';
import { stageLines } from '../elastic-fixture.js';
import { EQL_CASES } from './eql-cases.js';
import { ESQL_CASES } from './esql-cases.js';
import type { ElasticGoldenCase } from './golden-case.js';
import { KUERY_CASES } from './kuery-cases.js';
import { RULE_TYPE_CASES } from './rule-type-cases.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpora/elastic');
const present = existsSync(corpus);
if (!present && process.env.CI === 'true') throw new Error(`Elastic corpus missing at ${corpus}`);

const CASES = [...KUERY_CASES, ...EQL_CASES, ...ESQL_CASES, ...RULE_TYPE_CASES];

/** What issue 5 asks the golden cases to show: each language construct… */
const CONSTRUCTS = [
  'kuery-value-list', 'kuery-number', 'kuery-precedence', 'kuery-not', 'kuery-quoted',
  'kuery-contains', 'kuery-wildcard', 'kuery-escapes', 'kuery-ip-field', 'kuery-quoted-escapes',
  'kuery-range', 'kuery-flattened', 'kuery-nested', 'kuery-text-field', 'eql-in',
  'eql-like-insensitive', 'eql-any-category', 'eql-regex-insensitive', 'eql-optional-field',
  'eql-colon-wildcard', 'eql-colon', 'eql-sequence', 'eql-maxspan', 'eql-missing-step',
  'eql-runs', 'eql-sample', 'eql-until', 'eql-stringcontains', 'eql-cidrmatch', 'eql-null',
  'eql-length', 'eql-startswith-fields', 'eql-order', 'eql-not-null', 'eql-substring',
  'eql-endswith', 'computed-condition', 'esql-inline-stats', 'esql-computed', 'esql-mv-contains',
  'esql-mv-expand', 'esql-stats', 'esql-keep', 'esql-sort', 'esql-grok', 'esql-rlike',
  'esql-eval', 'esql-is-null', 'esql-kql', 'esql-match-options', 'esql-to-lower', 'esql-dissect',
  'esql-backticks', 'esql-two-columns', 'category-override', 'index-patterns', 'filters',
  'query-dsl-wildcard', 'exceptions',
];

/** …and each rule type, hunting queries included. */
const RULE_TYPES = [
  'threshold', 'threshold-cardinality', 'new_terms', 'new_terms-history', 'threat_match',
  'machine_learning', 'alert_suppression', 'lucene', 'hunting-esql', 'hunting-eql',
  'hunting-shared-uuid', 'hunting-osquery', 'hunting-esql-limit',
];

describe('Elastic golden rules', { skip: present ? false : `no corpus at ${corpus}` }, () => {
  const rules = present ? readElasticRepository(corpus) : null;
  const hunts = present ? readElasticHunting(corpus) : null;

  const lowered = (golden: ElasticGoldenCase): { doc: RuleDocument; query: LoweredQuery } => {
    assert.ok(rules && hunts);
    if (golden.hunt !== undefined) {
      const doc = hunts.documents.find((candidate) => candidate.upstreamId === golden.hunt);
      assert.ok(doc, `no hunting query ${golden.hunt}`);
      return { doc, query: lowerElasticHunting(doc, hunts.context) };
    }
    const doc = rules.documents.find((candidate) => candidate.file === golden.file);
    assert.ok(doc, `no rule file ${golden.file}`);
    return { doc, query: lowerElastic(doc, rules.context) };
  };

  for (const golden of CASES) {
    const name = `${golden.hunt ?? path.basename(golden.file, '.toml')} (${golden.covers})`;
    it(name, () => {
      const { doc, query } = lowered(golden);
      assert.equal(doc.file, golden.file);
      assert.deepEqual(stageLines(query.pipeline), golden.stages);
      const warnings = query.diagnostics.filter((d) => d.severity !== 'info');
      assert.deepEqual(warnings.map((d) => `${d.severity} ${d.code}`), golden.diagnostics);
    });
  }

  it('covers every construct and rule type of issue 5, with at least 40 queries', () => {
    const covered = new Set(CASES.flatMap((golden) => golden.covers));
    const wanted = [...CONSTRUCTS, ...RULE_TYPES];
    assert.deepEqual(wanted.filter((key) => !covered.has(key)), []);
    assert.deepEqual([...covered].filter((key) => !wanted.includes(key)), []);
    assert.ok(CASES.length >= 40, `${CASES.length} cases`);
    const keys = CASES.map((golden) => golden.hunt ?? golden.file);
    assert.equal(new Set(keys).size, CASES.length);
  });
});
