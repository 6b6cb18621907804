// Indicators, corpus counts and neighbors on the three public snapshots: figures, speed, and
// claims checked by hand against the rule files.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { indicatorKey, withCorpusCounts } from '../../src/analysis/corpus-index.js';
import { indicatorsOf } from '../../src/analysis/indicators.js';
import {
  searchNeighbors,
  type NeighborSearch,
} from '../../src/analysis/neighbors/find-neighbors.js';
import { buildCatalog } from '../../src/build/build-catalog.js';
import type { AnalyzedRule, Indicator, IndicatorValue, Scalar } from '../../src/ir/index.js';
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
    'the same search and stats: equivalent, so each page lists the other as equivalent',
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

/** The rule of docs/reference-rule-page.txt: PowerShell script blocks, EventCode 4104. */
const REFERENCE_RULE = 'splunk:2a048c14-4634-11ec-a618-3e22fbd008af';
/** A Sigma rule on the `ps_script` log source, whose taxonomy means event 4104. */
const PS_SCRIPT_RULE = 'sigma:91e69562-2426-42ce-a647-711b8152ced6';
/** An Elastic rule writing `event.code:"4104"` itself. */
const ELASTIC_SCRIPT_BLOCK_RULE = 'elastic:64f17c52-6c6e-479e-ba72-236f3df18f3d';

/**
 * Rules read by hand that look for the same process by name: Sigma as `Image|endswith:
 * '\name'`, Splunk as `Processes.process_name=name`, Elastic as `process.name : name`
 * (case-sensitively, in the cmd.exe rule).
 */
const PROCESS_NAME_TRIPLES = [
  {
    name: 'netsh.exe',
    sigma: 'sigma:cd5cfd80-aa5f-44c0-9c20-108c4ae12e3c',
    splunk: 'splunk:ce27646e-d411-11eb-8a00-acde48001122',
    elastic: 'elastic:2de87d72-ee0c-43e2-b975-5f0b029ac600',
  },
  {
    name: 'cmd.exe',
    sigma: 'sigma:06125661-3814-4e03-bfa2-1e4411c60ac3',
    splunk: 'splunk:54a6ed00-3256-11ec-b031-acde48001122',
    elastic: 'elastic:d9af2479-ad13-4471-a312-f586517f1243',
  },
  {
    name: 'bitsadmin.exe',
    sigma: 'sigma:1cf465a1-2609-4c15-9b66-c32dbe4bfd67',
    splunk: 'splunk:e97a5ffe-90bf-11eb-928a-acde48001122',
    elastic: 'elastic:4ae94fc1-f08f-419f-b692-053d28219380',
  },
];

let rules: AnalyzedRule[];
let search: NeighborSearch;

/** A built rule's (counted) indicator on a field as written, and its value written as given. */
function ruleIndicator(
  id: string,
  field: string,
  written: Scalar,
): { indicator: Indicator; value: IndicatorValue } {
  const rule = rules.find((candidate) => candidate.id === id);
  assert.ok(rule, `${id} is in the catalog`);
  for (const indicator of rule.indicators) {
    if (indicator.field !== field || indicator.negated) continue;
    const value = indicator.values.find((candidate) => candidate.value === written);
    if (value) return { indicator, value };
  }
  assert.fail(`${id} has no indicator ${field} ${JSON.stringify(written)}`);
}


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

    const reference = counted.get(REFERENCE_RULE) ?? [];
    const eventCode = reference.find((i) => i.field === 'EventCode' && i.op === 'eq');
    const corpus = eventCode?.values.find((v) => v.value === 4104)?.corpus;
    assert.ok(corpus && corpus.total > 50, 'EventCode 4104 is looked for by many rules');
    assert.deepEqual(corpus, ruleIndicator(REFERENCE_RULE, 'EventCode', 4104).value.corpus);
  });
});

describe('cross-vendor indicators on the three public snapshots', { skip }, () => {
  test("the reference rule's EventCode 4104 counts rules from all three sources", () => {
    const { indicator, value } = ruleIndicator(REFERENCE_RULE, 'EventCode', 4104);
    assert.equal(indicator.canonicalField, 'event.code');
    const { bySource } = value.corpus;
    assert.ok((bySource.splunk ?? 0) > 50, `${bySource.splunk} Splunk rules`);
    assert.ok((bySource.sigma ?? 0) > 50, `${bySource.sigma} Sigma rules (ps_script log source)`);
    assert.ok((bySource.elastic ?? 0) > 5, `${bySource.elastic} Elastic rules`);

    // One rule of each kind, by hand: Sigma's from its log source, Elastic's as written.
    const key = indicatorKey(indicator, value);
    const sigma = ruleIndicator(PS_SCRIPT_RULE, 'event.code', '4104');
    const elastic = ruleIndicator(ELASTIC_SCRIPT_BLOCK_RULE, 'event.code', '4104');
    assert.equal(indicatorKey(sigma.indicator, sigma.value), key);
    assert.equal(indicatorKey(elastic.indicator, elastic.value), key);
  });

  test('three hand-picked process names land on one indicator from each source', () => {
    for (const { name, sigma, splunk, elastic } of PROCESS_NAME_TRIPLES) {
      const path = ruleIndicator(sigma, 'Image', `\\${name}`);
      assert.deepEqual(
        [path.indicator.canonicalField, path.indicator.op, path.indicator.canonicalOp],
        ['process.name', 'endswith', 'eq'],
      );
      assert.equal(path.value.canonical, name);
      const cim = ruleIndicator(splunk, 'Processes.process_name', name);
      const ecs = ruleIndicator(elastic, 'process.name', name);

      const key = indicatorKey(path.indicator, path.value);
      assert.equal(indicatorKey(cim.indicator, cim.value), key, `${splunk} looks for ${name}`);
      assert.equal(indicatorKey(ecs.indicator, ecs.value), key, `${elastic} looks for ${name}`);
      for (const { value } of [path, cim, ecs]) {
        const { bySource } = value.corpus;
        const sources = (['splunk', 'sigma', 'elastic'] as const).filter((s) => bySource[s]);
        assert.deepEqual(sources, ['splunk', 'sigma', 'elastic'], `${name}: ${sources}`);
      }
    }
  });

  test('a case-sensitive and a case-insensitive value count together, and keep their rules', () => {
    const { name, sigma, elastic } = PROCESS_NAME_TRIPLES[1];
    const cased = ruleIndicator(elastic, 'process.name', name);
    const folded = ruleIndicator(sigma, 'Image', `\\${name}`);
    const caseRules = [cased.indicator.caseSensitive, folded.indicator.caseSensitive];
    assert.deepEqual(caseRules, [true, false]);
    const key = indicatorKey(folded.indicator, folded.value);
    assert.equal(indicatorKey(cased.indicator, cased.value), key);
  });

  test('neighbors of the whole corpus are found, across sources too', () => {
    assert.ok(search.claims.length >= 250, `${search.claims.length} claims`);
    const across = search.claims.filter((c) => c.broader.source !== c.narrower.source);
    assert.ok(across.length >= 5, `${across.length} claims across sources`);
  });

  test('every hand-checked claim is found, and listed on both rules', () => {
    const claimed = new Set(search.claims.map((c) => `${c.broader.id} ${c.narrower.id}`));
    for (const [broader, narrower, why] of CHECKED_CLAIMS) {
      assert.ok(claimed.has(`${broader} ${narrower}`), `${broader} ⊇ ${narrower}: ${why}`);
      const equivalent = claimed.has(`${narrower} ${broader}`);
      const relation = equivalent ? 'equivalent' : 'broader';
      const shown = search.neighbors.get(narrower)?.[relation]?.map((n) => n.id) ?? [];
      assert.ok(shown.includes(broader), `${narrower} lists ${broader} as ${relation}`);
      if (!equivalent) continue;
      const back = search.neighbors.get(broader)?.equivalent?.map((n) => n.id) ?? [];
      assert.ok(back.includes(narrower), `${broader} lists ${narrower} as equivalent`);
    }
  });

  test('no claim names a broader rule that drops events after its condition', () => {
    for (const { broader, narrower } of search.claims) {
      const pair = `${broader.id} ⊇ ${narrower.id}`;
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
