// Indicators, corpus counts and neighbors on the three public snapshots: figures, speed, and
// claims checked by hand against the rule files.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { withCorpusCounts } from '../../src/analysis/corpus-index.js';
import { indicatorsOf } from '../../src/analysis/indicators.js';
import {
  searchNeighbors,
  type NeighborSearch,
} from '../../src/analysis/neighbors/find-neighbors.js';
import { buildCatalog } from '../../src/build/build-catalog.js';
import type { AnalyzedRule, Indicator } from '../../src/ir/index.js';
import { corpusPath, corpusSkip } from '../corpus/corpora.js';

const skip = corpusSkip();

/**
 * Claims read against the rule files by hand (see the report of the change that added them):
 * [broader, narrower, why it holds].
 */
const CHECKED_CLAIMS: [string, string, string][] = [
  [
    'splunk:b89919ed-fe5f-492c-b139-95dbb162040e',
    'splunk:b89919ed-fe5f-492c-b139-95dbb162041e',
    'tstats on Endpoint.Processes: process_name=netsh.exe is one branch of `process_netsh`',
  ],
  [
    'splunk:d5af132c-7c17-439c-9d31-13d55340f36c',
    'splunk:1297fb80-f42a-4b4a-9c8b-78c066437cf6',
    'same schtasks.exe with *create* OR *delete*; tstats fills its group-by fields',
  ],
  [
    'splunk:e1866ce2-ca22-11eb-8e44-acde48001122',
    'splunk:61994268-04f4-11ec-865c-acde48001122',
    '*Get-DomainUser* is one of the IN values; both group by the same four fields',
  ],
  [
    'splunk:3abb2eda-4bb8-11ec-9ae4-3e22fbd008af',
    'splunk:429141be-8311-11eb-adb6-acde48001122',
    'the same search and stats: equivalent',
  ],
  [
    'splunk:023f3452-5f27-11ec-bf00-acde48001122',
    'splunk:3b132a71-9335-4f33-9932-00bb4f6ac7e8',
    'file_path starting /etc/cron. contains /etc/cron; the broader one does not test action',
  ],
  [
    'sigma:5e3d3601-0662-4af0-b1d2-36a05e90c40a',
    'sigma:6902955a-01b7-432c-b32a-6f5f81d8f625',
    "contains 'lsass.exe.' implies contains 'lsass', endswith '.dmp' implies endswith 'dmp'",
  ],
  [
    'sigma:e28a5a99-da44-436d-b7a0-2afc20a5f413',
    'sigma:79ce34ca-af29-4d0e-b832-fc1b377020db',
    'the same Image/OriginalFileName selection, plus a User condition',
  ],
  [
    'sigma:9b894e57-033f-46cf-b7fa-a52804181973',
    'sigma:1a5c46e9-f32f-42f7-b2bc-6e9084db7fbf',
    '\\Security\\AccessVBOM is one of the TargetObject suffixes; Details is extra',
  ],
  [
    'elastic:29052c19-ff3e-42fd-8363-7be14d7c5469',
    'elastic:25e7fee6-fc25-11ee-ba0f-f661ea17fbce',
    'same index and KQL values; AuthorizeSecurityGroupIngress is one of the actions',
  ],
  [
    'elastic:3e12a439-d002-4944-bc42-171c0dcb9b96',
    'elastic:ba81c182-4287-489d-af4d-8ae834b06040',
    'the same EQL driver query plus user.id != "0"; the same two index patterns',
  ],
];

/** Elastic rule types that never alert on every event their query matches. */
const NEVER_BROADER_TYPES = new Set(['threshold', 'new_terms', 'threat_match', 'machine_learning']);

let rules: AnalyzedRule[];
let search: NeighborSearch;


before(() => {
  if (skip) return;
  const sources = (['splunk', 'sigma', 'elastic'] as const).map((source) => ({
    source,
    root: corpusPath(source),
  }));
  rules = buildCatalog(sources).rules;
  search = searchNeighbors(rules);
});

describe('analysis of the three public snapshots', { skip }, () => {
  test('corpus counts of every indicator', () => {
    const indicators = new Map<string, Indicator[]>();
    for (const rule of rules) indicators.set(rule.id, indicatorsOf(rule));
    const counted = withCorpusCounts(rules, indicators);

    const reference = counted.get('splunk:2a048c14-4634-11ec-a618-3e22fbd008af') ?? [];
    const eventCode = reference.find((i) => i.field === 'EventCode' && i.op === 'eq');
    const corpus = eventCode?.values.find((v) => v.value === 4104)?.corpus;
    assert.ok(corpus && corpus.total > 50, 'EventCode 4104 is looked for by many rules');
    assert.equal(corpus.bySource.splunk, corpus.total);
  });

  test('neighbors of the whole corpus are found', () => {
    assert.ok(search.claims.length >= 250, `${search.claims.length} claims`);
  });

  test('every hand-checked claim is found, and listed on both rules', () => {
    const claimed = new Set(search.claims.map((c) => `${c.broader.id} ${c.narrower.id}`));
    for (const [broader, narrower, why] of CHECKED_CLAIMS) {
      assert.ok(claimed.has(`${broader} ${narrower}`), `${broader} ⊇ ${narrower}: ${why}`);
      const shown = search.neighbors.get(narrower)?.broader.map((n) => n.id) ?? [];
      assert.ok(shown.includes(broader), `${narrower} lists ${broader} as broader`);
    }
  });

  test('no claim names a broader rule that drops events after its condition', () => {
    for (const { broader, narrower } of search.claims) {
      const pair = `${broader.id} ⊇ ${narrower.id}`;
      assert.equal(broader.source, narrower.source, pair);
      assert.ok(broader.fullyParsed && narrower.fullyParsed, pair);
      assert.ok(!NEVER_BROADER_TYPES.has(broader.type ?? ''), pair);
      assert.ok(!broader.pipeline.some((s) => s.effect === 'filter-aggregated'), pair);
      assert.ok(!broader.pipeline.some((s) => s.opaque), pair);
    }
  });

  test('the build stores the same neighbors the search lists', () => {
    for (const rule of rules) {
      assert.deepEqual(rule.neighbors, search.neighbors.get(rule.id), rule.id);
    }
  });
});
